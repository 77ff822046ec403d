using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

public sealed class WorkedListValidatorTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 1);

    private static readonly ListSigningKey SigningKey = ListSigningKey.CreateNew();

    [Fact]
    public void Check_NamesOnlyTheLengthOfALongValue_WhenOutcomeDateAndInitialsAreWrong()
    {
        // Arrange: values as long as their columns let through, each with a name in it.
        var outcome = "called Jane Doe at 555-0100 " + new string('o', 36);
        var date = "Jane Doe said next week maybe " + new string('d', 34);
        var initials = "Jane Doe " + new string('i', 55);
        var notes = "Jane Doe's daughter answered " + new string('n', 1_971);
        var list = ListWith(new WorkedListRow(4, Key("P1"), outcome, null, date, initials, notes, null, null));

        // Act
        var problems = WorkedListValidator.Check(list, AsOf.AddDays(3), SigningKey).Problems;

        // Assert
        Assert.Equal(3, problems.Count);
        Assert.All(problems, problem => Assert.DoesNotContain("Jane Doe", problem.Reason, StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Reason.StartsWith("unknown outcome a value of 64 characters.", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Reason.Contains("a value of 64 characters is not a date", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Reason.Contains("a value of 64 characters are not initials", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_QuotesAShortValue_WhenTheOutcomeIsMistyped()
    {
        var list = ListWith(new WorkedListRow(4, Key("P1"), "bokked", AsOf.AddDays(1), "2026-04-02", "JD", null, null, null));

        var problems = WorkedListValidator.Check(list, AsOf.AddDays(3), SigningKey).Problems;

        Assert.StartsWith("unknown outcome 'bokked'.", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }

    private static string Key(string patientId) =>
        OutreachRowKey.Create("C01", patientId, "dropped_after_acute", AsOf).SignedWith(SigningKey);

    private static WorkedList ListWith(params WorkedListRow[] rows) =>
        new("outreach-C01-2026-04-01.xlsx", "C01", AsOf, null, OutreachListLayout.ListSheet, rows);
}
