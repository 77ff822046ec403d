using System.Net;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Cli.Commands;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Web;

/// <summary>
/// <c>serve</c>'s web app on a free loopback port over a fresh SQLite database: clinic C01 (Eastside,
/// Denver) with six flagged patients, one per outcome, and C02 (Uptown, New York) with one. Users:
/// <c>frank</c> (front desk of C01), <c>mia</c> (manager of C01), <c>ana</c> (admin); each password is
/// the name followed by <c>-pw</c>. Each server has its own sign-in guard, so a lockout stays in its test.
/// </summary>
internal sealed class WebAppServer : IAsyncDisposable
{
    /// <summary>C01's flagged patients, by priority (the list's order): one for each outcome.</summary>
    public static readonly (string Id, string First, string Last)[] Eastside =
    [
        ("P1", "Ava", "Archer"), ("P2", "Ben", "Brooks"), ("P3", "Cleo", "Carter"),
        ("P4", "Dev", "Dalton"), ("P5", "Eli", "Evans"), ("P6", "Fay", "Fischer"),
    ];

    private readonly TemporaryFolder _output;

    private WebAppServer(string url, WebApplication app, SchedulingHost scheduling, HangfireLogging logging, ServiceProvider services, TestDatabase test, TemporaryFolder output)
    {
        Url = url;
        App = app;
        Scheduling = scheduling;
        Logging = logging;
        Services = services;
        Test = test;
        _output = output;
    }

    public string Url { get; }

    public WebApplication App { get; }

    public SchedulingHost Scheduling { get; }

    public HangfireLogging Logging { get; }

    public ServiceProvider Services { get; }

    public TestDatabase Test { get; }

    /// <summary>The jobs' output folder, where the reports pages look for files.</summary>
    public string OutputDirectory => _output.Path;

    public static async Task<WebAppServer> StartAsync(bool startJobServer = false, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var test = TestDatabase.Create(provider);
        var output = new TemporaryFolder();
        var users = new Dictionary<string, string?>
        {
            ["Users:0:Name"] = "frank", ["Users:0:Password"] = "frank-pw", ["Users:0:Role"] = "front_desk", ["Users:0:Clinics"] = "C01",
            ["Users:1:Name"] = "mia", ["Users:1:Password"] = "mia-pw", ["Users:1:Role"] = "manager", ["Users:1:Clinics"] = "C01",
            ["Users:2:Name"] = "ana", ["Users:2:Password"] = "ana-pw", ["Users:2:Role"] = "admin",
        };
        var services = JobTestServices.Build(test, output.Path, settings: users);
        await SeedAsync(test.Database);
        var scheduling = await SchedulingHost.OpenAsync(services, pollInterval: null, CancellationToken.None);
        if (startJobServer)
        {
            scheduling.StartServer("web-test");
        }

        var logging = HangfireLogging.RouteTo(NullLoggerFactory.Instance);
        var url = $"http://127.0.0.1:{ServeCommandTests.FreePort()}";
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = new DashboardOptions { AppUsers = AppUsers.Read(configuration) };
        var app = await DashboardServer.StartAsync(scheduling, url, options, logging, configuration, CancellationToken.None);
        return new WebAppServer(url, app, scheduling, logging, services, test, output);
    }

    /// <summary>Clinics, patients and today's flags (today on each clinic's own calendar), as refresh-flags would store them.</summary>
    internal static async Task SeedAsync(AnalyticsDatabase database)
    {
        var clinics = new[] { new ClinicRow("C01", "Eastside", "America/Denver"), new ClinicRow("C02", "Uptown", "America/New_York") };
        var patients = Eastside.Select(patient => new PatientRow(patient.Id, "C01", patient.First, patient.Last, null, "555-0100", patient.First.ToLowerInvariant() + "@example.com", "phone", false))
            .Append(new PatientRow("Q1", "C02", "Quinn", "Quade", null, "555-0199", null, "phone", false))
            .ToList();
        await using (var connection = await database.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var writer = new ClinicDataWriter(connection, transaction, database.Dialect);
            await writer.UpsertClinicsAsync(clinics, default);
            await writer.UpsertPatientsAsync(patients, default);
            await transaction.CommitAsync();
        }

        var directory = await ClinicDirectory.LoadAsync(database, default);
        var store = new PatientFlagStore(database, TimeProvider.System);
        foreach (var clinic in clinics)
        {
            var today = directory.TodayIn(clinic.ClinicId, TimeProvider.System);
            var flagged = patients.Where(patient => patient.ClinicId == clinic.ClinicId).Select((patient, index) => new StoredPatientFlag
            {
                ClinicId = clinic.ClinicId,
                AsOf = today,
                PatientId = patient.PatientId,
                Kind = PatientFlagKind.DroppedAfterAcute,
                AcuteEnd = today.AddDays(-30),
                DaysSince = 30 + index,
                Priority = 90 - index,
                Reason = "Discharged; no maintenance booked",
            });
            await store.ReplaceSetsAsync([clinic.ClinicId], today, flagged.ToAsyncEnumerable(), default);
        }
    }

    /// <summary>How many outcomes the store holds for a patient.</summary>
    public async Task<int> OutcomesOfAsync(string patientId)
    {
        await using var connection = await Test.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_outcomes WHERE patient_id = @PatientId", new { PatientId = patientId });
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Scheduling.StopServerAsync();
        Logging.Dispose();
        await Scheduling.DisposeAsync();
        await Services.DisposeAsync();
        await Test.DisposeAsync();
        _output.Dispose();
    }
}
