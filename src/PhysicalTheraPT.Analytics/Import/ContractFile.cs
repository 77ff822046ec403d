namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// One file of the data contract (docs/import.md): its name, its columns, and the id column that comes
/// first. Every column must be in the header (a value may be blank where the contract allows): a column
/// left out would otherwise blank that field on every row it updates, and a missing do_not_contact would
/// quietly make every patient contactable.
/// </summary>
internal sealed class ContractFile
{
    public static readonly ContractFile Clinics = new("clinics.csv",
    [
        new("clinic_id"), new("name"), new("time_zone"),
    ]);

    public static readonly ContractFile Providers = new("providers.csv",
    [
        new("provider_id"), new("clinic_id"), new("name"), new("discipline"),
    ]);

    public static readonly ContractFile Patients = new("patients.csv",
    [
        new("patient_id"), new("clinic_id"), new("first_name", HoldsPersonalData: true), new("last_name", HoldsPersonalData: true),
        new("birth_date", HoldsPersonalData: true), new("phone", HoldsPersonalData: true), new("email", HoldsPersonalData: true),
        new("preferred_channel"), new("do_not_contact"),
    ]);

    public static readonly ContractFile Episodes = new("episodes.csv",
    [
        new("episode_id"), new("patient_id"), new("clinic_id"), new("started_on"), new("discharged_on"), new("discharge_reason"),
        new("condition"), new("body_region"), new("referral_source"), new("maintenance_interval_days"),
    ]);

    public static readonly ContractFile Appointments = new("appointments.csv",
    [
        new("appointment_id"), new("patient_id"), new("clinic_id"), new("provider_id"), new("episode_id"), new("service"),
        new("starts_at"), new("status"), new("booked_at"),
    ]);

    /// <summary>The order files are read in: each may refer only to rows of files before it.</summary>
    public static readonly IReadOnlyList<ContractFile> InDependencyOrder = [Clinics, Providers, Patients, Episodes, Appointments];

    private readonly Dictionary<string, int> _ordinals;

    private ContractFile(string fileName, IReadOnlyList<ContractColumn> columns)
    {
        FileName = fileName;
        Columns = columns;
        _ordinals = columns.Select((column, ordinal) => (column.Name, ordinal)).ToDictionary(pair => pair.Name, pair => pair.ordinal, StringComparer.Ordinal);
    }

    public string FileName { get; }

    public IReadOnlyList<ContractColumn> Columns { get; }

    public ContractColumn IdColumn => Columns[0];

    /// <summary>The position of <paramref name="columnName"/> in <see cref="Columns"/>.</summary>
    public int OrdinalOf(string columnName) => TryGetOrdinal(columnName, out var ordinal)
        ? ordinal
        : throw new ArgumentException($"{FileName} has no column {columnName}.", nameof(columnName));

    public bool TryGetOrdinal(string columnName, out int ordinal) => _ordinals.TryGetValue(columnName, out ordinal);

    public override string ToString() => FileName;
}
