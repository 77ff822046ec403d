namespace PhysicalTheraPT.Analytics.Data;

/// <summary>How many rows each clinic data table holds. Settable properties: Dapper maps every database's count type into them.</summary>
internal sealed class ClinicDataCounts
{
    public long Clinics { get; init; }

    public long Providers { get; init; }

    public long Patients { get; init; }

    public long Episodes { get; init; }

    public long Appointments { get; init; }

    /// <summary>The counts with their table names, in dependency order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByTable =>
    [
        new("clinics", Clinics),
        new("providers", Providers),
        new("patients", Patients),
        new("episodes", Episodes),
        new("appointments", Appointments),
    ];
}
