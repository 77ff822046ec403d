using System.Globalization;
using PhysicalTheraPT.Analytics.Sources.OpenEmr;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

public sealed class OpenEmrRecurrenceTests
{
    private static readonly DateOnly FarHorizon = new(2030, 1, 1);

    [Fact]
    public void Occurrences_LeavesOutTheExdate_WhenAWeeklySeriesHadOneVisitDeleted()
    {
        var recurrence = Parse(1, RecurrenceSpecText.Every(1, 1, "20260119"));

        var dates = recurrence.Occurrences(Date("2026-01-05"), Date("2026-02-02"), FarHorizon);

        Assert.Equal(Dates("2026-01-05", "2026-01-12", "2026-01-26", "2026-02-02"), dates);
    }

    [Fact]
    public void Occurrences_StepsTwoWeeks_WhenTheSeriesIsEveryOtherWeek()
    {
        var dates = Parse(1, RecurrenceSpecText.Every(2, 1)).Occurrences(Date("2026-01-05"), Date("2026-02-16"), FarHorizon);

        Assert.Equal(Dates("2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16"), dates);
    }

    [Fact]
    public void Occurrences_StepsDays_WhenTheSeriesIsEveryThirdDay()
    {
        var dates = Parse(1, RecurrenceSpecText.Every(3, 0)).Occurrences(Date("2026-01-30"), Date("2026-02-06"), FarHorizon);

        Assert.Equal(Dates("2026-01-30", "2026-02-02", "2026-02-05"), dates);
    }

    [Fact]
    public void Occurrences_RollsOverLikeOpenEmr_WhenAMonthlySeriesStartsOnThe31st()
    {
        // OpenEMR steps with PHP's mktime: 31 February is 3 March, and the series stays on the 3rd.
        var dates = Parse(1, RecurrenceSpecText.Every(1, 2)).Occurrences(Date("2026-01-31"), Date("2026-05-01"), FarHorizon);

        Assert.Equal(Dates("2026-01-31", "2026-03-03", "2026-04-03"), dates);
    }

    [Fact]
    public void Occurrences_StepsYears_WhenTheSeriesIsYearly()
    {
        var dates = Parse(1, RecurrenceSpecText.Every(1, 3)).Occurrences(Date("2026-06-15"), Date("2028-12-31"), FarHorizon);

        Assert.Equal(Dates("2026-06-15", "2027-06-15", "2028-06-15"), dates);
    }

    [Fact]
    public void Occurrences_SkipsTheWeekend_WhenTheSeriesIsEveryWorkday()
    {
        var dates = Parse(1, RecurrenceSpecText.Every(1, 4)).Occurrences(Date("2026-01-08"), Date("2026-01-13"), FarHorizon);

        Assert.Equal(Dates("2026-01-08", "2026-01-09", "2026-01-12", "2026-01-13"), dates);
    }

    [Fact]
    public void Occurrences_GivesTheSecondTuesday_WhenTheSeriesIsMonthlyOnTheSecondTuesday()
    {
        var dates = Parse(2, RecurrenceSpecText.NthWeekday(2, DayOfWeek.Tuesday)).Occurrences(Date("2026-01-13"), Date("2026-04-30"), FarHorizon);

        Assert.Equal(Dates("2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"), dates);
    }

    [Fact]
    public void Occurrences_GivesTheLastFriday_WhenTheSeriesIsEveryTwoMonthsOnTheLastFriday()
    {
        var dates = Parse(2, RecurrenceSpecText.NthWeekday(5, DayOfWeek.Friday, months: 2)).Occurrences(Date("2026-01-30"), Date("2026-06-30"), FarHorizon);

        Assert.Equal(Dates("2026-01-30", "2026-03-27", "2026-05-29"), dates);
    }

    [Fact]
    public void Occurrences_SkipsFebruaryLikeOpenEmr_WhenAnOldLastWeekdaySeriesStartsOnThe31st()
    {
        // Series saved before OpenEMR's 2016 fix (no rt2_pf_flag) step months from the start's day.
        var old = Parse(2, RecurrenceSpecText.NthWeekday(5, DayOfWeek.Saturday, firstOfMonthFlag: false));
        var fixedSeries = Parse(2, RecurrenceSpecText.NthWeekday(5, DayOfWeek.Saturday));

        Assert.Equal(Dates("2026-01-31", "2026-03-28"), old.Occurrences(Date("2026-01-31"), Date("2026-03-31"), FarHorizon));
        Assert.Equal(Dates("2026-01-31", "2026-02-28", "2026-03-28"), fixedSeries.Occurrences(Date("2026-01-31"), Date("2026-03-31"), FarHorizon));
    }

