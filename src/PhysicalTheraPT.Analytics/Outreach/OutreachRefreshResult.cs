namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// What a refresh of one clinic's queue did, and whom to list as of its date. Patient ids only: fit for
/// a log line or a job record.
/// </summary>
/// <param name="Closed">Items closed by this refresh, by reason.</param>
/// <param name="Updated">Open items whose flag, reason or priority changed.</param>
/// <param name="Held">Flagged patients left off the list, by patient id, with why and until when.</param>
/// <param name="Due">Flagged patients to list as of <paramref name="AsOf"/> (each has an open item).</param>
internal sealed record OutreachRefreshResult(
    string ClinicId,
    DateOnly AsOf,
    int Opened,
    IReadOnlyDictionary<OutreachCloseReason, int> Closed,
    int Updated,
    IReadOnlyDictionary<string, OutreachHold> Held,
    IReadOnlyList<string> Due)
{
    public int ClosedCount => Closed.Values.Sum();

    /// <summary>One line for a person or a log: counts only.</summary>
    public string Summary =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ClinicId} as of {AsOf:yyyy-MM-dd}: {Due.Count} to list, {Opened} new, {ClosedCount} closed")
        + (Closed.Count == 0 ? "" : " (" + string.Join(", ", Closed.OrderBy(pair => pair.Key).Select(pair => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pair.Value} {pair.Key.ToContractName()}"))) + ")")
        + string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {Held.Count} held back.");
}

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
