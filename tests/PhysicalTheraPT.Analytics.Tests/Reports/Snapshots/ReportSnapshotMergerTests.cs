using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Snapshots;

public sealed class ReportSnapshotMergerTests
{
    private static readonly CalendarMonth January = new(2026, 1);
    private static readonly DateTime Now = new(2026, 5, 1, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Merge_ShowsAndKeepsTheFreshNumbers_WhenNothingWasKeptYet()
    {
        var request = Request(new DateOnly(2026, 4, 1), Month(January, 100, provisional: false));

        var (result, writes) = ReportSnapshotMerger.Merge(request, new Dictionary<SnapshotKey, SnapshotValue>(), Now);

        Assert.Equal(100, result.Trend[0].AcuteCompletions);
        Assert.Equal(new SnapshotValue(100, true, new DateOnly(2026, 4, 1)), writes[new(January, "acute_completions")]);
        Assert.Equal(new SnapshotValue(17, true, new DateOnly(2026, 4, 1)), writes[new(January, "dropped_after_acute")]);
        Assert.Empty(result.RestatedMonths);
    }

    [Fact]
    public void Merge_ShowsTheKeptFinalNumbers_WhenTheDataChangedSince()
    {
        var (_, first) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 4, 1), Month(January, 100, provisional: false)), new Dictionary<SnapshotKey, SnapshotValue>(), Now);

        var (result, writes) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 5, 1), Month(January, 104, provisional: false, dropped: null)), first, Now);

        var january = result.Trend[0];
        Assert.Equal(100, january.AcuteCompletions);
        Assert.Equal(17, january.DroppedAfterAcute);
        Assert.Equal(first[new(January, "conversion.28.converted")].Value, january.Conversion(28)!.Converted);
        Assert.Equal(100, result.Cohorts[0].Completions);
        Assert.Empty(writes);
        Assert.Empty(result.RestatedMonths);
    }

    [Fact]
    public void Merge_ShowsFreshNumbersAndKeepsThemAgain_WhileTheyWereNotFinal()
    {
        var (_, first) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 2, 1), Month(January, 90, provisional: true)), new Dictionary<SnapshotKey, SnapshotValue>(), Now);

        var (later, writes) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 4, 1), Month(January, 100, provisional: false)), first, Now);
        var (latest, _) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 5, 1), Month(January, 104, provisional: false)), Apply(first, writes), Now);

        Assert.Equal(new SnapshotValue(90, false, new DateOnly(2026, 2, 1)), first[new(January, "acute_completions")]);
        Assert.Equal((100, false), (later.Trend[0].AcuteCompletions, later.Trend[0].Provisional));
        Assert.Equal(new SnapshotValue(100, true, new DateOnly(2026, 4, 1)), writes[new(January, "acute_completions")]);
        Assert.Equal(100, latest.Trend[0].AcuteCompletions);
    }

    [Fact]
    public void Merge_ShowsFreshNumbersAndMarksTheMonthRestated_WhenRestating()
    {
        var february = January.AddMonths(1);
        var (_, first) = ReportSnapshotMerger.Merge(
            Request(new DateOnly(2026, 4, 1), Month(January, 100, provisional: false), Month(february, 80, provisional: false)), new Dictionary<SnapshotKey, SnapshotValue>(), Now.AddMonths(-1));

        var (result, writes) = ReportSnapshotMerger.Merge(
            Request(new DateOnly(2026, 5, 1), Month(January, 104, provisional: false), Month(february, 80, provisional: false)) with { Restate = true }, first, Now);
        var (after, _) = ReportSnapshotMerger.Merge(
            Request(new DateOnly(2026, 5, 2), Month(January, 108, provisional: false), Month(february, 80, provisional: false)), Apply(first, writes), Now.AddDays(1));

        Assert.Equal(104, result.Trend[0].AcuteCompletions);
        Assert.Equal([new RestatedMonth(January, new DateOnly(2026, 5, 1))], result.RestatedMonths);
        Assert.Equal(new SnapshotValue(104, true, new DateOnly(2026, 5, 1), Now), writes[new(January, "acute_completions")]);
        Assert.False(writes.ContainsKey(new(february, "acute_completions")));
        Assert.Equal(104, after.Trend[0].AcuteCompletions);
        Assert.Equal([new RestatedMonth(January, new DateOnly(2026, 5, 1))], after.RestatedMonths);
    }

    [Fact]
    public void Merge_NeitherUsesNorReplacesKeptNumbers_WhenTheWorkbookIsDatedBeforeThem()
    {
        var (_, kept) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 6, 15), Month(January, 104, provisional: false)), new Dictionary<SnapshotKey, SnapshotValue>(), Now);

        var (result, writes) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 2, 1), Month(January, 90, provisional: true, dropped: null)), kept, Now);

        Assert.Equal((90, true), (result.Trend[0].AcuteCompletions, result.Trend[0].Provisional));
        Assert.Null(result.Trend[0].DroppedAfterAcute);
        Assert.Empty(writes);
    }

    [Fact]
    public void Merge_KeepsAMaturingConversionFresh_UntilItsWindowCloses()
    {
        var maturing = Month(January, 100, provisional: false) with { Conversions = [ConversionCell.Open(28, 100, 20)] };
        var matured = Month(January, 100, provisional: false) with { Conversions = [ConversionCell.Matured(28, 100, 36)] };
        var (_, first) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 2, 1), maturing), new Dictionary<SnapshotKey, SnapshotValue>(), Now);

        var (result, _) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 4, 1), matured), first, Now);

        Assert.Equal(ConversionCell.Matured(28, 100, 36), result.Trend[0].Conversion(28));
    }

    [Fact]
    public void Merge_KeepsOutreachMonths_OnceTheyAreFinal()
    {
        var final = new OutreachMonth(January, 40, 30, 15, 9, Provisional: false, 3, 1);
        var (_, first) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 3, 1)) with { Outreach = [final] }, new Dictionary<SnapshotKey, SnapshotValue>(), Now);

        var (result, _) = ReportSnapshotMerger.Merge(Request(new DateOnly(2026, 4, 1)) with { Outreach = [final with { Contacted = 33, BookedAfterOutreach = 11 }] }, first, Now);

        Assert.Equal((30, 9), (result.Outreach[0].Contacted, result.Outreach[0].BookedAfterOutreach));
    }

    private static ReportSnapshotRequest Request(DateOnly asOf, params TrendMonth[] months) =>
        new("ALL", asOf, months, [.. months.Select(month => new CohortRow(month.Month, month.AcuteCompletions, month.Conversions))], [], Restate: false);

    private static TrendMonth Month(CalendarMonth month, int completions, bool provisional, int? dropped = 17) =>
        MonthlyReportBuilder.TrendFor(month, month.LastDay.AddDays(200)) with
        {
            AcuteCompletions = completions,
            Provisional = provisional,
            DroppedAfterAcute = dropped,
            MaintenanceLapsed = dropped is null ? null : 9,
        };

    private static Dictionary<SnapshotKey, SnapshotValue> Apply(IReadOnlyDictionary<SnapshotKey, SnapshotValue> stored, IReadOnlyDictionary<SnapshotKey, SnapshotValue> writes)
    {
        var merged = new Dictionary<SnapshotKey, SnapshotValue>(stored);
        foreach (var (key, value) in writes)
        {
            merged[key] = value;
        }

        return merged;
    }
}
