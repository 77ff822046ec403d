using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

/// <summary>
/// A clinic working its outreach lists against a real database: clinic C01 (Eastside, Denver) with
/// patients P1 … P8 and C02 (Uptown) with Q1; the clock stands at 1 June 2026. Tests refresh the queue,
/// write lists with the real writer, fill them in with ClosedXML as front desk would, and import them.
/// </summary>
internal sealed class OutreachScenario : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    private readonly TemporaryFolder folder = new();

    private OutreachScenario(TestDatabase test, OutreachOptions options)
    {
        Test = test;
        Options = options;
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 18, 0, 0, TimeSpan.Zero));
        Queue = new OutreachQueue(test.Database, Microsoft.Extensions.Options.Options.Create(options));
        SigningKeys = new ListSigningKeyStore(test.Database);
        Importer = new OutreachListImporter(test.Database, SigningKeys, Microsoft.Extensions.Options.Options.Create(options), Clock);
    }

    public TestDatabase Test { get; }

    public AnalyticsDatabase Database => Test.Database;

    public OutreachOptions Options { get; }

    public FakeTimeProvider Clock { get; }

    public OutreachQueue Queue { get; }

    public OutreachListImporter Importer { get; }

    /// <summary>This database's list signing key, as the writer and the importer use it.</summary>
    public ListSigningKeyStore SigningKeys { get; }

    public string Folder => folder.Path;

    public static async Task<OutreachScenario> CreateAsync(DatabaseProvider provider, OutreachOptions? options = null, Action<ClinicDataBuilder>? moreData = null)
    {
        var test = TestDatabase.Create(provider);
        var data = new ClinicDataBuilder()
            .Clinic("C01", "America/Denver", "Eastside")
            .Clinic("C02", "America/New_York", "Uptown")
            .Patient("Q1", "C02");
        for (var patient = 1; patient <= 8; patient++)
        {
            data.Patient("P" + patient.ToString(System.Globalization.CultureInfo.InvariantCulture), "C01");
        }

        moreData?.Invoke(data);
        await data.WriteAsync(test.Database);
        return new OutreachScenario(test, options ?? new OutreachOptions());
    }

    public Task<OutreachRefreshResult> RefreshAsync(DateOnly asOf, params string[] flaggedPatients) =>
        Queue.RefreshAsync("C01", asOf, [.. flaggedPatients.Select(patient => new OutreachCandidate("C01", patient, PatientFlagKind.DroppedAfterAcute, "Discharged; no maintenance booked", 50))]);

    /// <summary>Refreshes the queue as of the date and writes the list of the patients it says are due.</summary>
    public async Task<string> WriteListAsync(DateOnly asOf, params string[] flaggedPatients)
    {
        var refresh = await RefreshAsync(asOf, flaggedPatients);
        return WriteList("C01", asOf, refresh.Due);
    }

    public string WriteList(string clinicId, DateOnly asOf, IEnumerable<string> patients)
    {
        var rows = patients.Select(patient => new OutreachListRow(
            patient, "Patient " + patient, "555-0100", null, "phone", PatientFlagKind.DroppedAfterAcute, "Discharged; no maintenance booked",
            asOf.AddDays(-20), "Dana Ruiz", 20, 50)).ToList();
        var folderForDate = Directory.CreateDirectory(Path.Combine(folder.Path, clinicId + "-" + IsoDate.Format(asOf) + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        return new OutreachListWriter(SigningKeys).Write(new OutreachList(clinicId, clinicId == "C01" ? "Eastside" : "Uptown", asOf, rows), folderForDate).Path;
    }

    /// <summary>Fills in one patient's row as front desk does: outcome from the dropdown, the date as a date, initials.</summary>
    public static void Fill(string path, string patientId, string? outcome, DateOnly? on, string? initials = "JD", string? notes = null)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var row = RowOf(sheet, patientId);
        Set(sheet.Cell(row, ColumnOf(sheet, OutreachListLayout.Outcome)), outcome);
        var date = sheet.Cell(row, ColumnOf(sheet, OutreachListLayout.OutcomeDate));
        if (on is { } day)
        {
            date.SetValue(day.ToDateTime(TimeOnly.MinValue));
        }
        else
        {
            date.Clear(XLClearOptions.Contents);
        }

        Set(sheet.Cell(row, ColumnOf(sheet, OutreachListLayout.StaffInitials)), initials);
        Set(sheet.Cell(row, ColumnOf(sheet, OutreachListLayout.Notes)), notes);
        workbook.Save();
    }

    /// <summary>Changes one cell of a patient's row, for tests that spoil a list.</summary>
    public static void Edit(string path, string patientId, string header, Action<IXLCell> edit)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        edit(sheet.Cell(RowOf(sheet, patientId), ColumnOf(sheet, header)));
        workbook.Save();
    }

    public static int RowOf(IXLWorksheet sheet, string patientId)
    {
        var keyColumn = ColumnOf(sheet, OutreachListLayout.RowKey);
        return sheet.Column(keyColumn).CellsUsed().Single(cell => cell.GetString().Contains("|" + patientId + "|", StringComparison.Ordinal)).Address.RowNumber;
    }

    public static int ColumnOf(IXLWorksheet sheet, string header) =>
        sheet.Row(3).CellsUsed().Single(cell => cell.GetString() == header).Address.ColumnNumber;

    public async Task<IReadOnlyList<OutreachImportFile>> ImportAsync(params string[] paths) => await Importer.ImportAsync(paths);

    public async Task<IReadOnlyList<OutreachItem>> ItemsAsync(string patientId)
    {
        await using var connection = await Database.OpenAsync();
        return await new OutreachItemStore(connection, null, Database).ReadPatientItemsAsync("C01", patientId, default);
    }

    public async Task<OutreachItem?> OpenItemAsync(string patientId) => (await ItemsAsync(patientId)).SingleOrDefault(item => item.IsOpen);

    /// <summary>Every row of the outreach tables as text, to compare the database before and after.</summary>
    public async Task<string> OutreachTablesAsync()
    {
        await using var connection = await Database.OpenAsync();
        var lines = new List<string>();
        foreach (var (table, key) in new[] { ("outreach_items", "item_id"), ("outreach_outcomes", "outcome_id"), ("outreach_do_not_contact", "patient_id") })
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {key}");
            lines.AddRange(rows.Select(row => table + ": " + string.Join(", ", ((IDictionary<string, object?>)row).Select(pair => pair.Key + "=" + Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture)))));
        }

        return string.Join("\n", lines);
    }

    public async Task<int> CountAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        folder.Dispose();
        await Test.DisposeAsync();
    }

    private static void Set(IXLCell cell, string? text)
    {
        if (text is null)
        {
            cell.Clear(XLClearOptions.Contents);
        }
        else
        {
            cell.SetValue(text);
        }
    }
}
