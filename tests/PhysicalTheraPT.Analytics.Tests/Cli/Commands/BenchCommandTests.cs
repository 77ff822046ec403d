using System.Globalization;
using System.Text.Json;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>Smoke runs of the benchmark at a small size: it works and writes every stage. Nothing about speed.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class BenchCommandTests : IDisposable
{
    private static readonly string[] Stages = ["floor", "flags", "metrics", "duckdb", "nightly", "nightly-incremental", "workbook", "outreach", "import", "sync", "resync", "source-read"];

    private readonly TemporaryHome home = new();
    private readonly TemporaryFolder folder = new();

    public void Dispose()
    {
        folder.Dispose();
        home.Dispose();
    }

    [Fact]
    public async Task Bench_WritesCsvAndJsonWithEveryStage_OnSqlite()
    {
        var (exitCode, output) = await CliRunner.RunAsync(
            "bench", "--db", folder.File("bench.db"), "--appointments", "20000", "--runs", "1", "--output", folder.File("out"));

        Assert.True(exitCode == 0, output);
        AssertEveryStageWritten(folder.File("out/bench-sqlite-20000.csv"), folder.File("out/bench-sqlite-20000.json"), 20_000);
    }

    [Fact]
    public async Task Bench_DoesNotSeedAgain_WhenTheDatabaseHoldsTheSeededHistory()
    {
        string[] arguments = ["bench", "--db", folder.File("bench.db"), "--appointments", "2000", "--runs", "1", "--output", folder.File("out.csv")];
        var (firstExitCode, firstOutput) = await CliRunner.RunAsync(arguments);

        var (exitCode, output) = await CliRunner.RunAsync(arguments);

        Assert.True(firstExitCode == 0, firstOutput);
        Assert.DoesNotContain("not seeding again", firstOutput, StringComparison.Ordinal);
        Assert.True(exitCode == 0, output);
        Assert.Contains("not seeding again", output, StringComparison.Ordinal);
        AssertEveryStageWritten(folder.File("out.csv"), folder.File("out.json"), 2_000);
    }

    [PostgresFact]
    public async Task Bench_WritesCsvAndJsonWithEveryStage_OnPostgres()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);

        var (exitCode, output) = await CliRunner.RunAsync(
            ["bench", .. database.CommandLineArguments, "--appointments", "3000", "--runs", "1", "--output", folder.File("pg.json")]);

        Assert.True(exitCode == 0, output);
        AssertEveryStageWritten(folder.File("pg.csv"), folder.File("pg.json"), 3_000);
    }

    [Fact]
    public async Task Bench_MeasuresEverySizeInEveryRound_AndWritesTheGrowthBetweenSizes()
    {
        var (exitCode, output) = await CliRunner.RunAsync(
            "bench", "--db", folder.File("bench-{appointments}.db"), "--appointments", "4000,2000", "--runs", "1", "--rounds", "2", "--output", folder.File("out"));

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(folder.File("bench-2000.db")) && File.Exists(folder.File("bench-4000.db")), output);
        foreach (var size in new[] { 2_000, 4_000 })
        {
            AssertEveryStageWritten(folder.File($"out/bench-sqlite-{size}.csv"), folder.File($"out/bench-sqlite-{size}.json"), size);

            // Two rounds of one timed run each: the median is over both.
            Assert.All(File.ReadAllLines(folder.File($"out/bench-sqlite-{size}.csv")).Skip(1), line => Assert.Equal("2", line.Split(',')[2]));
            using var json = JsonDocument.Parse(File.ReadAllText(folder.File($"out/bench-sqlite-{size}.json")));
            Assert.Equal(2, json.RootElement.GetProperty("rounds").GetInt32());
        }

        var scaling = File.ReadAllLines(folder.File("out/bench-sqlite-scaling.csv"));
        Assert.Equal("stage,from_appointments,to_appointments,rows_growth,seconds_growth,peak_memory_change_percent", scaling[0]);
        Assert.Equal(Stages, scaling.Skip(1).Select(line => line.Split(',')[0]));
        var floor = scaling[1].Split(',');
        Assert.Equal(("2000", "4000"), (floor[1], floor[2]));
        Assert.InRange(double.Parse(floor[3], CultureInfo.InvariantCulture), 1.8, 2.2);
        Assert.True(double.Parse(floor[4], CultureInfo.InvariantCulture) > 0, scaling[1]);
        Assert.Contains("growth from one size to the next", output, StringComparison.Ordinal);
        Assert.Contains("round 2 of 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_ExitsWithAUserErrorBeforeSeeding_WhenSeveralSizesWouldShareOneDatabase()
    {
        var (exitCode, output) = await CliRunner.RunAsync(
            "bench", "--db", folder.File("bench.db"), "--appointments", "2000,4000", "--runs", "1", "--output", folder.File("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Put {appointments} in it", output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bench.db")));
    }

    [Theory]
    [InlineData("2000,two thousand", "--appointments 'two thousand' is not a whole number of appointments")]
    [InlineData("2000,-4000", "--appointments '-4000' is not a whole number of appointments")]
    [InlineData("2000,50", "--appointments 50 is out of range")]
    [InlineData(",", "--appointments is empty")]
    [InlineData("1,250,000", "commas separate sizes, so write each without thousands separators")]
    public async Task Bench_ExitsWithAUserError_WhenAppointmentsIsNotASizeList(string appointments, string message)
    {
        var (exitCode, output) = await CliRunner.RunAsync(
            "bench", "--db", folder.File("bench-{appointments}.db"), "--appointments", appointments, "--output", folder.File("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_ExitsWithAUserError_WhenSeveralSizesAreToGoIntoOneFile()
    {
        var (exitCode, output) = await CliRunner.RunAsync(
            "bench", "--db", folder.File("bench-{appointments}.db"), "--appointments", "2000,4000", "--output", folder.File("out.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("name a folder instead", output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bench-2000.db")));
    }

    [Fact]
    public async Task Bench_ExitsWithAUserError_WhenAServerHasNoConnectionOfItsOwn()
    {
        var (exitCode, output) = await CliRunner.RunAsync("bench", "--provider", "postgres", "--appointments", "2000", "--output", folder.File("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("needs --connection naming a database of its own", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_MeasuresOnlyTheStagesNamed_InTheTablesOrder()
    {
        var (exitCode, output) = await CliRunner.RunAsync(
            "bench", "--db", folder.File("bench.db"), "--appointments", "2000", "--runs", "1", "--stages", "flags, floor", "--output", folder.File("out.csv"));

        Assert.True(exitCode == 0, output);
        var lines = File.ReadAllLines(folder.File("out.csv"));
        Assert.Equal(["floor", "flags"], lines.Skip(1).Select(line => line.Split(',')[0]));
        Assert.DoesNotContain("Measuring metrics", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stages", "floor,flag", "--stages 'flag' is not a benchmark stage: use floor, flags, metrics, duckdb, nightly, nightly-incremental, workbook, outreach, import, sync, resync, source-read.")]
    [InlineData("--rounds", "0", "--rounds 0 is out of range")]
    [InlineData("--runs", "0", "--runs 0 is out of range")]
    public async Task Bench_ExitsWithAUserErrorBeforeSeeding_WhenAnOptionIsBad(string option, string value, string message)
    {
        var (exitCode, output) = await CliRunner.RunAsync("bench", "--db", folder.File("bench.db"), option, value, "--output", folder.File("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bench.db")));
    }

    private static void AssertEveryStageWritten(string csvPath, string jsonPath, long appointments)
    {
        var lines = File.ReadAllLines(csvPath);
        Assert.Equal("stage,rows,runs,warmup_runs,seconds_median,seconds_min,seconds_max,rows_per_second,peak_memory_mb,disk_read_mb_per_run,ratio_to_floor,ratio_to_duckdb,cold_seconds,cold_ratio_to_duckdb,note", lines[0]);
        Assert.Equal(Stages, lines.Skip(1).Select(line => line.Split(',')[0]));

        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        Assert.Equal(appointments, json.RootElement.GetProperty("appointments").GetInt64());
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(Stages, stages.Select(stage => stage.GetProperty("stage").GetString()));
        foreach (var stage in stages)
        {
            // A small history can have nobody to call in the workbook month; every other stage has rows.
            Assert.True(stage.GetProperty("rows").GetInt64() > 0 || stage.GetProperty("stage").GetString() == "workbook", stage.ToString());
            Assert.True(stage.GetProperty("peak_memory_mb").GetDouble() > 0, stage.ToString());
            // Linux says what the machine read from disk: nothing to a little, never less than nothing.
            Assert.True(stage.GetProperty("disk_read_mb_per_run").GetDouble() >= 0, stage.ToString());
            // At least one untimed run, at most the cap, whatever the JIT did.
            Assert.InRange(stage.GetProperty("warmup_runs").GetInt32(), 1, 8);
            // Cold: a fresh process, except where the stage's own preparation runs its code first.
            if (stage.GetProperty("stage").GetString() is "nightly-incremental" or "resync")
            {
                Assert.Equal(JsonValueKind.Null, stage.GetProperty("cold_seconds").ValueKind);
            }
            else
            {
                Assert.True(stage.GetProperty("cold_seconds").GetDouble() > 0, stage.ToString());
            }
        }

        // The seeded history holds about the appointments asked for, and floor, flags, metrics and the
        // whole nightly job read all of them.
        var floorRows = stages[0].GetProperty("rows").GetInt64();
        Assert.InRange(floorRows, appointments * 8 / 10, appointments * 12 / 10);
        Assert.Equal(floorRows, stages[1].GetProperty("rows").GetInt64());
        Assert.True(stages[1].GetProperty("ratio_to_floor").GetDouble() > 0);
        Assert.True(stages[2].GetProperty("ratio_to_floor").GetDouble() > 0);
        // The DuckDB peer's query reads them all too, and the whole-history stages are compared with it.
        Assert.Equal(floorRows, stages[3].GetProperty("rows").GetInt64());
        Assert.Contains("equal to the engine's", stages[3].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(stages[1].GetProperty("ratio_to_duckdb").GetDouble() > 0);
        Assert.True(stages[4].GetProperty("ratio_to_duckdb").GetDouble() > 0);
        Assert.Equal(floorRows, stages[4].GetProperty("rows").GetInt64());
        Assert.True(stages[4].GetProperty("ratio_to_floor").GetDouble() > 0);

        // A re-sync is compared with reading its source, which reads every appointment too.
        Assert.Equal(floorRows, stages[11].GetProperty("rows").GetInt64());
        Assert.True(stages[10].GetProperty("ratio_to_floor").GetDouble() > 0);
    }
}
