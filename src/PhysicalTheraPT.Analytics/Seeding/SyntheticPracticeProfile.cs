namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// How the synthetic clinics behave: the shares and rates the generator draws from. The defaults model a
/// typical outpatient PT and massage group and are what the tests hold the generated data to (for example
/// 10-15% cancellations and no-shows, about 3% do-not-contact, a third to a half of discharged patients
/// moving on to maintenance). Not bound from configuration on purpose: a seed must mean the same history
/// on every machine.
/// </summary>
internal sealed class SyntheticPracticeProfile
{
    public static SyntheticPracticeProfile Default { get; } = new();

    /// <summary>Patients who only ever come for maintenance massage (no acute phase first).</summary>
    public double MaintenanceOnlyShare { get; init; } = 0.05;

    /// <summary>Patients who asked not to be contacted.</summary>
    public double DoNotContactShare { get; init; } = 0.03;

    /// <summary>Patients whose death the clinic's system records (patients.csv deceased_on).</summary>
    public double DeceasedShare { get; init; } = 0.01;

    /// <summary>Patients who withhold consent to one channel or more (allow_phone, allow_sms, allow_email).</summary>
    public double WithheldChannelShare { get; init; } = 0.05;

    /// <summary>Shortest and longest planned acute phase, in weeks.</summary>
    public int AcuteWeeksMin { get; init; } = 3;

    public int AcuteWeeksMax { get; init; } = 10;

    /// <summary>Acute phases planned at three visits a week (the rest at two).</summary>
    public double ThreeVisitsPerWeekShare { get; init; } = 0.4;

    /// <summary>Acute phases that include recovery massage, and the share of their visits that are one.</summary>
    public double RecoveryMassageEpisodeShare { get; init; } = 0.45;

    public double RecoveryMassageVisitShare { get; init; } = 0.3;

    /// <summary>How acute phases end: goals met, stopped coming (episode left open), self-discharged, referred out, other.</summary>
    public double GoalsMetWeight { get; init; } = 0.48;

    public double StoppedComingWeight { get; init; } = 0.20;

    public double SelfDischargedWeight { get; init; } = 0.14;

    public double ReferredOutWeight { get; init; } = 0.10;

    public double OtherEndWeight { get; init; } = 0.08;

    /// <summary>Share of each kind of ending followed by maintenance massage.</summary>
    public double MaintenanceAfterGoalsMet { get; init; } = 0.55;

    public double MaintenanceAfterStoppedComing { get; init; } = 0.18;

    public double MaintenanceAfterSelfDischarged { get; init; } = 0.30;

    public double MaintenanceAfterReferredOut { get; init; } = 0.10;

    public double MaintenanceAfterOther { get; init; } = 0.35;

    /// <summary>Acute phases nobody recorded as an episode: their visits carry no episode id (implicit episodes).</summary>
    public double UnrecordedEpisodeShare { get; init; } = 0.08;

    /// <summary>Visits of a recorded episode whose episode id the front desk left blank.</summary>
    public double MissingEpisodeIdShare { get; init; } = 0.03;

    /// <summary>Recorded episodes with their own maintenance interval instead of the default.</summary>
    public double CustomMaintenanceIntervalShare { get; init; } = 0.12;

    /// <summary>Chance that a maintenance visit is the patient's last (maintenance lapses).</summary>
    public double MaintenanceDropOutPerVisit { get; init; } = 0.06;

    /// <summary>Chance that a maintenance patient skips one slot (a gap of two intervals).</summary>
    public double MaintenanceSkipShare { get; init; } = 0.08;

    /// <summary>Patients of a clinic with a sister clinic in the same time zone who sometimes go there for maintenance.</summary>
    public double SisterClinicShare { get; init; } = 0.04;

    /// <summary>Yearly chance of a new injury while keeping up maintenance, and without it.</summary>
    public double ReinjuryPerYearWithMaintenance { get; init; } = 0.08;

    public double ReinjuryPerYearWithoutMaintenance { get; init; } = 0.35;

    /// <summary>Average shares of cancelled and no-show appointments (each patient is more or less reliable around them).</summary>
    public double CancelledShare { get; init; } = 0.065;

    public double NoShowShare { get; init; } = 0.04;

    /// <summary>Past appointments the EMR never moved on from <c>booked</c>.</summary>
    public double StaleBookedShare { get; init; } = 0.004;

    /// <summary>Appointments that carry the moment they were booked.</summary>
    public double BookedAtShare { get; init; } = 0.9;

    /// <summary>How far ahead acute visits are booked past "today"; maintenance patients hold their next slot only.</summary>
    public int AcuteBookingHorizonDays { get; init; } = 21;
}
