using System.Collections;
using System.Globalization;
using System.Reflection;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>A setting in force for this run, e.g. <c>Retention:GraceDays</c> = 14.</summary>
internal sealed record ReportSetting(string Name, string Value);

/// <summary>
/// Every setting in force for a report, as the Definitions sheet lists them: each public setting of the
/// retention and report options, read by reflection so a new setting can never be left off the sheet.
/// </summary>
internal static class ReportSettings
{
    public static IReadOnlyList<ReportSetting> Of(RetentionOptions retention, ReportsOptions reports) =>
        [.. Read(RetentionOptions.SectionName, retention), .. Read("Reports", reports)];

    private static IEnumerable<ReportSetting> Read(string section, object options) =>
        options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property is { CanRead: true, CanWrite: true })
            .OrderBy(property => property.Name, StringComparer.Ordinal)
            .Select(property => new ReportSetting(section + ":" + property.Name, Text(property.GetValue(options))));

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IEnumerable values => string.Join(", ", values.Cast<object>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
