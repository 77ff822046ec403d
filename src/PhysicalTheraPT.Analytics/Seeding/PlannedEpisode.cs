namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>An acute phase as simulated, before "today" decides whether it is recorded, open or discharged.</summary>
internal sealed record PlannedEpisode(
    int Number,
    DateOnly FirstVisit,
    AcutePhaseEnding Ending,
    DateOnly? DischargeOn,
    bool Recorded,
    SyntheticCondition Condition,
    string ReferralSource,
    int? MaintenanceIntervalDays);
