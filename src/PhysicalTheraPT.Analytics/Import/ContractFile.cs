namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// One file of the data contract (docs/import.md): its name, its columns, and the id column that comes
/// first. Every column must be in the header (a value may be blank where the contract allows): a column
/// left out would otherwise blank that field on every row it updates, and a missing do_not_contact would
/// quietly make every patient contactable. The exception is a file's optional columns, added to the
/// contract later (patients.csv: deceased_on, allow_phone, allow_sms, allow_email): an export made before
/// them imports as it did, and leaves what is stored in them alone.
/// </summary>
internal sealed class ContractFile
{
    public static readonly ContractFile Clinics = new("clinics.csv",
    [
        "clinic_id", "name", "time_zone",
    ]);

    public static readonly ContractFile Providers = new("providers.csv",
    [
        "provider_id", "clinic_id", "name", "discipline",
    ]);

    public static readonly ContractFile Patients = new("patients.csv",
    [
        "patient_id", "clinic_id", "first_name", "last_name", "birth_date", "phone", "email", "preferred_channel",
        "do_not_contact",
    ],
    [
        "deceased_on", "allow_phone", "allow_sms", "allow_email",
    ]);

    public static readonly ContractFile Episodes = new("episodes.csv",
    [
        "episode_id", "patient_id", "clinic_id", "started_on", "discharged_on", "discharge_reason",
        "condition", "body_region", "referral_source", "maintenance_interval_days",
    ]);

    public static readonly ContractFile Appointments = new("appointments.csv",
    [
        "appointment_id", "patient_id", "clinic_id", "provider_id", "episode_id", "service",
        "starts_at", "status", "booked_at",
    ]);

    /// <summary>The order files are read in: each may refer only to rows of files before it.</summary>
    public static readonly IReadOnlyList<ContractFile> InDependencyOrder = [Clinics, Providers, Patients, Episodes, Appointments];

    private readonly Dictionary<string, int> _ordinals;

    private ContractFile(string fileName, IReadOnlyList<string> requiredColumns, IReadOnlyList<string>? optionalColumns = null)
    {
        FileName = fileName;
        RequiredColumns = requiredColumns;
        OptionalColumns = optionalColumns ?? [];
        var columns = requiredColumns.Concat(OptionalColumns).ToArray();
        Columns = columns;
        _ordinals = columns.Select((column, ordinal) => (column, ordinal)).ToDictionary(pair => pair.column, pair => pair.ordinal, StringComparer.Ordinal);
    }

    public string FileName { get; }

    /// <summary>Every column name, lower case: the required ones, then the optional ones.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns the header must hold.</summary>
    public IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The columns the header may leave out (<see cref="ContractFile"/>).</summary>
    public IReadOnlyList<string> OptionalColumns { get; }

    public string IdColumn => Columns[0];

    /// <summary>The position of <paramref name="columnName"/> in <see cref="Columns"/>.</summary>
    public int OrdinalOf(string columnName) => TryGetOrdinal(columnName, out var ordinal)
        ? ordinal
        : throw new ArgumentException($"{FileName} has no column {columnName}.", nameof(columnName));

    public bool TryGetOrdinal(string columnName, out int ordinal) => _ordinals.TryGetValue(columnName, out ordinal);

    public override string ToString() => FileName;
}
