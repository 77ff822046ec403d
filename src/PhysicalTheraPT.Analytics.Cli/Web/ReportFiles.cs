using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// The report files a user may download, found by listing the jobs' output folders (never by a path from
/// the request): <c>monthly/retention-YYYY-MM[-clinic].xlsx</c> and the newest
/// <c>outreach/outreach-clinic-YYYY-MM-DD.xlsx</c> of each clinic. A name is served only if it is one of
/// these, is a plain file, and lies inside its folder.
/// </summary>
internal static class ReportFiles
{
    public const string Monthly = "monthly";
    public const string Outreach = "outreach";

    /// <summary>The files of a folder the user may download, newest first; <see cref="ReportFile.ClinicId"/> is null for the group's workbooks.</summary>
    public static IReadOnlyList<ReportFile> For(DashboardUser user, string outputDirectory, IReadOnlyList<string> clinicIds)
    {
        var files = new List<ReportFile>();
        foreach (var name in Names(Path.Combine(outputDirectory, Monthly)))
        {
            if (MonthlyClinic(name, clinicIds, out var clinicId) && (clinicId is null ? user.IsAdmin : user.MaySee(clinicId)))
            {
                files.Add(new ReportFile(Monthly, name, clinicId));
            }
        }

        var outreach = Names(Path.Combine(outputDirectory, Outreach))
            .Select(name => (Name: name, ClinicId: OutreachClinic(name, clinicIds)))
            .Where(file => file.ClinicId is not null && user.MaySee(file.ClinicId))
            .GroupBy(file => file.ClinicId!, StringComparer.Ordinal)
            // The date is the name's end, yyyy-MM-dd: the greatest name is the newest list.
            .Select(group => group.MaxBy(file => file.Name, StringComparer.Ordinal))
            .Select(file => new ReportFile(Outreach, file.Name, file.ClinicId));
        files.AddRange(outreach);
        return [.. files.OrderBy(file => file.Folder, StringComparer.Ordinal).ThenByDescending(file => file.Name, StringComparer.Ordinal)];
    }

    /// <summary>The full path of a file the user may download; null when the name is not one of theirs.</summary>
    public static string? PathOf(DashboardUser user, string outputDirectory, IReadOnlyList<string> clinicIds, string folder, string name)
    {
        var file = For(user, outputDirectory, clinicIds).FirstOrDefault(candidate => candidate.Folder == folder && candidate.Name == name);
        if (file is null)
        {
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(outputDirectory, folder)) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, file.Name));
        var info = new FileInfo(path);
        return path.StartsWith(root, StringComparison.Ordinal) && info.Exists && info.LinkTarget is null ? path : null;
    }

    /// <summary>Whether the name is some clinic's file (for the 403 of a name the user may not have).</summary>
    public static string? ClinicOf(string folder, string name, IReadOnlyList<string> clinicIds) =>
        folder == Monthly ? (MonthlyClinic(name, clinicIds, out var clinicId) ? clinicId : null) : OutreachClinic(name, clinicIds);

    private static IEnumerable<string> Names(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.xlsx").Select(Path.GetFileName).OfType<string>()
            : [];

    // retention-YYYY-MM.xlsx (the group) or retention-YYYY-MM-<safe clinic id>.xlsx.
    private static bool MonthlyClinic(string name, IReadOnlyList<string> clinicIds, out string? clinicId)
    {
        clinicId = null;
        const string Prefix = "retention-";
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".xlsx", StringComparison.Ordinal) || name.Length < Prefix.Length + 7 + 5)
        {
            return false;
        }

        var rest = name[(Prefix.Length + 7)..^5];
        if (rest.Length == 0)
        {
            return true;
        }

        clinicId = clinicIds.FirstOrDefault(id => rest == "-" + ReportFileNames.Safe(id));
        return clinicId is not null;
    }

    // outreach-<safe clinic id>-YYYY-MM-DD.xlsx.
    private static string? OutreachClinic(string name, IReadOnlyList<string> clinicIds) =>
        clinicIds.FirstOrDefault(id => name.Length == "outreach-".Length + ReportFileNames.Safe(id).Length + 16
            && name.StartsWith("outreach-" + ReportFileNames.Safe(id) + "-", StringComparison.Ordinal)
            && name.EndsWith(".xlsx", StringComparison.Ordinal)
            && DateOnly.TryParseExact(name[^15..^5], "yyyy-MM-dd", out _));
}

/// <summary>A report file the user may download.</summary>
/// <param name="ClinicId">The clinic the file is about; null for the group's monthly workbook.</param>
internal sealed record ReportFile(string Folder, string Name, string? ClinicId);
