using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class OutreachReportBuilderTests
{
    private static readonly CalendarMonth March = new(2026, 3);
    private static readonly DateOnly AsOf = new(2026, 5, 1);
    private static readonly (string Id, string Name)[] Clinics = [("C01", "Eastside"), ("C02", "Uptown")];

    [Theory]
    [InlineData(13, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 0)]
    public void Build_CountsABookingAsAfterOutreach_OnlyWithinAttributionDaysOfTheContact(int daysAfterContact, int booked)
    {
        var called = new DateOnly(2026, 3, 2);
        var activity = Activity([Contact("P1", OutreachOutcome.LeftMessage, called)], [new MaintenanceBooking("P1", called.AddDays(daysAfterContact))]);

        var report = Build(activity);

        Assert.Equal(booked, report.Months[^1].BookedAfterOutreach);
        Assert.Equal(booked, report.ByClinic[0].BookedAfterOutreach);
    }

    [Fact]
    public void Build_CountsNoBooking_BeforeTheContactOrAfterAWrongNumber()
    {
        var called = new DateOnly(2026, 3, 10);
        var activity = Activity(
            [Contact("P1", OutreachOutcome.NotReached, called), Contact("P2", OutreachOutcome.WrongNumber, called)],
            [new MaintenanceBooking("P1", called.AddDays(-1)), new MaintenanceBooking("P2", called.AddDays(1))]);

        var month = Build(activity).Months[^1];

        Assert.Equal((2, 0, 0, 1), (month.Contacted, month.Reached, month.BookedAfterOutreach, month.WrongNumbers));
        Assert.Equal(0.0, month.Conversion);
    }

    [Fact]
    public void Build_CountsEachPatientOnce_AndReachedOnlyWhenSpokenTo()
    {
        var activity = Activity(
            [
                Contact("P1", OutreachOutcome.NotReached, new(2026, 3, 2)),
                Contact("P1", OutreachOutcome.Booked, new(2026, 3, 9)),
                Contact("P2", OutreachOutcome.Declined, new(2026, 3, 9)),
                Contact("P3", OutreachOutcome.LeftMessage, new(2026, 3, 9)),
                Contact("P4", OutreachOutcome.DoNotContact, new(2026, 3, 9)),
            ],
            [new MaintenanceBooking("P1", new(2026, 3, 9)), new MaintenanceBooking("P1", new(2026, 3, 12))]);

        var month = Build(activity).Months[^1];

        Assert.Equal((4, 3, 1), (month.Contacted, month.Reached, month.BookedAfterOutreach));
        Assert.Equal(0.25, month.Conversion);
    }

    [Fact]
    public void Build_CreditsTheBookingToWhoeverMadeTheLastCallBeforeIt()
    {
        var activity = Activity(
            [
                Contact("P1", OutreachOutcome.NotReached, new(2026, 3, 2), staff: "AB"),
                Contact("P1", OutreachOutcome.LeftMessage, new(2026, 3, 9), staff: "JD"),
                Contact("P2", OutreachOutcome.LeftMessage, new(2026, 3, 9), staff: "AB"),
            ],
            [new MaintenanceBooking("P1", new(2026, 3, 11))]);

        var staff = Build(activity).ByStaff.ToDictionary(line => line.Name);

        Assert.Equal((1, 2), (staff["JD"].BookedAfterOutreach, staff["AB"].Contacted));
        Assert.Equal(0, staff["AB"].BookedAfterOutreach);
        Assert.Equal("Eastside", staff["JD"].Detail);
        Assert.Null(staff["JD"].Listed);
    }

    [Fact]
    public void Build_CountsListingsAndMedianDaysToFirstContact_ByTheMonthTheyHappened()
    {
        var activity = new OutreachActivity(
            [
                new OutreachListing("i1", "C01", "P1", new(2026, 2, 23), new(2026, 3, 2)),
                new OutreachListing("i2", "C01", "P2", new(2026, 3, 2), new(2026, 3, 6)),
                new OutreachListing("i3", "C02", "Q1", new(2026, 3, 2), null),
                new OutreachListing("i4", "C01", "P3", new(2026, 3, 30), new(2026, 4, 2)),
            ],
            [],
            []);

        var report = Build(activity);

        var march = report.Months.Single(month => month.Month == March);
        Assert.Equal((3, 5.5), (march.Listed, march.MedianDaysToFirstContact!.Value));
        Assert.Equal(1, report.Months.Single(month => month.Month == March.AddMonths(-1)).Listed);
        Assert.Equal([(2, 5.5), (1, (double?)null)], report.ByClinic.Select(line => (line.Listed!.Value, line.MedianDaysToFirstContact)));
    }

    [Fact]
    public void Build_MarksTheMonthProvisional_WhileAContactsWindowCanStillEndAfterTheAsOfDate()
    {
        var activity = Activity([Contact("P1", OutreachOutcome.LeftMessage, new(2026, 3, 31))], []);

        var early = OutreachReportBuilder.Build(activity, [March], new DateOnly(2026, 4, 14), new OutreachOptions(), Clinics);
        var late = OutreachReportBuilder.Build(activity, [March], new DateOnly(2026, 4, 15), new OutreachOptions(), Clinics);

        Assert.True(early.Months[0].Provisional);
        Assert.False(late.Months[0].Provisional);
    }

    [Fact]
    public void Build_IgnoresWhatHappenedOnOrAfterTheAsOfDate()
    {
        var activity = Activity([Contact("P1", OutreachOutcome.LeftMessage, new(2026, 4, 30))], [new MaintenanceBooking("P1", AsOf)]);

        var april = Build(activity, [March, March.AddMonths(1)]).Months[^1];

        Assert.Equal((1, 0), (april.Contacted, april.BookedAfterOutreach));
        Assert.Equal(["P1"], Build(Activity([Contact("P1", OutreachOutcome.WrongNumber, new(2026, 3, 3))], [])).WrongNumberPatientIds);
    }

    private static OutreachReport Build(OutreachActivity activity, CalendarMonth[]? months = null) =>
        OutreachReportBuilder.Build(activity, months ?? [March.AddMonths(-1), March], AsOf, new OutreachOptions(), Clinics);

    private static OutreachActivity Activity(OutreachContact[] contacts, MaintenanceBooking[] bookings) => new([], contacts, bookings);

    private static OutreachContact Contact(string patientId, OutreachOutcome outcome, DateOnly on, string staff = "JD") =>
        new("item-" + patientId, patientId.StartsWith('Q') ? "C02" : "C01", patientId, outcome, on, staff);
}
