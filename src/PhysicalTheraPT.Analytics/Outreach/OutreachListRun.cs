namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>What one <see cref="OutreachListService"/> run wrote: a list per clinic, ordered by clinic id.</summary>
/// <param name="Patients">How many patients' histories were read.</param>
public sealed record OutreachListRun(int Patients, IReadOnlyList<ClinicOutreachList> Lists);
