using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

/// <summary>
/// The <c>openemr</c> source end to end: OpenEMR's own tables on MariaDB, filled by
/// <see cref="OpenEmrBuilder"/>, synced by <c>ptanalytics sync</c> into SQLite, and compared with the
/// same history imported from the contract's CSV files.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class OpenEmrSyncTests
{
    private const int PtCategory = 20;
    private const int RecoveryCategory = 21;
    private const int MaintenanceCategory = 22;
    private const int OfficeVisitCategory = 23;

    [MariaDbFact]
    public async Task Sync_GivesTheSameRowsFlagsAndMetrics_AsTheSameHistoryImportedFromCsv()
    {
        await using var openEmr = await OpenEmrDatabase.CreateAsync();
        await History().WriteAsync(openEmr);
        await using var synced = TestDatabase.CreateSqlite();
        await using var imported = TestDatabase.CreateSqlite();
        using var csv = new TemporaryFolder();
        WriteCsvHistory(csv);

        var (syncExit, syncOutput) = await SyncAsync(openEmr, synced);
        var (importExit, importOutput) = await CliRunner.RunAsync([.. imported.CommandLineArguments, "import", "--from", csv.Path]);

        Assert.True(syncExit == 0, syncOutput);
        Assert.True(importExit == 0, importOutput);
        Assert.Equal((await DatabaseSnapshot.TakeAsync(imported.Database)).ToString(), (await DatabaseSnapshot.TakeAsync(synced.Database)).ToString());
        var syncedFlags = await CliRunner.RunAsync([.. synced.CommandLineArguments, "flags", "--as-of", "2026-03-02"]);
        var importedFlags = await CliRunner.RunAsync([.. imported.CommandLineArguments, "flags", "--as-of", "2026-03-02"]);
        Assert.Equal(importedFlags.Output, syncedFlags.Output);
        // The weekly series (four visits, the exdate left out) ended on 2 February: dropped after acute care.
        Assert.Contains("\n10,1,dropped_after_acute,2026-02-02,unrecorded,", syncedFlags.Output, StringComparison.Ordinal);
        var syncedMetrics = await CliRunner.RunAsync([.. synced.CommandLineArguments, "metrics", "--month", "2026-02", "--as-of", "2026-03-02"]);
        var importedMetrics = await CliRunner.RunAsync([.. imported.CommandLineArguments, "metrics", "--month", "2026-02", "--as-of", "2026-03-02"]);
        Assert.Equal(0, syncedMetrics.ExitCode);
        Assert.Equal(importedMetrics.Output, syncedMetrics.Output);
    }

    [MariaDbFact]
    public async Task Sync_KeepsOccurrenceIdsAndRemovesAVisit_WhenOneDateOfASeriesIsDeletedInOpenEmr()
    {
        await using var openEmr = await OpenEmrDatabase.CreateAsync();
        await History().WriteAsync(openEmr);
        await using var synced = TestDatabase.CreateSqlite();
        Assert.Equal(0, (await SyncAsync(openEmr, synced)).ExitCode);

        var (unchangedExit, unchanged) = await SyncAsync(openEmr, synced);
        await using (var connection = await openEmr.OpenAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE openemr_postcalendar_events SET pc_recurrspec = @spec WHERE pc_eid = 101",
                new { spec = RecurrenceSpecText.Every(1, 1, "20260119", "20260126") });
        }

        var (removedExit, removed) = await SyncAsync(openEmr, synced);

        Assert.Equal(0, unchangedExit);
        Assert.Equal([25, 0, 0, 25, 0, 0], AppointmentCounts(unchanged));
        Assert.Equal(0, removedExit);
        Assert.Equal([24, 0, 0, 24, 1, 0], AppointmentCounts(removed));
        Assert.Equal(["101-20260105", "101-20260112", "101-20260202"], await SeriesIdsAsync(synced));
    }

    [MariaDbFact]
    public async Task Sync_FailsNamingTheCodeAndTheSetting_WhenTheClinicAddedAStatusNobodyMapped()
    {
        await using var openEmr = await OpenEmrDatabase.CreateAsync();
        await History().WriteAsync(openEmr);
        await using var synced = TestDatabase.CreateSqlite();

        var (exitCode, output) = await SyncAsync(openEmr, synced, mapTelehealth: false);

        Assert.Equal(2, exitCode);
        Assert.Contains("'T' (T Telehealth done)", output, StringComparison.Ordinal);
        Assert.Contains("\"Statuses\": { \"T\": \"completed\" }", output, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(synced.Database)).TotalRows);
    }

    [MariaDbFact]
    public async Task Sync_FailsListingOpenEmrsCategories_WhenASettingNamesACategoryOpenEmrDoesNotHave()
    {
        await using var openEmr = await OpenEmrDatabase.CreateAsync();
        await History().WriteAsync(openEmr);
        await using var synced = TestDatabase.CreateSqlite();

        var (exitCode, output) = await SyncAsync(openEmr, synced, extraCategory: "Deep Tissue");

        Assert.Equal(2, exitCode);
        Assert.Contains(
            "ServiceCategories names 'Deep Tissue', which is not an appointment category in this OpenEMR. Its patient categories are: "
            + "'Maintenance Massage', 'Office Visit', 'PT Treatment', 'Recovery Massage'.",
            output,
            StringComparison.Ordinal);
    }

    [MariaDbFact]
    public async Task Sync_FailsNamingTheEventAndNoPatientValue_WhenARecurrenceSpecIsMalformed()
    {
        await using var openEmr = await OpenEmrDatabase.CreateAsync();
        await History()
            .Series(900, 11, PtCategory, "2026-01-07", "2026-02-25", 1, "a:1:{s:6:\"exdate\";s:99:\"Jordan Reyes\";}")
            .WriteAsync(openEmr);
        await using var synced = TestDatabase.CreateSqlite();

        var (exitCode, output) = await SyncAsync(openEmr, synced);

        Assert.Equal(2, exitCode);
        Assert.Contains("OpenEMR event 900 has a repeat setting (pc_recurrspec) that cannot be read", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", output, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(synced.Database)).TotalRows);
    }

    /// <summary>
    /// Facility 1; Dana Ruiz (PT) and Mia Chen (massage). Patient 10: a weekly PT series, arrived, with one
    /// date deleted. Patient 11: one appointment per stock status code, and one of the clinic's own code T.
    /// Patient 12: the same series as 10 but deceased. Patient 13: allows no channel. Patient 14: only an
    /// Office Visit, a category no setting maps, so neither the visit nor the patient is synced.
    /// </summary>
    private static OpenEmrBuilder History()
    {
        var builder = new OpenEmrBuilder()
            .Facility(1, "Main Street PT")
            .Provider(1, firstName: "Dana", lastName: "Ruiz")
            .Provider(2, firstName: "Mia", lastName: "Chen")
            .Category(PtCategory, "PT Treatment").Category(RecoveryCategory, "Recovery Massage")
            .Category(MaintenanceCategory, "Maintenance Massage").Category(OfficeVisitCategory, "Office Visit")
            .StatusOption("T", "T Telehealth done")
            .Patient(10, hipaaAllowSms: "NO")
            .Patient(11, email: "", hipaaAllowEmail: "")
            .Patient(12, deceasedDate: "2026-02-20 00:00:00")
            .Patient(13, hipaaVoice: "NO", hipaaAllowSms: "NO", hipaaAllowEmail: "NO")
            .Patient(14)
            .Series(101, 10, PtCategory, "2026-01-05 08:30", "2026-02-02", 1, RecurrenceSpecText.Every(1, 1, "20260119"), status: "@")
            .Series(121, 12, PtCategory, "2026-01-05 08:30", "2026-02-02", 1, RecurrenceSpecText.Every(1, 1, "20260119"), status: "@")
            .Series(131, 13, MaintenanceCategory, "2025-10-06", "2025-12-01", 2, RecurrenceSpecText.NthWeekday(1, DayOfWeek.Monday), status: ">", providerId: 2)
            .Appointment(141, 14, OfficeVisitCategory, "2026-01-10");
        var codes = StockCodes.Select(code => code.Code).Append("T").ToList();
        for (var index = 0; index < codes.Count; index++)
        {
            var future = codes[index] is "-" or "*" or "+" or "#";
            var date = new DateOnly(2026, future ? 3 : 1, 2).AddDays(index);
            builder.Appointment(200 + index, 11, index % 2 == 0 ? PtCategory : RecoveryCategory, $"{date:yyyy-MM-dd} 10:15", codes[index], providerId: index % 2 == 0 ? 1 : 2);
        }

        return builder;
    }

    private static readonly (string Code, string Status)[] StockCodes =
    [
        ("-", "booked"), ("*", "booked"), ("+", "booked"), ("x", "cancelled"), ("%", "cancelled"), ("?", "no_show"), ("@", "completed"),
        ("~", "completed"), ("!", "no_show"), ("#", "booked"), ("<", "completed"), (">", "completed"), ("$", "completed"),
    ];

    /// <summary>The same history as the contract's CSV files, written by hand.</summary>
    private static void WriteCsvHistory(TemporaryFolder folder)
    {
        File.WriteAllText(folder.File("clinics.csv"), "clinic_id,name,time_zone\n1,Main Street PT,America/Denver\n");
        File.WriteAllText(folder.File("providers.csv"), "provider_id,clinic_id,name,discipline\n1,1,Dana Ruiz,physical_therapy\n2,1,Mia Chen,massage_therapy\n");
        File.WriteAllText(folder.File("patients.csv"),
            "patient_id,clinic_id,first_name,last_name,birth_date,phone,email,preferred_channel,do_not_contact,deceased_on,allow_phone,allow_sms,allow_email\n"
            + "10,1,Test,Patient,,555-0100,patient@example.com,,false,,true,false,true\n"
            + "11,1,Test,Patient,,555-0100,,,false,,true,true,true\n"
            + "12,1,Test,Patient,,555-0100,patient@example.com,,false,2026-02-20,true,true,true\n"
            + "13,1,Test,Patient,,555-0100,patient@example.com,,false,,false,false,false\n");
        var appointments = new List<string> { "appointment_id,patient_id,clinic_id,provider_id,episode_id,service,starts_at,status,booked_at" };
        foreach (var (series, patient) in new[] { (101, 10), (121, 12) })
        {
            appointments.AddRange(new[] { "20260105", "20260112", "20260126", "20260202" }
                .Select(date => $"{series}-{date},{patient},1,1,,pt,{date[..4]}-{date[4..6]}-{date[6..]}T08:30,completed,"));
        }

        appointments.AddRange(new[] { "20251006", "20251103", "20251201" }
            .Select(date => $"131-{date},13,1,2,,maintenance_massage,{date[..4]}-{date[4..6]}-{date[6..]}T09:00,completed,"));
        string[] statuses = [.. StockCodes.Select(code => code.Status), "completed"];
        for (var index = 0; index < statuses.Length; index++)
        {
            var future = index is 0 or 1 or 2 or 9;
            var date = new DateOnly(2026, future ? 3 : 1, 2).AddDays(index);
            appointments.Add($"{200 + index},11,1,{(index % 2 == 0 ? 1 : 2)},,{(index % 2 == 0 ? "pt" : "recovery_massage")},{date:yyyy-MM-dd}T10:15,{statuses[index]},");
        }

        File.WriteAllText(folder.File("appointments.csv"), string.Join('\n', appointments) + "\n");
    }

    private static async Task<(int ExitCode, string Output)> SyncAsync(
        OpenEmrDatabase openEmr, TestDatabase target, bool mapTelehealth = true, string? extraCategory = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Name"] = "openemr", ["Kind"] = "openemr", ["ConnectionString"] = openEmr.ConnectionString, ["TimeZone"] = "America/Denver",
            ["ServiceCategories__PT Treatment"] = "pt", ["ServiceCategories__Recovery Massage"] = "recovery_massage",
            ["ServiceCategories__Maintenance Massage"] = "maintenance_massage",
            ["Statuses__T"] = mapTelehealth ? "completed" : null,
        };
        if (extraCategory is not null)
        {
            settings[$"ServiceCategories__{extraCategory}"] = "maintenance_massage";
        }

        var previous = settings.Keys.ToDictionary(key => key, key => Environment.GetEnvironmentVariable($"PTA_Sources__0__{key}"));
        try
        {
            foreach (var (key, value) in settings)
            {
                Environment.SetEnvironmentVariable($"PTA_Sources__0__{key}", value);
            }

            return await CliRunner.RunAsync([.. target.CommandLineArguments, "sync"]);
        }
        finally
        {
            foreach (var (key, value) in previous)
            {
                Environment.SetEnvironmentVariable($"PTA_Sources__0__{key}", value);
            }
        }
    }

    /// <summary>The sync's appointments row: read, new, changed, unchanged, removed, rejected.</summary>
    private static int[] AppointmentCounts(string output)
    {
        var row = output.Split('\n').Single(line => line.Contains("│ appointments", StringComparison.Ordinal));
        return [.. row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(count => int.Parse(count, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static async Task<List<string>> SeriesIdsAsync(TestDatabase database)
    {
        await using var connection = await database.Database.OpenAsync();
        return [.. await connection.QueryAsync<string>("SELECT appointment_id FROM appointments WHERE appointment_id LIKE '101-%' ORDER BY appointment_id")];
    }
}
