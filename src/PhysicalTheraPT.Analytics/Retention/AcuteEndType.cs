namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>How an acute episode ended. <see cref="AcuteEndTypeNames"/> gives the data-contract names.</summary>
internal enum AcuteEndType : byte
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

/// <summary>Data-contract names and front-desk words for <see cref="AcuteEndType"/>.</summary>
internal static class AcuteEndTypeNames
{
    /// <summary>Every end type, in the order of the enum and of the metrics file's columns (a contract: kept as it is).</summary>
    public static IReadOnlyList<AcuteEndType> All { get; } =
        [AcuteEndType.GoalsMet, AcuteEndType.SelfDischarged, AcuteEndType.ReferredOut, AcuteEndType.Other, AcuteEndType.Unrecorded];

    /// <summary>
    /// The order the workbooks list and stack end types in: from a planned ending to no record at all. The
    /// one other order there is, and defined here beside <see cref="All"/> so the two cannot drift apart.
    /// </summary>
    public static IReadOnlyList<AcuteEndType> DisplayOrder { get; } =
        [AcuteEndType.GoalsMet, AcuteEndType.ReferredOut, AcuteEndType.SelfDischarged, AcuteEndType.Other, AcuteEndType.Unrecorded];

    /// <summary><c>goals_met</c>, <c>self_discharged</c>, <c>referred_out</c>, <c>other</c>, <c>unrecorded</c>.</summary>
    public static string ToContractName(this AcuteEndType endType) => endType switch
    {
        AcuteEndType.GoalsMet => "goals_met",
        AcuteEndType.SelfDischarged => "self_discharged",
        AcuteEndType.ReferredOut => "referred_out",
        AcuteEndType.Other => "other",
        AcuteEndType.Unrecorded => "unrecorded",
        _ => throw new ArgumentOutOfRangeException(nameof(endType), endType, null),
    };

    /// <summary>The end type a contract name stands for; throws on any other text (stored data is the service's own).</summary>
    public static AcuteEndType FromContractName(string name)
    {
        foreach (var endType in All)
        {
            if (endType.ToContractName() == name)
            {
                return endType;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "Not an end type's contract name.");
    }

    /// <summary>Plain words for a reason a front-desk person reads: "goals met", "referred out".</summary>
    public static string ToPlainWords(this AcuteEndType endType) => endType switch
    {
        AcuteEndType.GoalsMet => "goals met",
        AcuteEndType.SelfDischarged => "self-discharged",
        AcuteEndType.ReferredOut => "referred out",
        AcuteEndType.Other => "other reason",
        AcuteEndType.Unrecorded => "no discharge recorded",
        _ => throw new ArgumentOutOfRangeException(nameof(endType), endType, null),
    };

    /// <summary>
    /// The end type a recorded discharge reason stands for: blank is <see cref="AcuteEndType.Other"/>;
    /// false with <see cref="AcuteEndType.Other"/> when the text is not a known reason.
    /// </summary>
    public static bool TryFromDischargeReason(string? reason, out AcuteEndType endType)
    {
        switch (reason)
        {
            case "goals_met":
                endType = AcuteEndType.GoalsMet;
                return true;
            case "self_discharged":
                endType = AcuteEndType.SelfDischarged;
                return true;
            case "referred_out":
                endType = AcuteEndType.ReferredOut;
                return true;
            case "other":
                endType = AcuteEndType.Other;
                return true;
            default:
                endType = AcuteEndType.Other;
                return string.IsNullOrWhiteSpace(reason);
        }
    }
}
