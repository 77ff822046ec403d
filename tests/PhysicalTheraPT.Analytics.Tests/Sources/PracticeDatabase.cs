using System.Globalization;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources;

/// <summary>
/// A clinic's own practice database whose schema looks nothing like the contract: tables <c>loc</c>,
/// <c>staff</c>, <c>client</c>, <c>case_file</c>, <c>visit</c>, columns of their own names, licence codes
/// instead of disciplines, its own visit types and status codes (ARR, DNA, CXL, BKD). <see cref="Source"/>
/// is the <c>database</c> source a DBA would configure for it: one query per table, mapping by AS,
/// Statuses and ServiceNames. Rows go in as the contract's values (from a contract export or a test).
/// </summary>
internal sealed class PracticeDatabase : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> StatusCodes = new Dictionary<string, string>
    {
        ["completed"] = "ARR", ["no_show"] = "DNA", ["cancelled"] = "CXL", ["booked"] = "BKD",
    };

    public static readonly IReadOnlyDictionary<string, string> VisitTypes = new Dictionary<string, string>
    {
        ["pt"] = "PT-TX", ["recovery_massage"] = "RMT-60", ["maintenance_massage"] = "MMT-60",
    };

    private PracticeDatabase(ThrowawaySourceDatabase database)
    {
        Database = database;
    }

    public ThrowawaySourceDatabase Database { get; }

    public static async Task<PracticeDatabase> CreateAsync(string provider)
    {
        var database = await ThrowawaySourceDatabase.CreateAsync(provider);
        var (date, instant, local) = provider switch
        {
            "postgres" => ("DATE", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP"),
            "mysql" => ("DATE", "DATETIME", "DATETIME"),
            "sqlserver" => ("DATE", "DATETIMEOFFSET", "DATETIME2"),
            _ => ("TEXT", "TEXT", "TEXT"),
        };
        await database.ExecuteAsync($"""
            CREATE TABLE loc (loc_code VARCHAR(64) PRIMARY KEY, loc_title VARCHAR(200) NOT NULL, tz_name VARCHAR(64) NOT NULL);
            CREATE TABLE staff (staff_code VARCHAR(64) PRIMARY KEY, loc_code VARCHAR(64) NOT NULL, full_name VARCHAR(200) NOT NULL, licence VARCHAR(8) NOT NULL);
            CREATE TABLE client (client_ref VARCHAR(64) PRIMARY KEY, home_loc VARCHAR(64) NOT NULL, given VARCHAR(100) NOT NULL, family VARCHAR(100) NOT NULL,
                dob {date} NULL, mobile VARCHAR(40) NULL, mail VARCHAR(254) NULL, contact_pref VARCHAR(10) NULL, no_contact SMALLINT NOT NULL,
                died {date} NULL, ok_call SMALLINT NULL, ok_text SMALLINT NULL, ok_mail SMALLINT NULL);
            CREATE TABLE case_file (case_ref VARCHAR(64) PRIMARY KEY, client_ref VARCHAR(64) NOT NULL, loc_code VARCHAR(64) NOT NULL, opened {date} NOT NULL,
                closed {date} NULL, close_code VARCHAR(32) NULL, dx VARCHAR(200) NULL, region VARCHAR(100) NULL, referrer VARCHAR(100) NULL, maint_days INT NULL);
            CREATE TABLE visit (visit_ref VARCHAR(64) PRIMARY KEY, client_ref VARCHAR(64) NOT NULL, loc_code VARCHAR(64) NOT NULL, staff_code VARCHAR(64) NULL,
                case_ref VARCHAR(64) NULL, visit_type VARCHAR(20) NOT NULL, slot {local} NOT NULL, state VARCHAR(5) NOT NULL, made {instant} NULL);
            """);
        return new PracticeDatabase(database);
    }

    /// <summary>The source a DBA would configure for this database.</summary>
    public SourceOptions Source(string name = "practice") => new()
    {
        Name = name,
        Kind = SourceKinds.Database,
        Provider = Database.Provider,
        ConnectionString = Database.ConnectionString,
        Queries = new SourceQueries
        {
            Clinics = "SELECT loc_code AS clinic_id, loc_title AS name, tz_name AS time_zone FROM loc",
            Providers = """
                SELECT staff_code AS provider_id, loc_code AS clinic_id, full_name AS name,
                       CASE licence WHEN 'PT' THEN 'physical_therapy' ELSE 'massage_therapy' END AS discipline
                FROM staff
                """,
            Patients = """
                SELECT client_ref AS patient_id, home_loc AS clinic_id, given AS first_name, family AS last_name, dob AS birth_date,
                       mobile AS phone, mail AS email, contact_pref AS preferred_channel, no_contact AS do_not_contact,
                       died AS deceased_on, ok_call AS allow_phone, ok_text AS allow_sms, ok_mail AS allow_email
                FROM client
                """,
            // CONDITION is a reserved word in MySQL and MariaDB: quoted there, as a DBA would.
            Episodes = $"""
                SELECT case_ref AS episode_id, client_ref AS patient_id, loc_code AS clinic_id, opened AS started_on, closed AS discharged_on,
                       close_code AS discharge_reason, dx AS {(Database.Provider == "mysql" ? "`condition`" : "condition")}, region AS body_region, referrer AS referral_source,
                       maint_days AS maintenance_interval_days
                FROM case_file
                """,
            // MariaDB's DATETIME has no zone: the DBA writes the UTC instant out with its Z.
            Appointments = $"""
                SELECT visit_ref AS appointment_id, client_ref AS patient_id, loc_code AS clinic_id, staff_code AS provider_id,
                       case_ref AS episode_id, visit_type AS service, slot AS starts_at, state AS status,
                       {(Database.Provider == "mysql" ? "DATE_FORMAT(made, '%Y-%m-%dT%H:%i:%sZ')" : "made")} AS booked_at
                FROM visit
                """,
        },
        Statuses = StatusCodes.ToDictionary(pair => pair.Value, pair => pair.Key),
        ServiceNames = VisitTypes.ToDictionary(pair => pair.Value, pair => pair.Key),
    };

    /// <summary>Copies a contract export (the five CSV files) into this database's own tables and codes.</summary>
    public async Task LoadContractExportAsync(string directory)
    {
        await InsertAsync(directory, ContractFile.Clinics, "INSERT INTO loc VALUES (@A, @B, @C)", row => new { A = row[0], B = row[1], C = row[2] });
        await InsertAsync(directory, ContractFile.Providers, "INSERT INTO staff VALUES (@A, @B, @C, @D)",
            row => new { A = row[0], B = row[1], C = row[2], D = row[3] == "physical_therapy" ? "PT" : "LMT" });
        await InsertAsync(directory, ContractFile.Patients, "INSERT INTO client VALUES (@A, @B, @C, @D, @E, @F, @G, @H, @I, @J, @K, @L, @M)",
            row => new
            {
                A = row[0], B = row[1], C = row[2], D = row[3], E = Date(row[4]), F = Blank(row[5]), G = Blank(row[6]), H = Blank(row[7]), I = Flag(row[8]),
                J = Date(row[9]), K = Consent(row[10]), L = Consent(row[11]), M = Consent(row[12]),
            });
        await InsertAsync(directory, ContractFile.Episodes, "INSERT INTO case_file VALUES (@A, @B, @C, @D, @E, @F, @G, @H, @I, @J)",
            row => new { A = row[0], B = row[1], C = row[2], D = Date(row[3]), E = Date(row[4]), F = Blank(row[5]), G = Blank(row[6]), H = Blank(row[7]), I = Blank(row[8]), J = row[9].Length == 0 ? (int?)null : int.Parse(row[9], CultureInfo.InvariantCulture) });
        await InsertAsync(directory, ContractFile.Appointments, "INSERT INTO visit VALUES (@A, @B, @C, @D, @E, @F, @G, @H, @I)",
            row => new { A = row[0], B = row[1], C = row[2], D = Blank(row[3]), E = Blank(row[4]), F = VisitTypes[row[5]], G = Local(row[6]), H = StatusCodes[row[7]], I = Instant(row[8]) });
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private async Task InsertAsync(string directory, ContractFile file, string sql, Func<string[], object> parameters)
    {
        var path = Path.Combine(directory, file.FileName);
        if (!File.Exists(path))
        {
            return;
        }

        var batch = new List<object>();
        using (var reader = ContractCsvReader.Open(path, file))
        {
            while (reader.Read())
            {
                batch.Add(parameters(Enumerable.Range(0, file.Columns.Count).Select(reader.Value).ToArray()));
                if (batch.Count == 2000)
                {
                    await Database.ExecuteAsync(sql, batch);
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            await Database.ExecuteAsync(sql, batch);
        }
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static short Flag(string value) => (short)(value is "true" or "1" ? 1 : 0);

    // The practice records consent as 1/0, blank where nobody asked (allowed, as the contract says).
    private static short? Consent(string value) => value.Length == 0 ? null : Flag(value);

    // SQLite keeps the contract's text; the servers get typed values in their own column types.
    private object? Date(string value) => value.Length == 0 ? null
        : Database.Provider == "sqlite" ? value : DateTime.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private object Local(string value) => Database.Provider == "sqlite" ? value
        : DateTime.ParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    private object? Instant(string value) => value.Length == 0 ? null
        : Database.Provider == "sqlite" ? value
        : Database.Provider == "sqlserver" ? DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
        : DateTime.SpecifyKind(DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), Database.Provider == "postgres" ? DateTimeKind.Utc : DateTimeKind.Unspecified);
}
