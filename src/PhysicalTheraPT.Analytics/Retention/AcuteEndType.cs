namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>How an acute episode ended. <see cref="AcuteEndTypeNames"/> gives the data-contract names.</summary>
public enum AcuteEndType : byte
{
    /// <summary><c>goals_met</c>: discharged with the treatment goals reached.</summary>
    GoalsMet,

    /// <summary><c>self_discharged</c>: recorded so, or a recorded episode whose visits simply stopped.</summary>
    SelfDischarged,

    /// <summary><c>referred_out</c>: discharged to another provider.</summary>
    ReferredOut,

    /// <summary><c>other</c>: discharged with another or a blank reason.</summary>
    Other,

    /// <summary><c>unrecorded</c>: an implicit episode (visits without a recorded episode) that stopped.</summary>
    Unrecorded,
}
