namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>Why an outreach item closed. A closed item stays as history and starts a quiet period for the patient.</summary>
public enum OutreachCloseReason
{
    /// <summary>Front desk recorded <c>booked</c>, or a maintenance appointment arrived with the clinic data.</summary>
    Booked,

    /// <summary>The patient started a new acute episode (back in treatment, not a maintenance candidate now).</summary>
    NewEpisode,

    /// <summary>The patient is no longer flagged (for example a maintenance visit the EMR recorded).</summary>
    NoLongerFlagged,

    /// <summary>Outreach:MaxAttempts tries without reaching the patient.</summary>
    Unreachable,

    /// <summary>The phone number or email was wrong: a data-quality note for the clinic.</summary>
    WrongNumber,

    /// <summary>The patient said no for now: not listed for Outreach:DeclineSuppressDays.</summary>
    Declined,

    /// <summary>The patient asked never to be contacted again.</summary>
    DoNotContact,
}

/// <summary>The names close reasons are stored and shown under: <c>booked</c>, <c>no_longer_flagged</c>, ...</summary>
internal static class OutreachCloseReasonNames
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
