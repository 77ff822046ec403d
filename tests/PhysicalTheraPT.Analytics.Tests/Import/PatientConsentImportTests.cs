using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>
/// patients.csv's optional columns deceased_on, allow_phone, allow_sms and allow_email: stored when the
/// export has them, checked like every other column, and an export without them imports as before and
/// leaves a recorded death or a withheld channel alone.
/// </summary>
public sealed class PatientConsentImportTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    [Fact]
    public Task ImportAsync_StoresDeathAndConsent_WhenTheExportHasTheColumns_OnSqlite() => StoresDeathAndConsent(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_StoresDeathAndConsent_WhenTheExportHasTheColumns_OnPostgres() => StoresDeathAndConsent(DatabaseProvider.Postgres);

    [Fact]
    public Task ImportAsync_KeepsStoredDeathAndConsent_WhenALaterExportHasNoSuchColumns_OnSqlite() => KeepsStoredValues(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_KeepsStoredDeathAndConsent_WhenALaterExportHasNoSuchColumns_OnPostgres() => KeepsStoredValues(DatabaseProvider.Postgres);

    [Fact]
    public async Task ImportAsync_ImportsAnOldExportUnchanged_AsAliveAndReachableOnEveryChannel()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.Empty(result.Errors);
        Assert.Equal((null, true, true, true), await StoredAsync(test.Database, "p1"));
    }

    [Fact]
    public async Task ImportAsync_RefusesTheRowAndNamesTheColumn_WhenDeathOrConsentIsNotAValue()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = WithConsentColumns(ClinicExport.Valid());
        export.Patients.Add(("patient_id", "p2"), ("deceased_on", "03/04/2025"), ("allow_sms", "maybe"), ("allow_email", "opted out"));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        var messages = result.Errors.Select(error => error.ToString()).ToList();
        Assert.Equal(["deceased_on", "allow_sms", "allow_email"], result.Errors.Select(error => error.Column));
        Assert.Contains("patients.csv:3, deceased_on is not a date in the form YYYY-MM-DD", messages[0], StringComparison.Ordinal);
        Assert.Contains("patients.csv:3, allow_sms is not true or false (1/0 and yes/no are accepted too; blank means allowed)", messages[1], StringComparison.Ordinal);
        Assert.DoesNotContain(messages, message => message.Contains("03/04/2025", StringComparison.Ordinal) || message.Contains("opted out", StringComparison.Ordinal));
        Assert.Equal(0, result.Files.Sum(file => file.NewOrChanged));
    }

    private async Task StoresDeathAndConsent(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using var export = WithConsentColumns(ClinicExport.Valid());
        export.Patients.Add(("patient_id", "p2"), ("deceased_on", "2026-02-01"), ("allow_phone", "false"), ("allow_sms", "TRUE"), ("allow_email", "no"));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.Empty(result.Errors);
        Assert.Equal((null, true, true, true), await StoredAsync(test.Database, "p1"));
        Assert.Equal((new DateOnly(2026, 2, 1), false, true, false), await StoredAsync(test.Database, "p2"));
    }

    private async Task KeepsStoredValues(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using (var first = WithConsentColumns(ClinicExport.Valid()))
        {
            first.Patients.Set(0, "deceased_on", "2026-02-01").Set(0, "allow_email", "false");
            await TestImport.RunAsync(test.Database, first.Write());
        }

        using var old = ClinicExport.Valid();
        old.Patients.Set(0, "phone", "555-0199");
        old.Patients.Add(("patient_id", "p2"));
        var result = await TestImport.RunAsync(test.Database, old.Write());

        Assert.Empty(result.Errors);
        Assert.Equal((new DateOnly(2026, 2, 1), true, true, false), await StoredAsync(test.Database, "p1"));
        Assert.Equal((null, true, true, true), await StoredAsync(test.Database, "p2"));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal("555-0199", await connection.QuerySingleAsync<string>("SELECT phone FROM patients WHERE patient_id = 'p1'"));
    }

    private static ClinicExport WithConsentColumns(ClinicExport export)
    {
        export.Patients.Header.AddRange(["deceased_on", "allow_phone", "allow_sms", "allow_email"]);
        return export;
    }

    private static async Task<(DateOnly? DeceasedOn, bool AllowPhone, bool AllowSms, bool AllowEmail)> StoredAsync(AnalyticsDatabase database, string patientId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleAsync<RetentionPatientRow>(
            "SELECT patient_id AS PatientId, deceased_on AS DeceasedOn, allow_phone AS AllowPhone, allow_sms AS AllowSms, allow_email AS AllowEmail FROM patients WHERE patient_id = @PatientId",
            new { PatientId = patientId });
        return (row.DeceasedOn, row.AllowPhone, row.AllowSms, row.AllowEmail);
    }
}
