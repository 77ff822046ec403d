namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>A flagged patient held off the list: why, and the first day they may be listed again (null: never).</summary>
internal sealed record OutreachHold(OutreachHoldReason Reason, DateOnly? Until);

/// <summary>Why a flagged patient is left off the outreach list for now (or for good).</summary>
internal enum OutreachHoldReason
{
    /// <summary>The patient asked never to be contacted again.</summary>
    DoNotContact,

    /// <summary>The patient declined less than Outreach:DeclineSuppressDays ago.</summary>
    Declined,

    /// <summary>The patient's last item closed less than Outreach:CooldownDays ago.</summary>
    Cooldown,

    /// <summary>Front desk tried less than Outreach:RetryAfterDays ago (not reached, or a message left).</summary>
    AwaitingRetry,
}
