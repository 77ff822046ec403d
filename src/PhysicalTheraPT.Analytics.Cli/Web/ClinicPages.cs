using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.FrontDesk;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using static PhysicalTheraPT.Analytics.Cli.Web.Html;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// The front desk's pages: the clinics a user works for, today's list with a form per patient, the calls
/// of the last days, a patient's history and a search. Outcomes go to <see cref="FrontDeskOutcomes"/>,
/// which records them as a worked Excel list's are recorded.
/// </summary>
internal static class ClinicPages
{
    private const int InboxEntriesShown = 5;

    public static void Map(WebApplication app, WebApp web)
    {
        app.MapGet("/", WebApp.Handler(http => web.SignedInAsync(http, user => HomeAsync(http, web, user))));
        app.MapGet("/clinics/{clinicId}/list", (HttpContext http, string clinicId, string? saved, string? result) =>
            web.ClinicAsync(http, clinicId, "list", (user, clinic) => ListAsync(http, web, user, clinic, saved, result)));
        app.MapPost("/clinics/{clinicId}/list", (HttpContext http, string clinicId) =>
            web.ClinicAsync(http, clinicId, "list", (user, clinic) => SaveAsync(http, web, user, clinic)));
        app.MapGet("/clinics/{clinicId}/recent", (HttpContext http, string clinicId) =>
            web.ClinicAsync(http, clinicId, "recent calls", (user, clinic) => RecentAsync(http, web, user, clinic)));
        app.MapGet("/clinics/{clinicId}/patients/{patientId}", (HttpContext http, string clinicId, string patientId) =>
            web.ClinicAsync(http, clinicId, "patient page", (user, clinic) => PatientAsync(http, web, user, clinic, patientId)));
        app.MapGet("/search", (HttpContext http, string? q) => web.SignedInAsync(http, user => SearchAsync(http, web, user, q)));
    }

    /// <summary>"Eastside (C01)": how every title names the clinic.</summary>
    public static string Named(ClinicRow clinic) => clinic.Name == clinic.ClinicId ? clinic.ClinicId : $"{clinic.Name} ({clinic.ClinicId})";

    public static string OutcomeLabel(string contractName) => OutreachOutcomeNames.TryParse(contractName, out var outcome) ? OutcomeLabel(outcome.Value) : contractName;

    private static string OutcomeLabel(OutreachOutcome outcome) => outcome switch
    {
        OutreachOutcome.NotReached => "Not reached",
        OutreachOutcome.LeftMessage => "Left message",
        OutreachOutcome.Booked => "Booked",
        OutreachOutcome.Declined => "Declined",
        OutreachOutcome.DoNotContact => "Do not contact",
        _ => "Wrong number",
    };

    private static async Task<IResult> HomeAsync(HttpContext http, WebApp web, DashboardUser user)
    {
        var clinics = await ClinicDirectory.LoadAsync(web.Get<AnalyticsDatabase>(), http.RequestAborted);
        var body = new StringBuilder();
        foreach (var clinic in clinics.Clinics.Where(clinic => user.MaySee(clinic.ClinicId)))
        {
            var id = Uri.EscapeDataString(clinic.ClinicId);
            body.Append("<section class=\"card\"><h2>").Append(E(Named(clinic))).Append("</h2><p>")
                .Append($"<a href=\"/clinics/{id}/list\">Today's list</a> · <a href=\"/clinics/{id}/recent\">Recently contacted</a>")
                .Append("</p></section>");
        }

        if (body.Length == 0)
        {
            body.Append(Problem("None of your clinics is in the database yet."));
        }

        if (user.SeesDashboard)
        {
            body.Append("<p><a href=\"/hangfire\">Jobs dashboard</a></p>");
        }

        return Page(http, "Your clinics", SearchForm("") + body, user);
    }

    private static async Task<IResult> ListAsync(HttpContext http, WebApp web, DashboardUser user, ClinicRow clinic, string? saved, string? result)
    {
        var today = TodayIn(web, clinic);
        var rows = await web.Get<FrontDeskReader>().TodayAsync(clinic.ClinicId, today, http.RequestAborted);
        var body = new StringBuilder();
        if (saved is not null)
        {
            var name = (await web.Get<FrontDeskReader>().HistoryAsync(clinic.ClinicId, saved, http.RequestAborted))?.Patient.FullName ?? "the patient";
            body.Append(result switch
            {
                nameof(WebOutcomeStatus.Recorded) => Notice($"Saved the outcome for {name}."),
                nameof(WebOutcomeStatus.SentBefore) => Notice($"That form was already sent: the outcome for {name} is recorded once."),
                nameof(WebOutcomeStatus.AlreadyRecordedToday) => Notice($"That outcome for {name} was already recorded today: nothing recorded twice."),
                _ => Problem($"{name} is no longer on the list: nothing recorded."),
            });
        }

        body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{rows.Count} patient(s) to call on {Iso(today)}. <a href=\"/clinics/{Uri.EscapeDataString(clinic.ClinicId)}/recent\">Recently contacted</a></p>");
        var antiforgery = Antiforgery(http);
        for (var index = 0; index < rows.Count; index++)
        {
            AppendRow(body, clinic, rows[index], index, antiforgery);
        }

