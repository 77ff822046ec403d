using PhysicalTheraPT.Analytics.Seeding;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Seeding;

public sealed class ClinicHistorySeederCsvTests : IDisposable
{
    private static readonly string[] FileNames = ["clinics.csv", "providers.csv", "patients.csv", "episodes.csv", "appointments.csv"];

    private readonly TemporaryFolder _folder = new();

    private static SeedSettings Small => new() { Clinics = 2, Patients = 300, Months = 12, Until = GeneratedHistory.Until };

    [Fact]
    public async Task WriteCsv_WritesIdenticalBytes_WhenSeedAndOptionsAreTheSame()
    {
        var first = await WriteAsync("first", Small);
        var second = await WriteAsync("second", Small);

        foreach (var name in FileNames)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, name)), await File.ReadAllBytesAsync(Path.Combine(second, name)));
        }
    }

    [Fact]
    public async Task WriteCsv_WritesAnotherHistory_WhenSeedDiffers()
    {
        var first = await WriteAsync("first", Small);
        var second = await WriteAsync("second", Small with { Seed = 43 });

        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(first, "appointments.csv")), await File.ReadAllTextAsync(Path.Combine(second, "appointments.csv")));
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(first, "patients.csv")), await File.ReadAllTextAsync(Path.Combine(second, "patients.csv")));
    }

    [Fact]
    public async Task WriteCsv_WritesAnotherHistory_WhenUntilDiffers()
    {
        var first = await WriteAsync("first", Small);
        var second = await WriteAsync("second", Small with { Until = GeneratedHistory.Until.AddDays(1) });

        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(first, "appointments.csv")), await File.ReadAllTextAsync(Path.Combine(second, "appointments.csv")));
    }

    [Fact]
    public async Task WriteCsv_WritesTheContractHeaders()
    {
        var directory = await WriteAsync("csv", Small);

        Assert.Equal("clinic_id,name,time_zone", FirstLine(directory, "clinics.csv"));
        Assert.Equal("provider_id,clinic_id,name,discipline", FirstLine(directory, "providers.csv"));
        Assert.Equal("patient_id,clinic_id,first_name,last_name,birth_date,phone,email,preferred_channel,do_not_contact,deceased_on,allow_phone,allow_sms,allow_email", FirstLine(directory, "patients.csv"));
        Assert.Equal("episode_id,patient_id,clinic_id,started_on,discharged_on,discharge_reason,condition,body_region,referral_source,maintenance_interval_days", FirstLine(directory, "episodes.csv"));
        Assert.Equal("appointment_id,patient_id,clinic_id,provider_id,episode_id,service,starts_at,status,booked_at", FirstLine(directory, "appointments.csv"));
    }

    [Fact]
    public async Task WriteCsv_FormatsDatesTimesAndFlags_AsTheContractSays()
    {
        var directory = await WriteAsync("csv", Small);

        var appointments = DataLines(directory, "appointments.csv").Select(line => line.Split(',')).ToList();
        var patients = DataLines(directory, "patients.csv").Select(line => line.Split(',')).ToList();
        var episodes = DataLines(directory, "episodes.csv").Select(line => line.Split(',')).ToList();

        Assert.All(appointments, fields =>
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$", fields[6]);
            Assert.Matches(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)?$", fields[8]);
        });
        Assert.Contains(appointments, fields => fields[8].Length > 0);
        Assert.All(patients, fields =>
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", fields[4]);
            Assert.Contains(fields[8], new[] { "true", "false" });
            Assert.Matches(@"^(\d{4}-\d{2}-\d{2})?$", fields[9]);
            Assert.All(fields[10..13], consent => Assert.Contains(consent, new[] { "true", "false" }));
        });
        Assert.All(episodes, fields =>
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", fields[3]);
            Assert.Matches(@"^(\d{4}-\d{2}-\d{2})?$", fields[4]);
        });
        Assert.Contains(episodes, fields => fields[4].Length == 0);
    }

    [Fact]
    public async Task WriteCsv_CountsTheRowsItWrote()
    {
        var directory = await WriteAsync("csv", Small);

        var result = await ClinicHistorySeeder.WriteCsvAsync(Small, directory, null, default);

        Assert.All(FileNames, name => Assert.Equal(DataLines(directory, name).Count, result.RowsOf(name)));
        Assert.Equal(300, result.RowsOf("patients.csv"));
    }

    [Fact]
    public async Task WriteCsv_CreatesPatientsFileReadableByOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var directory = await WriteAsync("csv", Small);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "patients.csv")));
        Assert.NotEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "appointments.csv")));
    }

    [Fact]
    public async Task WriteCsv_ReplacesEarlierFilesAndLeavesNoTemporaryFiles()
    {
        var directory = _folder.File("csv");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "appointments.csv"), "old");

        await ClinicHistorySeeder.WriteCsvAsync(Small, directory, null, default);

        Assert.Equal(FileNames.Order(StringComparer.Ordinal), Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("appointment_id,", await File.ReadAllTextAsync(Path.Combine(directory, "appointments.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteCsv_LeavesEarlierFilesAlone_WhenCancelled()
    {
        var directory = _folder.File("csv");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "appointments.csv"), "old");
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<SeedProgress>(_ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClinicHistorySeeder.WriteCsvAsync(Small, directory, progress, cancellation.Token));

        Assert.Equal(["appointments.csv"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.Equal("old", await File.ReadAllTextAsync(Path.Combine(directory, "appointments.csv")));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> WriteAsync(string name, SeedSettings settings)
    {
        var directory = _folder.File(name);
        await ClinicHistorySeeder.WriteCsvAsync(settings, directory, null, default);
        return directory;
    }

    private static string FirstLine(string directory, string name) => File.ReadLines(Path.Combine(directory, name)).First();

    private static List<string> DataLines(string directory, string name) => File.ReadLines(Path.Combine(directory, name)).Skip(1).ToList();
}
