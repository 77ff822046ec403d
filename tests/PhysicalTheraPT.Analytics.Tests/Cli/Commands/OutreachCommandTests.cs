using System.Globalization;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class OutreachCommandTests(SeededSqliteHistory history) : IClassFixture<SeededSqliteHistory>, IDisposable
{
    private static readonly DateOnly AsOf = SeededHistory.Until;

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task OutreachLists_ListExactlyTheFlaggedPatientsOfEachClinic_WithTheirContactDetails_ByPriority()
    {
        var flags = (await FlagsAsync(history.Test.Database)).ToLookup(flag => flag.ClinicId, StringComparer.Ordinal);
        var patients = await PatientsAsync(history.Test.Database);

        var (exitCode, _) = await RunAsync("--as-of", "2026-04-10");

        Assert.Equal(0, exitCode);
        foreach (var clinicId in (string[])["C01", "C02", "C03"])
        {
            using var workbook = OpenXmlWorkbook.Open(folder.File($"outreach-{clinicId}-2026-04-10.xlsx"));
            var rows = Rows(workbook);
            var expected = flags[clinicId].ToDictionary(flag => flag.PatientId, StringComparer.Ordinal);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(row => row.Key.PatientId).Order(StringComparer.Ordinal));
            Assert.Equal(rows.Select(row => row.Priority).OrderDescending(), rows.Select(row => row.Priority));
            foreach (var row in rows)
            {
                var flag = expected[row.Key.PatientId];
                var patient = patients[row.Key.PatientId];
                Assert.Equal((clinicId, flag.Kind.ToContractName(), AsOf), (row.Key.ClinicId, row.Key.Flag, row.Key.AsOf));
                // A channel the patient withholds is not offered: the phone goes with calls or texts, the email with email.
                var phone = patient.AllowPhone || patient.AllowSms ? patient.Phone : null;
                var email = patient.AllowEmail ? patient.Email : null;
                Assert.Equal(($"{patient.FirstName} {patient.LastName}", phone, email), (row.Name, row.Phone, row.Email));
                Assert.Equal((flag.Priority, flag.Reason), (row.Priority, row.Reason));
                Assert.False(patient.DoNotContact);
                Assert.Null(patient.DeceasedOn);
                Assert.True(patient.AllowPhone || patient.AllowSms || patient.AllowEmail);
            }
        }
    }

    [Fact]
    public async Task OutreachLists_NeverListDoNotContactPatients()
    {
        var doNotContact = (await PatientsAsync(history.Test.Database)).Values.Where(patient => patient.DoNotContact).Select(patient => patient.PatientId).ToHashSet();

        var (exitCode, _) = await RunAsync("--as-of", "2026-04-10");

        Assert.Equal(0, exitCode);
        Assert.NotEmpty(doNotContact);
        var listed = ListedPatientIds();
        Assert.NotEmpty(listed);
        Assert.DoesNotContain(listed, doNotContact.Contains);
    }

    [Fact]
    public async Task OutreachLists_NeverListDeceasedPatientsOrPatientsWhoAllowNoChannel()
    {
        var patients = (await PatientsAsync(history.Test.Database)).Values.ToList();
        var deceased = patients.Where(patient => patient.DeceasedOn is not null).Select(patient => patient.PatientId).ToHashSet();
        var noChannel = patients.Where(patient => !(patient.AllowPhone || patient.AllowSms || patient.AllowEmail)).Select(patient => patient.PatientId).ToHashSet();

        var (exitCode, _) = await RunAsync("--as-of", "2026-04-10");

        Assert.Equal(0, exitCode);
        Assert.NotEmpty(deceased);
        Assert.NotEmpty(noChannel);
        var listed = ListedPatientIds();
        Assert.NotEmpty(listed);
        Assert.DoesNotContain(listed, deceased.Contains);
        Assert.DoesNotContain(listed, noChannel.Contains);
    }

    [Fact]
    public async Task OutreachLists_PrintsFilesAndCountsButNoContactDetails_AndWritesOwnerOnlyFiles()
    {
        var patients = await PatientsAsync(history.Test.Database);

        var (exitCode, output) = await RunAsync("--as-of", "2026-04-10");

        Assert.Equal(0, exitCode);
        using var workbook = OpenXmlWorkbook.Open(folder.File("outreach-C01-2026-04-10.xlsx"));
        var rows = Rows(workbook);
        Assert.Contains($"{folder.File("outreach-C01-2026-04-10.xlsx")}: {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} patient(s) to call as of 2026-04-10", output, StringComparison.Ordinal);
        foreach (var row in rows)
        {
            var patient = patients[row.Key.PatientId];
            Assert.DoesNotContain(patient.LastName, output, StringComparison.Ordinal);
            Assert.DoesNotContain(patient.Phone ?? "no phone", output, StringComparison.Ordinal);
            Assert.DoesNotContain(patient.Email ?? "no email", output, StringComparison.Ordinal);
        }

        if (!OperatingSystem.IsWindows())
        {
            foreach (var path in Directory.GetFiles(folder.Path))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
    }

    [Fact]
    public async Task OutreachLists_WritesOnlyThatClinicsList_WhenClinicIsGiven()
    {
        var (exitCode, _) = await RunAsync("--as-of", "2026-04-10", "--clinic", "C02");

        Assert.Equal(0, exitCode);
        Assert.Equal(["outreach-C02-2026-04-10.xlsx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(new[] { "--clinic", "C09" }, "Unknown clinic 'C09': known clinics: C01, C02, C03.")]
    [InlineData(new[] { "--as-of", "10/04/2026" }, "--as-of '10/04/2026' is not a date: use YYYY-MM-DD")]
    public async Task OutreachLists_ExitsWithAMessageAndWritesNothing_WhenArgumentsAreBad(string[] arguments, string message)
    {
        var (exitCode, output) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [PostgresFact]
    public Task OutreachLists_WritesTheSameCells_OnPostgresAsOnSqlite() =>
        SqliteAndPostgresWorkbooks.AssertSameCellsAsync(
            ["outreach", "lists", "--as-of", "2026-04-10"],
            ["outreach-C01-2026-04-10.xlsx", "outreach-C02-2026-04-10.xlsx"],
            workbook => Assert.NotEmpty(Rows(workbook)));

    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        CliRunner.RunAsync([.. history.CommandLineArguments, "outreach", "lists", .. arguments, "--out", folder.Path]);

    private static async Task<IReadOnlyList<PatientFlag>> FlagsAsync(AnalyticsDatabase database)
    {
        var analysis = new RetentionAnalysis(database, Options.Create(new RetentionOptions()), TimeProvider.System);
        return (await analysis.FlagsAsync(AsOf, clinicId: null)).Flags;
    }

    /// <summary>Every patient with contact details, read with SQL of the test's own.</summary>
    /// <summary>Every patient id on the lists written to the test's folder.</summary>
    private List<string> ListedPatientIds() =>
        [.. Directory.GetFiles(folder.Path, "outreach-*.xlsx").SelectMany(path =>
        {
            using var workbook = OpenXmlWorkbook.Open(path);
            return Rows(workbook).Select(row => row.Key.PatientId).ToList();
        })];

    private static async Task<IReadOnlyDictionary<string, PatientRow>> PatientsAsync(AnalyticsDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT patient_id, clinic_id, first_name, last_name, phone, email, do_not_contact, deceased_on, allow_phone, allow_sms, allow_email FROM patients";
        await using var reader = await command.ExecuteReaderAsync();
        var patients = new Dictionary<string, PatientRow>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var patient = new PatientRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), null,
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), null, reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : DateOnly.Parse(reader.GetString(7), CultureInfo.InvariantCulture), reader.GetBoolean(8), reader.GetBoolean(9), reader.GetBoolean(10));
            patients[patient.PatientId] = patient;
        }

        return patients;
    }

    private static List<ListedPatient> Rows(OpenXmlWorkbook workbook)
    {
        var table = workbook.Table(OutreachListLayout.ListSheet, OutreachListLayout.TableName);
        return
        [
            .. table[OutreachListLayout.RowKey].Select((key, index) =>
            {
                // The signature is checked by the import tests; here the key only says whose row it is.
                var parts = (key?.Text ?? "").Split('|');
                Assert.Equal((OutreachRowKey.Version, 6), (parts[0], parts.Length));
                var parsed = OutreachRowKey.Create(parts[1], parts[2], parts[3], DateOnly.ParseExact(parts[4], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                return new ListedPatient(
                    parsed,
                    table[OutreachListLayout.Name][index]?.Text,
                    table[OutreachListLayout.Phone][index]?.Text,
                    table[OutreachListLayout.Email][index]?.Text,
                    (int)table[OutreachListLayout.Priority][index]!.Number!.Value,
                    table[OutreachListLayout.Reason][index]?.Text);
            }),
        ];
    }

    private sealed record ListedPatient(OutreachRowKey Key, string? Name, string? Phone, string? Email, int Priority, string? Reason);
}
