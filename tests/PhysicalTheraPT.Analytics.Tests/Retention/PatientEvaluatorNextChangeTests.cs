using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.PatientHistoryBuilder;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>The date a patient's flag can next turn with their history unchanged (what lets a night skip them).</summary>
public sealed class PatientEvaluatorNextChangeTests
{
    private static readonly RetentionOptions Options = new();

    [Fact]
    public void NextChange_IsTheEndOfTheGracePeriod_WhenDischargedRecently()
    {
        var history = new PatientHistoryBuilder().Episode("e1", Day(40), Day(5), "goals_met").AcuteVisits("e1", Day(35), Day(6)).Build();
        var evaluator = new PatientEvaluator(Options);

        var next = evaluator.NextChange(history, AsOf, evaluator.Evaluate(history, AsOf).Flagged);

        // Discharged 5 days ago: flagged from the 14th day after the discharge.
        Assert.Equal(Day(5).AddDays(Options.GraceDays), next);
    }

    [Fact]
    public void NextChange_IsTheDayAfterTheBooking_WhenABookingHoldsTheFlagBack()
    {
        var history = new PatientHistoryBuilder().Episode("e1", Day(100), Day(60), "goals_met").AcuteVisits("e1", Day(90), Day(61))
            .Acute(Day(-10), status: AppointmentStatus.Booked).Build();
        var evaluator = new PatientEvaluator(Options);

        var next = evaluator.NextChange(history, AsOf, evaluator.Evaluate(history, AsOf).Flagged);

        // Booked 10 days ahead: were it not kept, the patient is flagged again the day after.
        Assert.Equal(Day(-11), next);
    }

    [Fact]
    public void NextChange_IsTheEndOfTheLookback_WhenFlaggedAndNothingElseTurns()
    {
        var history = new PatientHistoryBuilder().Episode("e1", Day(100), Day(60), "goals_met").AcuteVisits("e1", Day(90), Day(61)).Build();
        var evaluator = new PatientEvaluator(Options);
        var flagged = evaluator.Evaluate(history, AsOf).Flagged;
        Assert.NotNull(flagged);

        var next = evaluator.NextChange(history, AsOf, flagged);

        // The flag is carried forward (days since and recency move) until it falls out of the lookback.
        Assert.Equal(Day(60).AddDays(Options.LookbackDays + 1), next);
        var later = Day(-30);
        Assert.Equal(evaluator.Evaluate(history, later).Flagged, evaluator.Carry(flagged.Value, later));
    }

    [Fact]
    public void NextChange_IsNone_WhenTheHistoryIsOlderThanTheLookback()
    {
        var history = new PatientHistoryBuilder().Episode("e1", Day(500), Day(400), "goals_met").AcuteVisits("e1", Day(450), Day(401)).Build();
        var evaluator = new PatientEvaluator(Options);

        Assert.Null(evaluator.NextChange(history, AsOf, evaluator.Evaluate(history, AsOf).Flagged));
    }
}
