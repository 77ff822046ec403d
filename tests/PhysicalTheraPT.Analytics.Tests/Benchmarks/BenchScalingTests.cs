using PhysicalTheraPT.Analytics.Benchmarks;

namespace PhysicalTheraPT.Analytics.Tests.Benchmarks;

public sealed class BenchScalingTests
{
    [Fact]
    public void From_DividesEachSizeByTheNextSmaller_WhenGivenThreeSizesInAnyOrder()
    {
        var reports = new[]
        {
            Report(4000, floorSeconds: 4.4, floorMegabytes: 100, workbookRows: 80),
            Report(1000, floorSeconds: 1.0, floorMegabytes: 80, workbookRows: 20),
            Report(2000, floorSeconds: 2.0, floorMegabytes: 90, workbookRows: 40),
        };

        var scaling = BenchScaling.From(reports);

        var floor = scaling.Steps.Where(step => step.Stage == "floor").ToList();
        Assert.Equal([(1000L, 2000L), (2000L, 4000L)], floor.Select(step => (step.FromAppointments, step.ToAppointments)));
        Assert.Equal(2.0, floor[0].SecondsGrowth!.Value, 9);
        Assert.Equal(2.2, floor[1].SecondsGrowth!.Value, 9);
        Assert.Equal(12.5, floor[0].PeakMemoryChangePercent!.Value, 9);
        Assert.Equal(2.0, floor[1].RowsGrowth!.Value, 9);
        Assert.Equal(["floor", "floor", "workbook", "workbook"], scaling.Steps.Select(step => step.Stage));
    }

    [Fact]
    public void From_ShowsNoChangeAsZeroNotMinusZero_WhenThePeakFellByLessThanATenth()
    {
        var scaling = BenchScaling.From([Report(1000, 1.0, 100.0, 5), Report(2000, 2.0, 99.99, 10)]);

        Assert.Equal("0.0", scaling.Steps.Single(step => step.Stage == "floor").PeakMemoryChangePercent!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void From_LeavesTheGrowthOut_WhenTheSmallerSizeHadNothingToMeasure()
    {
        var scaling = BenchScaling.From([Report(1000, 1.0, 80, workbookRows: 0), Report(2000, 2.0, 80, workbookRows: 5)]);

        var workbook = scaling.Steps.Single(step => step.Stage == "workbook");
        Assert.Null(workbook.RowsGrowth);
        Assert.Null(workbook.SecondsGrowth);
    }

    [Fact]
    public void Pool_KeepsEveryTimedRunTheMostWarmUpsAndTheHighestPeak_WhenGivenRounds()
    {
        var pooled = BenchStageMeasurement.Pool(
        [
            new() { Stage = "flags", Rows = 10, WarmUpRuns = 2, Seconds = [3.0, 1.0], PeakMegabytes = 90 },
            new() { Stage = "flags", Rows = 10, WarmUpRuns = 5, Seconds = [2.0], PeakMegabytes = 85 },
        ]);

        Assert.Equal([3.0, 1.0, 2.0], pooled.Seconds);
        Assert.Equal((5, 90.0), (pooled.WarmUpRuns, pooled.PeakMegabytes));
        Assert.Equal(2.0, BenchReport.From("sqlite", 10, "machine", 2, [pooled]).Stages[0].Seconds);
    }

    [Fact]
    public void Pool_Throws_WhenTheRoundsHandledDifferentRows()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BenchStageMeasurement.Pool(
        [
            new() { Stage = "floor", Rows = 10, Seconds = [1.0], PeakMegabytes = 80 },
            new() { Stage = "floor", Rows = 11, Seconds = [1.0], PeakMegabytes = 80 },
        ]));

        Assert.Contains("10, 11", error.Message, StringComparison.Ordinal);
    }

    private static BenchReport Report(long appointments, double floorSeconds, double floorMegabytes, long workbookRows) =>
        BenchReport.From("sqlite", appointments, "machine", 1,
        [
            new() { Stage = "floor", Rows = appointments, Seconds = [floorSeconds], PeakMegabytes = floorMegabytes },
            new() { Stage = "workbook", Rows = workbookRows, Seconds = workbookRows == 0 ? [] : [0.5], PeakMegabytes = 150 },
        ]);
}
