namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>All numbers for one scope: every clinic together (<see cref="AllClinics"/>) or one clinic.</summary>
/// <param name="ClinicId"><see cref="AllClinics"/> or a clinic id.</param>
/// <param name="DroppedAfterAcute">Patients of this clinic flagged dropped_after_acute as of the as-of date.</param>
/// <param name="MaintenanceLapsed">Patients of this clinic flagged maintenance_lapsed as of the as-of date.</param>
/// <param name="Months">The trend months (Retention:CohortMonths, ending at the report month), oldest first.</param>
internal sealed record ScopeMetrics(
    string ClinicId,
    int DroppedAfterAcute,
    int MaintenanceLapsed,
    IReadOnlyList<MonthMetrics> Months,
    RecurrenceMetrics Recurrence,
    IReadOnlyList<DataQualitySummary> DataQuality)
{
    /// <summary>The clinic id of the all-clinics scope, as in the metrics CSV.</summary>
    public const string AllClinics = "ALL";

    public bool IsAllClinics => ClinicId == AllClinics;

    /// <summary>The report month's numbers (the last of <see cref="Months"/>).</summary>
    public MonthMetrics ReportMonth => Months[^1];
}