    [Fact]
    public void Occurrences_GivesEveryChosenWeekday_WhenTheSeriesRepeatsOnDaysOfTheWeek()
    {
        var dates = Parse(3, RecurrenceSpecText.Weekdays(DayOfWeek.Monday, DayOfWeek.Wednesday)).Occurrences(Date("2026-01-05"), Date("2026-01-14"), FarHorizon);

        Assert.Equal(Dates("2026-01-05", "2026-01-07", "2026-01-12", "2026-01-14"), dates);
    }

    [Fact]
    public void Occurrences_StopsAtTheHorizon_WhenTheSeriesHasNoEnd()
    {
        var dates = Parse(1, RecurrenceSpecText.Every(1, 1)).Occurrences(Date("2026-01-05"), null, Date("2026-01-26"));

        Assert.Equal(Dates("2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"), dates);
    }

    [Fact]
    public void Occurrences_StopsAtTheHorizon_WhenTheEndIsFurther()
    {
        var dates = Parse(1, RecurrenceSpecText.Every(1, 0)).Occurrences(Date("2026-01-05"), Date("2036-01-05"), Date("2026-01-07"));

        Assert.Equal(Dates("2026-01-05", "2026-01-06", "2026-01-07"), dates);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:1:{s:6:\"exdate\";s:5:\"x\";}")]
    public void Parse_ThrowsNamingTheEvent_WhenTheSpecIsNotSerialized(string spec)
    {
        var exception = Assert.Throws<UserInputException>(() => OpenEmrRecurrence.Parse(4711, 1, spec));

        Assert.Contains("OpenEMR event 4711", exception.Message);
        Assert.Contains("pc_recurrspec", exception.Message);
    }

    [Theory]
    [InlineData(1, "event_repeat_freq_type", "7")]
    [InlineData(1, "event_repeat_freq", "weekly")]
    [InlineData(1, "exdate", "2026-01-19")]
    [InlineData(3, "event_repeat_freq", "2,9")]
    public void Parse_ThrowsNamingTheEventAndTheField_WhenAValueIsOutOfRange(int type, string field, string value)
    {
        var fields = new Dictionary<string, string?>
        {
            ["event_repeat_freq"] = "1", ["event_repeat_freq_type"] = "1", ["event_repeat_on_num"] = "1",
            ["event_repeat_on_day"] = "0", ["event_repeat_on_freq"] = "0", ["exdate"] = "",
        };
        fields[field] = value;

        var exception = Assert.Throws<UserInputException>(() =>
            OpenEmrRecurrence.Parse(12, type, RecurrenceSpecText.Serialize([.. fields.Select(pair => (pair.Key, pair.Value))])));

        Assert.Contains("OpenEMR event 12", exception.Message);
        Assert.Contains(field, exception.Message);
    }

    [Fact]
    public void Parse_ThrowsNamingTheEvent_WhenTheRepeatTypeIsUnknown()
    {
        var exception = Assert.Throws<UserInputException>(() => OpenEmrRecurrence.Parse(99, 4, RecurrenceSpecText.Every(1, 1)));

        Assert.Contains("OpenEMR event 99", exception.Message);
    }

    [Fact]
    public void Parse_ReturnsNull_WhenOpenEmrItselfWouldNotShowTheSeries()
    {
        // OpenEMR's checkEvent drops a series whose frequency is empty or "0"; its calendar shows none of it.
        Assert.Null(OpenEmrRecurrence.Parse(5, 1, RecurrenceSpecText.Every(0, 1)));
        Assert.Null(OpenEmrRecurrence.Parse(5, 2, RecurrenceSpecText.NthWeekday(0, DayOfWeek.Monday)));
    }

    private static OpenEmrRecurrence Parse(int type, string spec) =>
        OpenEmrRecurrence.Parse(1, type, spec) ?? throw new InvalidOperationException("Expected a series.");

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DateOnly[] Dates(params string[] texts) => [.. texts.Select(Date)];
}
