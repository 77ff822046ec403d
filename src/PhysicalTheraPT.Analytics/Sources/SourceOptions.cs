namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// One entry of the <c>Sources</c> list (<c>Sources:0:Name</c>, <c>PTA_Sources__0__Kind</c>, ...): where a
/// clinic's data really lives and how to read it. <see cref="Kind"/> says which settings apply; the rest
/// are ignored. docs/sources.md shows each kind with an example.
/// </summary>
internal sealed class SourceOptions
{
    /// <summary>What runs, logs and <c>sync --source NAME</c> call the source: letters, digits, '-' and '_'.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>database</c>, <c>openemr</c> or <c>folder</c> (<see cref="SourceKinds"/>).</summary>
    public string Kind { get; set; } = "";

    // database and openemr

    /// <summary><c>sqlserver</c>, <c>postgres</c>, <c>mysql</c> (MySQL and MariaDB) or <c>sqlite</c>; openemr: <c>mysql</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The practice database's connection string (a read-only user is enough). Never printed, logged or recorded.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>One query per contract table, each returning the contract's column names (docs/import.md).</summary>
    public SourceQueries Queries { get; set; } = new();

    /// <summary>Seconds a query may run before it counts as timed out (and the sync is retried). Default 600.</summary>
    public int CommandTimeoutSeconds { get; set; } = 600;

    /// <summary>openemr: the clinics' IANA time zone where the source records none (e.g. America/Denver).</summary>
    public string? TimeZone { get; set; }

    /// <summary>openemr: category name (<c>pc_catname</c>) or id → <c>pt</c>, <c>recovery_massage</c> or <c>maintenance_massage</c>; other categories are left out.</summary>
    public Dictionary<string, string> ServiceCategories { get; set; } = [];

    /// <summary>
    /// openemr: how many days past today a repeating appointment without an end (or with a far one) is
    /// expanded into visits. Default 180: far enough that a maintenance series months ahead counts as
    /// booked, near enough that an endless weekly series adds a visit a week, not years of them at once.
    /// </summary>
    public int RecurrenceHorizonDays { get; set; } = 180;

    /// <summary>
    /// openemr: a provider's username → <c>physical_therapy</c> or <c>massage_therapy</c>, where the
    /// default (massage when most of their appointments are massage) is wrong. Optional.
    /// </summary>
    public Dictionary<string, string> ProviderDisciplines { get; set; } = [];

    // every kind

    /// <summary>The source's own appointment status values → the contract's (<c>"Arrived": "completed"</c>); a contract value means itself.</summary>
    public Dictionary<string, string> Statuses { get; set; } = [];

    /// <summary>The source's own service names → the contract's three services, beside <c>Import:ServiceNames</c>.</summary>
    public Dictionary<string, string> ServiceNames { get; set; } = [];

    /// <summary>Write the valid rows and set the invalid ones aside in an owner-only rejects file (default: one bad row refuses the whole sync).</summary>
    public bool SkipInvalid { get; set; }

    /// <summary>
    /// The largest share of a clinic's appointments one sync may remove (default 0.10). A sync that would
    /// remove more, or that returns no appointment for a clinic that had some, changes nothing and fails,
    /// unless run with <c>--allow-large-removal</c>: a broken view or an emptied export looks exactly like that.
    /// </summary>
    public double MaxRemovedFraction { get; set; } = 0.10;

    // folder

    /// <summary>folder: the drop folder the EMR's scheduled export lands in.</summary>
    public string? Path { get; set; }

    /// <summary>folder: the EMR's column header → the contract column (<c>"Appt Date": "starts_at"</c>), matched ignoring case.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];

    /// <summary>folder: take a set only once a file named <c>_done</c> is beside it (the EMR writes it last).</summary>
    public bool RequireDoneMarker { get; set; }

    /// <summary>
    /// folder: the time between the two looks that must find every file of a set the same size and age
    /// before it is taken (default 30 s: longer than an EMR pauses between writes, short enough not to hold
    /// up the night). Not used with <see cref="RequireDoneMarker"/>.
    /// </summary>
    public TimeSpan SettleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>folder: <c>upsert</c> (default: as <c>import</c> does) or <c>mirror</c> (rows of its clinics missing from a set are removed).</summary>
    public string Mode { get; set; } = SourceModes.Upsert;
}

/// <summary>The queries of a <c>database</c> source, one per contract table; <see cref="Episodes"/> may be left out.</summary>
internal sealed class SourceQueries
{
    public string? Clinics { get; set; }

    public string? Providers { get; set; }

    public string? Patients { get; set; }

    /// <summary>Optional: without it the source has no episodes, and the implicit-episode rules apply.</summary>
    public string? Episodes { get; set; }

    public string? Appointments { get; set; }
}

/// <summary>How a <c>folder</c> source writes a set: <see cref="Upsert"/> or <see cref="Mirror"/>.</summary>
internal static class SourceModes
{
    public const string Upsert = "upsert";
    public const string Mirror = "mirror";
}
