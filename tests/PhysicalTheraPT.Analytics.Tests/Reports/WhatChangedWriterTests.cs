using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class WhatChangedWriterTests
{
    private static readonly CalendarMonth March = new(2026, 3);

    private readonly WhatChangedWriter writer = new(new ReportsOptions());

    [Fact]
    public void Write_SaysWhichWayARateMovedAndWhere_WhenItMovedFivePointsOrMoreBeyondChance()
    {
        var change = new MetricChange("Conversion within 28 days", ValueUnit.Rate, new(2026, 1), 0.41, new(2026, 2), 0.33, "Eastside", ChangeP: 0.012);

        var sentences = writer.Write(March, [change]);

        Assert.Equal(["Conversion within 28 days fell from 41% to 33% at Eastside (patients who finished acute care in Feb 26 compared with Jan 26)."], sentences);
    }

    [Fact]
    public void Write_SaysNoClearChange_WhenARateMovedWithinNormalVariation()
    {
        // The example: 19% to 32% on 120 patients each is p = 0.039; on 60 each it is not clear.
        var p = Proportions.TwoProportionP(11, 60, 19, 60);
        var change = new MetricChange("Conversion within 28 days", ValueUnit.Rate, new(2026, 1), 11 / 60.0, new(2026, 2), 19 / 60.0, null, p);

        var sentences = writer.Write(March, [change]);

        Assert.Equal(["Conversion within 28 days: no clear change (within normal variation), 18% then 32% (patients who finished acute care in Jan 26 and Feb 26; p = 0.09)."], sentences);
    }

    [Fact]
    public void Write_CallsTheSameMoveAFall_OnlyWhenPIsBelowTheSetting()
    {
        var change = new MetricChange("Conversion within 28 days", ValueUnit.Rate, new(2026, 1), 0.41, new(2026, 2), 0.33, null, ChangeP: 0.03);

        var strict = new WhatChangedWriter(new ReportsOptions { ChangeSignificance = 0.01 }).Write(March, [change]);
        var usual = writer.Write(March, [change]);

        Assert.StartsWith("Conversion within 28 days: no clear change (within normal variation)", strict[0]);
        Assert.StartsWith("Conversion within 28 days fell from 41% to 33%", usual[0]);
    }

    [Fact]
    public void Write_LeavesOutSmallChanges_AndSaysNothingMoved_WhenAllAreSmall()
    {
        MetricChange[] changes =
        [
            new("Conversion within 28 days", ValueUnit.Rate, new(2026, 1), 0.41, new(2026, 2), 0.37, null),
            new("Acute completions", ValueUnit.Count, new(2026, 2), 100, new(2026, 3), 109, null),
            new("Acute completions", ValueUnit.Count, new(2026, 2), 10, new(2026, 3), 12, "Eastside"),
        ];

        var sentences = writer.Write(March, changes);

        Assert.Equal(["No number moved by 5 percentage points or 10% or more since the month before."], sentences);
    }

    [Fact]
    public void Write_NamesNoMonths_WhenACountComparesTheReportMonthWithTheMonthBefore()
    {
        var change = new MetricChange("Active maintenance patients", ValueUnit.Count, new(2026, 2), 1200, new(2026, 3), 1350, null);

        var sentences = writer.Write(March, [change]);

        Assert.Equal(["Active maintenance patients rose from 1,200 to 1,350."], sentences);
    }

    [Fact]
    public void Write_NamesTheMonths_WhenACountComparesEarlierMonths()
    {
        var change = new MetricChange("Acute completions", ValueUnit.Count, new(2026, 1), 120, new(2026, 2), 90, null);

        var sentences = writer.Write(March, [change]);

        Assert.Equal(["Acute completions fell from 120 to 90 (Feb 26 compared with Jan 26)."], sentences);
    }

    [Fact]
    public void Write_PutsTheReportScopeFirstThenLargestChanges_UpToTheConfiguredMaximum()
    {
        var limited = new WhatChangedWriter(new ReportsOptions { MaxWhatChangedSentences = 2 });
        MetricChange[] changes =
        [
            new("Active maintenance patients", ValueUnit.Count, new(2026, 2), 100, new(2026, 3), 200, "Northside"),
            new("Active maintenance patients", ValueUnit.Count, new(2026, 2), 100, new(2026, 3), 150, "Eastside"),
            new("Active maintenance patients", ValueUnit.Count, new(2026, 2), 300, new(2026, 3), 340, null),
        ];

        var sentences = limited.Write(March, changes);

        Assert.Equal(
            ["Active maintenance patients rose from 300 to 340.", "Active maintenance patients rose from 100 to 200 at Northside."],
            sentences);
    }

    [Fact]
    public void Write_TellsARiseFromZero_WhenItReachesTheMinimumCount()
    {
        var change = new MetricChange("Patients dropped after acute care", ValueUnit.Count, new(2026, 2), 0, new(2026, 3), 4, "Downtown");

        var sentences = writer.Write(March, [change]);

        Assert.Equal(["Patients dropped after acute care rose from 0 to 4 at Downtown."], sentences);
    }
}
