namespace PhysicalTheraPT.Analytics.Data;

/// <summary>A row of <c>providers</c>. <see cref="Discipline"/>: physical_therapy or massage_therapy.</summary>
public sealed record ProviderRow(string ProviderId, string ClinicId, string Name, string Discipline);
