using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>Which monthly workbooks one <see cref="MonthlyReportService"/> run writes, all from one pass over the data.</summary>
public sealed record MonthlyReportRequest
{
    /// <summary>The report month M.</summary>
    public required CalendarMonth Month { get; init; }

    /// <summary>D, the date every number is counted as of; null for the day after <see cref="Month"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Write the all-clinics workbook <c>retention-YYYY-MM.xlsx</c> (default yes).</summary>
    public bool AllClinics { get; init; } = true;

    /// <summary>Also write this clinic's workbook; null for none.</summary>
    public string? ClinicId { get; init; }

    /// <summary>Also write every clinic's workbook.</summary>
    public bool EveryClinic { get; init; }

    /// <summary>
    /// Recompute past months instead of showing them as first reported, keep the new numbers, and list
    /// the months whose numbers changed on the Definitions sheet.
    /// </summary>
    public bool Restate { get; init; }

    /// <summary>The folder the workbooks and their charts go to.</summary>
    public required string OutputDirectory { get; init; }
}
