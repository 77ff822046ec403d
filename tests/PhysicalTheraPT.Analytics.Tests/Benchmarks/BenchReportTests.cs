using PhysicalTheraPT.Analytics.Benchmarks;

namespace PhysicalTheraPT.Analytics.Tests.Benchmarks;

public sealed class BenchReportTests
{
    [Fact]
    public void From_TakesTheMedianAndDividesFlagsAndMetricsByTheFloor_WhenEveryStageWasMeasured()
    {
        var measurements = new[]
        {
            Measured(BenchStage.Floor, 1000, 2.0, 9.0, 1.0),
            Measured(BenchStage.Flags, 1000, 3.0, 3.0, 30.0),
            Measured(BenchStage.Metrics, 1000, 1.0, 2.5),
            Measured(BenchStage.Outreach, 5000, 4.0),
        };

        var report = BenchReport.From("sqlite", 1000, "test machine", 1, measurements);

        var floor = report.Stages.Single(stage => stage.Stage == "floor");
        Assert.Equal((2.0, 1.0, 9.0), (floor.Seconds, floor.SecondsMin, floor.SecondsMax));
        Assert.Equal(500, floor.RowsPerSecond);
        Assert.Null(floor.RatioToFloor);
        Assert.Equal(1.5, report.Stages.Single(stage => stage.Stage == "flags").RatioToFloor);
        Assert.Equal(0.875, report.Stages.Single(stage => stage.Stage == "metrics").RatioToFloor);
        Assert.Null(report.Stages.Single(stage => stage.Stage == "outreach").RatioToFloor);
    }

    [Fact]
    public void From_DividesTheWholeHistoryStagesByTheDuckDbPeer_WhenTheDuckdbStageWasMeasured()
    {
        var measurements = new[]
        {
            Measured(BenchStage.Floor, 1000, 2.0),
            Measured(BenchStage.Flags, 1000, 3.0),
            Measured(BenchStage.Duckdb, 1000, 0.5),
            Measured(BenchStage.NightlyIncremental, 1000, 0.25),
            Measured(BenchStage.Outreach, 5000, 4.0),
        };

        var report = BenchReport.From("sqlite", 1000, "test machine", 1, measurements);

        Assert.Equal(6.0, report.Stages.Single(stage => stage.Stage == "flags").RatioToDuckDb);
        Assert.Equal(0.5, report.Stages.Single(stage => stage.Stage == "nightly-incremental").RatioToDuckDb);
        Assert.Null(report.Stages.Single(stage => stage.Stage == "duckdb").RatioToDuckDb);
        Assert.Null(report.Stages.Single(stage => stage.Stage == "floor").RatioToDuckDb);
        Assert.Null(report.Stages.Single(stage => stage.Stage == "outreach").RatioToDuckDb);
    }

    [Fact]
    public void From_LeavesTheDuckDbRatioEmpty_WhenTheDuckdbStageWasNotMeasured()
    {
        var report = BenchReport.From("sqlite", 1000, "test machine", 1, [Measured(BenchStage.Flags, 1000, 3.0)]);

        Assert.Null(report.Stages.Single().RatioToDuckDb);
    }

    [Fact]
    public void From_DividesResyncBySourceReadNotByTheFloor_WhenBothWereMeasured()
    {
        var measurements = new[]
        {
            Measured(BenchStage.Floor, 1000, 0.5),
            Measured(BenchStage.SourceRead, 1000, 2.0),
            Measured(BenchStage.Resync, 1000, 1.5),
        };

        var report = BenchReport.From("sqlite", 1000, "test machine", 1, measurements);

        Assert.Equal(0.75, report.Stages.Single(stage => stage.Stage == "resync").RatioToFloor);
        Assert.Null(report.Stages.Single(stage => stage.Stage == "source-read").RatioToFloor);
    }

    [Fact]
    public async Task WriteCsvAsync_QuotesANoteWithACommaOrAQuote_AndLeavesOtherCellsBare()
    {
        var directory = Directory.CreateTempSubdirectory("bench-report-").FullName;
        try
        {
            var note = "all clinics, the \"next\" night";
            var report = BenchReport.From("sqlite", 1000, "machine", 1,
                [new BenchStageMeasurement { Stage = "floor", Rows = 1000, Seconds = [2.0], PeakMegabytes = 80, DiskReadMegabytes = 3, Note = note }]);
            var path = Path.Combine(directory, "bench.csv");

            await report.WriteCsvAsync(path, CancellationToken.None);

            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal("floor,1000,1,1,2,2,2,500,80,3,,,,,\"all clinics, the \"\"next\"\" night\"", lines[1]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void From_TakesTheColdMedianAndDividesByTheDuckDbStage_WhenTheReportHasOne()
    {
        var measurements = new[]
        {
            Measured(BenchStage.Flags, 1000, 1.0) with { ColdSeconds = [6.0, 4.0, 5.0] },
            new BenchStageMeasurement { Stage = "duckdb", Rows = 1000, Seconds = [0.5], PeakMegabytes = 80, ColdSeconds = [2.0] },
            Measured(BenchStage.NightlyIncremental, 1000, 1.0),
        };

        var report = BenchReport.From("sqlite", 1000, "test machine", 1, measurements);

        var flags = report.Stages.Single(stage => stage.Stage == "flags");
        Assert.Equal((5.0, 2.5), (flags.ColdSeconds, flags.ColdRatioToDuckDb));
        var incremental = report.Stages.Single(stage => stage.Stage == "nightly-incremental");
        Assert.Equal((null, null), (incremental.ColdSeconds, incremental.ColdRatioToDuckDb));
    }

    [Fact]
    public void From_LeavesTheColdRatioEmpty_WhenThereIsNoDuckDbStage()
    {
        var report = BenchReport.From("sqlite", 1000, "test machine", 1, [Measured(BenchStage.Flags, 1000, 1.0) with { ColdSeconds = [3.0] }]);

        Assert.Equal((3.0, (double?)null), (report.Stages[0].ColdSeconds, report.Stages[0].ColdRatioToDuckDb));
    }

    [Fact]
    public void Median_AveragesTheMiddleTwo_WhenTheCountIsEven()
    {
        Assert.Equal(2.5, BenchReport.Median([4.0, 1.0, 2.0, 3.0]));
    }

    private static BenchStageMeasurement Measured(BenchStage stage, long rows, params double[] seconds) =>
        new() { Stage = stage.ToName(), Rows = rows, Seconds = seconds, PeakMegabytes = 80 };
}
