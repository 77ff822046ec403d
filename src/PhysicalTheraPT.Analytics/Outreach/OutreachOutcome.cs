using System.Diagnostics.CodeAnalysis;

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

/// <summary>The outcome names front desk picks from the list's dropdown, and back again on import.</summary>
internal static class OutreachOutcomeNames
{
    /// <summary>The dropdown's entries, in the order front desk sees them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<OutreachOutcome>().Select(ToContractName)];

    public static string ToContractName(this OutreachOutcome outcome) => outcome switch
    {
        OutreachOutcome.NotReached => "not_reached",
        OutreachOutcome.LeftMessage => "left_message",
        OutreachOutcome.Booked => "booked",
        OutreachOutcome.Declined => "declined",
        OutreachOutcome.DoNotContact => "do_not_contact",
        OutreachOutcome.WrongNumber => "wrong_number",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>Exact names only (after trimming): an outcome is a choice from the list, not free text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OutreachOutcome? outcome)
    {
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<OutreachOutcome>())
        {
            if (string.Equals(candidate.ToContractName(), trimmed, StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = null;
        return false;
    }
}
