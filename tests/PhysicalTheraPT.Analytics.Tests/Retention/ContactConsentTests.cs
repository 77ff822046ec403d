using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.PatientHistoryBuilder;
using static PhysicalTheraPT.Analytics.Tests.Retention.RetentionTestData;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>
/// What the clinic's system says about reaching a patient: a recorded death and consent per channel. A
/// patient who may not be contacted is never flagged; a list offers only the channels allowed.
/// </summary>
public sealed class ContactConsentTests
{
    private static PatientHistoryBuilder DroppedPatient() =>
        new PatientHistoryBuilder()
            .Episode("e1", Day(70), Day(30), "goals_met")
            .AcuteVisits("e1", Day(65), Day(50), Day(32));

    private static PatientHistoryBuilder LapsedPatient() => new PatientHistoryBuilder().Maintenance(Day(60));

    [Fact]
    public void Evaluate_NeverFlags_WhenThePatientDied()
    {
        Assert.NotNull(FlagOf(DroppedPatient()));
        Assert.Null(FlagOf(DroppedPatient().DiedOn(Day(10))));
        Assert.Null(FlagOf(LapsedPatient().DiedOn(Day(10))));
    }

    [Fact]
    public void Evaluate_NeverFlags_WhenTheRecordedDeathIsAfterTheAsOfDate()
    {
        // A list is for calls made now, whatever date the flags are judged as of.
        Assert.Null(FlagOf(DroppedPatient().DiedOn(Day(-5))));
    }

    [Fact]
    public void Evaluate_NeverFlags_WhenThePatientAllowsNoChannel()
    {
        Assert.Null(FlagOf(DroppedPatient().Allows(phone: false, sms: false, email: false)));
        Assert.Null(FlagOf(LapsedPatient().Allows(phone: false, sms: false, email: false)));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Evaluate_StillFlags_WhenOneChannelIsAllowed(bool phone, bool sms, bool email)
    {
        Assert.Equal(PatientFlagKind.DroppedAfterAcute, FlagOf(DroppedPatient().Allows(phone, sms, email))?.Kind);
    }

    [Fact]
    public void Evaluate_NotesThePatientOnce_WhenAppointmentsWereKeptOrBookedAfterTheDeath()
    {
        var patient = new PatientHistoryBuilder()
            .Maintenance(Day(90))
            .Maintenance(Day(60))
            .Maintenance(Day(30), AppointmentStatus.Cancelled)
            .Maintenance(Day(20))
            .Maintenance(Day(-10), AppointmentStatus.Booked)
            .DiedOn(Day(50));

        var evaluation = Evaluate(patient.Build());

        Assert.Equal(new DataQualityNote(DataQualityIssue.AppointmentAfterDeath, "c1", "p1"), Assert.Single(evaluation.DataQualityNotes));
        Assert.Null(evaluation.Flag);
    }

    [Fact]
    public void Evaluate_NotesNothing_WhenOnlyCancelledAppointmentsFollowTheDeath()
    {
        var patient = new PatientHistoryBuilder()
            .Maintenance(Day(90))
            .Maintenance(Day(30), AppointmentStatus.Cancelled)
            .Maintenance(Day(20), AppointmentStatus.NoShow)
            .DiedOn(Day(50));

        Assert.Empty(Evaluate(patient.Build()).DataQualityNotes);
    }

    [Fact]
    public void MetricsOf_CountsPatientsWithAppointmentsAfterDeath_OnTheDataQualityList()
    {
        var month = new CalendarMonth(2025, 9);
        var died = new PatientHistoryBuilder().Maintenance(Day(40)).Maintenance(Day(35)).DiedOn(Day(45));
        var diedToo = new PatientHistoryBuilder().Patient("p2").Maintenance(Day(40)).DiedOn(Day(45));
        var alive = new PatientHistoryBuilder().Patient("p3").Maintenance(Day(40));

        var metrics = MetricsOf(month, AsOf, died, diedToo, alive);

        var summary = Assert.Single(metrics.All.DataQuality, issue => issue.Issue == DataQualityIssue.AppointmentAfterDeath);
        Assert.Equal(2, summary.Count);
        Assert.Equal(["p1", "p2"], summary.Examples.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true, true, true, "sms", "sms")]
    [InlineData(true, true, true, null, null)]
    [InlineData(false, true, true, "phone", "sms")]
    [InlineData(true, false, true, "sms", "phone")]
    [InlineData(true, true, false, "email", "phone")]
    [InlineData(false, true, true, null, "sms")]
    [InlineData(false, false, true, "phone", "email")]
    public void ChannelToOffer_FallsBackToAnAllowedChannel_WhenThePreferredOneIsWithheld(bool phone, bool sms, bool email, string? preferred, string? offered)
    {
        var consent = new ContactConsent(false, null, phone, sms, email);

        Assert.Equal(offered, consent.ChannelToOffer(preferred, "555-0100", "ann@example.com"));
    }

    [Fact]
    public void ChannelToOffer_PrefersAnAllowedChannelWithItsNumberOrAddress()
    {
        var consent = new ContactConsent(false, null, allowPhone: true, allowSms: false, allowEmail: true);

        Assert.Equal("email", consent.ChannelToOffer("sms", phone: null, "ann@example.com"));
    }

    [Fact]
    public void PhoneAndEmailToOffer_AreBlank_OnlyWhenTheirChannelsAreWithheld()
    {
        var textsOnly = new ContactConsent(false, null, allowPhone: false, allowSms: true, allowEmail: false);
        var emailOnly = new ContactConsent(false, null, allowPhone: false, allowSms: false, allowEmail: true);

        Assert.Equal(("555-0100", null), (textsOnly.PhoneToOffer("555-0100"), textsOnly.EmailToOffer("ann@example.com")));
        Assert.Equal((null, "ann@example.com"), (emailOnly.PhoneToOffer("555-0100"), emailOnly.EmailToOffer("ann@example.com")));
    }
}
