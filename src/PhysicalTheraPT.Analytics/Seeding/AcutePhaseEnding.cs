namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>How a generated acute phase ends; all but <see cref="StoppedComing"/> are recorded as a discharge reason.</summary>
internal enum AcutePhaseEnding
{
    GoalsMet,

    /// <summary>The patient just stops coming and nobody closes the episode: it stays open.</summary>
    StoppedComing,

    SelfDischarged,
    ReferredOut,
    Other,
}
