namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>The names close reasons are stored and shown under: <c>booked</c>, <c>no_longer_flagged</c>, ...</summary>
public static class OutreachCloseReasonNames
{
    public static string ToContractName(this OutreachCloseReason reason) => reason switch
    {
        OutreachCloseReason.Booked => "booked",
        OutreachCloseReason.NewEpisode => "new_episode",
        OutreachCloseReason.NoLongerFlagged => "no_longer_flagged",
        OutreachCloseReason.Unreachable => "unreachable",
        OutreachCloseReason.WrongNumber => "wrong_number",
        OutreachCloseReason.Declined => "declined",
        OutreachCloseReason.DoNotContact => "do_not_contact",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown close reason."),
    };

    /// <summary>The reason stored under <paramref name="name"/>; null for null (an open item).</summary>
    public static OutreachCloseReason? Parse(string? name) =>
        name is null
            ? null
            : Enum.GetValues<OutreachCloseReason>().Single(reason => string.Equals(reason.ToContractName(), name, StringComparison.Ordinal));
}
