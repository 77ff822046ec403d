namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>What happened when front desk contacted a patient on an outreach list.</summary>
public enum OutreachOutcome
{
    /// <summary>No answer and no message left.</summary>
    NotReached,

    /// <summary>A voicemail, text or email was left.</summary>
    LeftMessage,

    /// <summary>The patient booked maintenance.</summary>
    Booked,

    /// <summary>The patient does not want maintenance now.</summary>
    Declined,

    /// <summary>The patient asks never to be contacted again.</summary>
    DoNotContact,

    /// <summary>The phone number or email is wrong.</summary>
    WrongNumber,
}