        if (rows.Count == 0)
        {
            body.Append(Notice("Nobody to call today."));
        }

        await AppendInboxAsync(body, web, clinic, http.RequestAborted);
        return Page(http, $"Today's list · {Named(clinic)}", body.ToString(), user);
    }

    /// <summary>The clinic's latest Excel lists taken back by the outreach-inbox job: whoever drops one sees here whether it went in or what to fix.</summary>
    private static async Task AppendInboxAsync(StringBuilder body, WebApp web, ClinicRow clinic, CancellationToken cancellationToken)
    {
        var entries = await web.Get<InboxHistory>().RecentAsync([clinic.ClinicId], InboxEntriesShown, cancellationToken);
        body.Append("<section class=\"card\"><h2>Worked Excel lists sent back</h2>");
        if (entries.Count == 0)
        {
            body.Append("<p class=\"meta\">None yet. A worked list saved into the inbox folder is recorded within 15 minutes.</p></section>");
            return;
        }

        body.Append("<ul>");
        foreach (var entry in entries)
        {
            var handled = entry.HandledAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var status = entry.Status == InboxEntry.Imported ? "imported" : "rejected";
            body.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(status)}</strong> {E(entry.FileName)} · {E(handled)} · {E(entry.Summary)}</li>");
        }

        body.Append("</ul></section>");
    }

    private static void AppendRow(StringBuilder body, ClinicRow clinic, FrontDeskReader.TodayRow today, int index, string antiforgery)
    {
        var row = today.Row;
        var clinicPath = "/clinics/" + Uri.EscapeDataString(clinic.ClinicId);
        var last = today.LastOutcome is { } outcome ? $"last: {OutcomeLabel(outcome)} on {Iso(today.LastContactOn)}" : "not tried yet";
        body.Append("<article class=\"card\"><h2>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{clinicPath}/patients/{Uri.EscapeDataString(row.PatientId)}\">{E(row.Name)}</a></h2>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(row.Reason)} · {row.DaysSince} days since · tries so far: {today.Attempts} · {E(last)}</p>")
            .Append("<p class=\"meta\">").Append(Channels(row.PreferredChannel, row.Phone, row.Email)).Append("</p>")
            .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{clinicPath}/list\">{antiforgery}")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"patientId\" value=\"{E(row.PatientId)}\">")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"formToken\" value=\"{Guid.NewGuid():N}\">")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"row\"><div><label for=\"outcome-{index}\">Outcome for {E(row.Name)}</label>")
            .Append(CultureInfo.InvariantCulture, $"<select id=\"outcome-{index}\" name=\"outcome\" required><option value=\"\">Choose…</option>");
        foreach (var choice in Enum.GetValues<OutreachOutcome>())
        {
            body.Append(CultureInfo.InvariantCulture, $"<option value=\"{choice.ToContractName()}\">{OutcomeLabel(choice)}</option>");
        }

        body.Append("</select></div>")
            .Append(CultureInfo.InvariantCulture, $"<div><label for=\"note-{index}\">Note for {E(row.Name)}</label>")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"text\" id=\"note-{index}\" name=\"note\" maxlength=\"1000\"></div></div>")
            .Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">Save outcome for {E(row.Name)}</button></form></article>");
    }

    private static string Channels(string? preferred, string? phone, string? email)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(preferred))
        {
            parts.Add("prefers " + E(preferred));
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            parts.Add($"phone <a href=\"tel:{E(phone)}\">{E(phone)}</a>");
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            parts.Add($"email <a href=\"mailto:{E(email)}\">{E(email)}</a>");
        }

        return parts.Count == 0 ? "no phone or email on file" : string.Join(" · ", parts);
    }

    private static async Task<IResult> SaveAsync(HttpContext http, WebApp web, DashboardUser user, ClinicRow clinic)
    {
        if (await WebApp.RefuseForgedAsync(http, user) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var patientId = form["patientId"].ToString();
        var token = form["formToken"].ToString();
        if (!OutreachOutcomeNames.TryParse(form["outcome"].ToString(), out var outcome) || patientId.Length == 0 || !Guid.TryParseExact(token, "N", out _))
        {
            return Page(http, $"Today's list · {Named(clinic)}", Problem("Pick an outcome from the list, then save.") + $"<p><a href=\"/clinics/{Uri.EscapeDataString(clinic.ClinicId)}/list\">Back to the list</a></p>", user, StatusCodes.Status400BadRequest);
        }

        var request = new WebOutcomeRequest(clinic.ClinicId, patientId, outcome.Value, form["note"].ToString(), TodayIn(web, clinic), user.Name, user.Initials, token);
        var result = await web.Get<FrontDeskOutcomes>().RecordAsync(request, http.RequestAborted);
        // Post, then redirect, then get: reloading the list never sends the form again.
        return Results.Redirect($"/clinics/{Uri.EscapeDataString(clinic.ClinicId)}/list?saved={Uri.EscapeDataString(patientId)}&result={result.Status}");
    }

    private static async Task<IResult> RecentAsync(HttpContext http, WebApp web, DashboardUser user, ClinicRow clinic)
    {
        var since = TodayIn(web, clinic).AddDays(-web.Options.RecentDays);
        var contacts = await web.Get<FrontDeskReader>().RecentAsync(clinic.ClinicId, since, http.RequestAborted);
        var body = string.Create(CultureInfo.InvariantCulture, $"<p class=\"meta\">Calls recorded since {Iso(since)} (the last {web.Options.RecentDays} days), newest first.</p>")
            + ContactTable(clinic, contacts, withPatient: true);
        return Page(http, $"Recently contacted · {Named(clinic)}", body, user);
    }

    private static async Task<IResult> PatientAsync(HttpContext http, WebApp web, DashboardUser user, ClinicRow clinic, string patientId)
    {
        var history = await web.Get<FrontDeskReader>().HistoryAsync(clinic.ClinicId, patientId, http.RequestAborted);
        if (history is null)
        {
            return Page(http, $"No such patient · {Named(clinic)}", Problem("This clinic has no patient with that id."), user, StatusCodes.Status404NotFound);
        }

        var patient = history.Patient;
        var body = "<section class=\"card\"><p class=\"meta\">Patient " + E(patient.PatientId) + "</p><p class=\"meta\">"
            + Channels(patient.PreferredChannel, patient.Phone, patient.Email) + "</p></section>"
            + "<h2>Outreach history</h2>"
            + (history.Contacts.Count == 0 ? Notice("No calls recorded yet.") : ContactTable(clinic, history.Contacts, withPatient: false));
        return Page(http, $"{patient.FullName} · {Named(clinic)}", body, user);
    }

    private static string ContactTable(ClinicRow clinic, IReadOnlyList<ContactRow> contacts, bool withPatient)
    {
        var table = new StringBuilder("<div class=\"scroll\"><table><thead><tr><th>Date</th>");
        table.Append(withPatient ? "<th>Patient</th>" : "").Append("<th>Outcome</th><th>Who</th><th>Note</th><th>From</th></tr></thead><tbody>");
        foreach (var contact in contacts)
        {
            table.Append("<tr><td>").Append(Iso(contact.OutcomeOn)).Append("</td>");
            if (withPatient)
            {
                table.Append(CultureInfo.InvariantCulture, $"<td><a href=\"/clinics/{Uri.EscapeDataString(clinic.ClinicId)}/patients/{Uri.EscapeDataString(contact.PatientId)}\">{E(contact.FullName)}</a></td>");
            }

            var who = contact.UserName is null ? contact.StaffInitials : $"{contact.StaffInitials} ({contact.UserName})";
            var from = contact.Source == FrontDeskOutcomes.WebSource ? "web" : "Excel list";
            table.Append(CultureInfo.InvariantCulture, $"<td>{E(OutcomeLabel(contact.Outcome))}</td><td>{E(who)}</td><td>{E(contact.Notes)}</td><td>{from}</td></tr>");
        }

        return table.Append("</tbody></table></div>").ToString();
    }

    private static async Task<IResult> SearchAsync(HttpContext http, WebApp web, DashboardUser user, string? query)
    {
        var clinics = await ClinicDirectory.LoadAsync(web.Get<AnalyticsDatabase>(), http.RequestAborted);
        var mine = clinics.Clinics.Where(clinic => user.MaySee(clinic.ClinicId)).ToDictionary(clinic => clinic.ClinicId, StringComparer.Ordinal);
        var body = new StringBuilder(SearchForm(query ?? ""));
        if (!string.IsNullOrWhiteSpace(query))
        {
            var found = await web.Get<FrontDeskReader>().SearchAsync(mine.Keys, query, http.RequestAborted);
            body.Append(found.Count == 0 ? Notice("No patient of your clinics matches.") : "<ul class=\"card\">");
            foreach (var patient in found)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<li><a href=\"/clinics/{Uri.EscapeDataString(patient.ClinicId)}/patients/{Uri.EscapeDataString(patient.PatientId)}\">{E(patient.FullName)}</a> · {E(patient.PatientId)} · {E(Named(mine[patient.ClinicId]))}</li>");
            }

            body.Append(found.Count == 0 ? "" : "</ul>");
        }

        return Page(http, "Search patients", body.ToString(), user);
    }

    private static string SearchForm(string query) =>
        "<form method=\"get\" action=\"/search\" class=\"card\"><label for=\"q\">Name or patient id</label>"
        + $"<input type=\"search\" id=\"q\" name=\"q\" value=\"{E(query)}\"><button type=\"submit\">Search</button></form>";

    private static DateOnly TodayIn(WebApp web, ClinicRow clinic) =>
        new ClinicDirectory([clinic], []).TodayIn(clinic.ClinicId, web.Get<TimeProvider>());
}
