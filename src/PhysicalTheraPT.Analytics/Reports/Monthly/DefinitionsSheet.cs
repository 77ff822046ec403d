using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>Every number's exact definition, the settings used for this run, and restated months.</summary>
internal static class DefinitionsSheet
{
    public const string Name = "Definitions";

    public const string DefinitionsTable = "Definitions";

    public const string SettingsTable = "Settings";

    public const string RestatedTable = "RestatedMonths";

    public static void Write(XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Definitions: what every number means");
        var row = MonthlySheet.FirstContentRow - 1;
        canvas.Note(row++, "Each number counts exactly what is written here, with the settings in force for this report.");

        ReportColumn<DefinitionRow>[] definitionColumns =
        [
            new("Measure", definition => ReportCell.Of(definition.Name)),
            new("Definition", definition => ReportCell.Of(definition.Definition), Wrap: true),
            new("Setting", definition => ReportCell.Of(definition.Setting)),
            new("Value", definition => ReportCell.NumberOrText(definition.Value)),
        ];
        var definitions = canvas.Table(row, 1, DefinitionsTable, definitionColumns, [.. report.Definitions.Definitions, .. report.Outreach?.Definitions ?? []]);

        row = definitions.NextFreeRow;
        canvas.Heading(row++, "Settings used for this report");
        ReportColumn<ReportSetting>[] settingColumns =
        [
            new("Setting", setting => ReportCell.Of(setting.Name)),
            new("Value", setting => ReportCell.NumberOrText(setting.Value)),
        ];
        var settings = canvas.Table(row, 1, SettingsTable, settingColumns, [.. report.Definitions.Settings.Concat(report.Outreach?.Settings ?? []).OrderBy(setting => setting.Name, StringComparer.Ordinal)]);

        row = settings.NextFreeRow;
        canvas.Heading(row++, "Restated months");
        var restated = report.Definitions.RestatedMonths.OrderBy(month => month.Month).ToList();
        canvas.Note(row++, restated.Count == 0
            ? "No month was restated: past months show the numbers as they were first reported."
            : "These past months were recomputed after they were first reported; their numbers may differ from earlier reports.");
        ReportColumn<RestatedMonth>[] restatedColumns =
        [
            new("Month", month => ReportCell.Month(month.Month)),
            new("Restated on", month => ReportCell.Date(month.RestatedOn)),
        ];
        canvas.Table(row, 1, RestatedTable, restatedColumns, restated);

        MonthlySheet.Finish(canvas, report, definitions.HeaderRow);
    }
}
