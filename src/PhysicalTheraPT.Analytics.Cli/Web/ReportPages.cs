using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.FrontDesk;
using PhysicalTheraPT.Analytics.Jobs;
using static PhysicalTheraPT.Analytics.Cli.Web.Html;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// Reports to download (managers: their clinics' monthly workbooks and current outreach lists; admins:
/// every clinic's and the group's) and the audit of outcomes recorded on the web (admins).
/// </summary>
internal static class ReportPages
{
    private const string Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int AuditDays = 90;

    public static void Map(WebApplication app, WebApp web)
    {
        app.MapGet("/reports", WebApp.Handler(http => web.SignedInAsync(http, user => ListAsync(http, web, user))));
        app.MapGet("/reports/{folder}/{name}", (HttpContext http, string folder, string name) => web.SignedInAsync(http, user => DownloadAsync(http, web, user, folder, name)));
        app.MapGet("/audit", WebApp.Handler(http => web.SignedInAsync(http, user => AuditAsync(http, web, user))));
    }

    private static async Task<IResult> ListAsync(HttpContext http, WebApp web, DashboardUser user)
    {
        if (!user.IsAdmin && !user.IsManager)
        {
            return Page(http, "Reports", Problem("Reports are for managers and admins."), user, StatusCodes.Status403Forbidden);
        }

        var clinics = await ClinicDirectory.LoadAsync(web.Get<AnalyticsDatabase>(), http.RequestAborted);
        var files = ReportFiles.For(user, OutputDirectory(web), clinics.ClinicIds);
        var body = new StringBuilder();
        foreach (var folder in new[] { (ReportFiles.Monthly, "Monthly workbooks"), (ReportFiles.Outreach, "Current outreach lists") })
        {
            body.Append("<section class=\"card\"><h2>").Append(folder.Item2).Append("</h2>");
            var inFolder = files.Where(file => file.Folder == folder.Item1).ToList();
            body.Append(inFolder.Count == 0 ? "<p class=\"meta\">None yet.</p>" : "<ul>");
            foreach (var file in inFolder)
            {
                var about = file.ClinicId is null ? "all clinics" : clinics.ClinicNameOrId(file.ClinicId);
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/reports/{file.Folder}/{Uri.EscapeDataString(file.Name)}\">{E(file.Name)}</a> · {E(about)}</li>");
            }

            body.Append(inFolder.Count == 0 ? "</section>" : "</ul></section>");
        }

        return Page(http, "Reports", body.ToString(), user);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, WebApp web, DashboardUser user, string folder, string name)
    {
        var clinics = await ClinicDirectory.LoadAsync(web.Get<AnalyticsDatabase>(), http.RequestAborted);
        var output = OutputDirectory(web);
        if ((user.IsAdmin || user.IsManager) && ReportFiles.PathOf(user, output, clinics.ClinicIds, folder, name) is { } path)
        {
            return Results.File(path, Workbook, name);
        }

        if (folder is ReportFiles.Monthly or ReportFiles.Outreach && ReportFiles.ClinicOf(folder, name, clinics.ClinicIds) is { } clinicId && !user.MaySee(clinicId))
        {
            return web.Forbidden(http, user, clinicId, "report file");
        }

        if (!user.IsAdmin && !user.IsManager)
        {
            return Page(http, "Reports", Problem("Reports are for managers and admins."), user, StatusCodes.Status403Forbidden);
        }

        return Page(http, "No such report", Problem("There is no such report file (an older outreach list is replaced by the newest one)."), user, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AuditAsync(HttpContext http, WebApp web, DashboardUser user)
    {
        if (!user.IsAdmin)
        {
            return Page(http, "Audit", Problem("The audit is for admins."), user, StatusCodes.Status403Forbidden);
        }

        var since = web.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-AuditDays);
        var rows = await web.Get<FrontDeskReader>().AuditAsync(since, http.RequestAborted);
        var body = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<p class=\"meta\">Every outcome recorded on the web in the last {AuditDays} days, newest first (times UTC).</p>"));
        body.Append("<div class=\"scroll\"><table><thead><tr><th>Recorded</th><th>User</th><th>Clinic</th><th>Patient</th><th>Outcome</th><th>Call date</th><th>What changed</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{row.RecordedAt:yyyy-MM-dd HH:mm:ss}</td><td>{E(row.UserName)}</td><td>{E(row.ClinicId)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><a href=\"/clinics/{Uri.EscapeDataString(row.ClinicId)}/patients/{Uri.EscapeDataString(row.PatientId)}\">{E(row.PatientId)}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(ClinicPages.OutcomeLabel(row.Outcome))}</td><td>{Iso(row.OutcomeOn)}</td><td>{E(row.Changed)}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        return Page(http, "Audit of web outcomes", body.ToString(), user);
    }

    private static string OutputDirectory(WebApp web) => web.Get<IOptions<SchedulingOptions>>().Value.EffectiveOutputDirectory;
}
