namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// The not-nagging rules, free of I/O: who may be listed as of a date, and what a recorded outcome does
/// to an item. docs/outreach.md states them for front desk; the tests pin every boundary day.
/// </summary>
internal sealed class OutreachRules(OutreachOptions options)
{
    public OutreachOptions Options { get; } = options;

    /// <summary>
    /// Why the patient must not be listed as of <paramref name="asOf"/>, or null when they may be. In
    /// order: do-not-contact (for good), a recent decline, a recent try on the open item, a recently
    /// closed item. A hold ends on its <see cref="OutreachHold.Until"/> day: a patient who declined on
    /// 1 March with 180 days is listed again from 28 August.
    /// </summary>
    public OutreachHold? HoldFor(OutreachPatientState state, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.DoNotContact)
        {
            return new OutreachHold(OutreachHoldReason.DoNotContact, null);
        }

        if (state.LastDeclinedOn is { } declinedOn && asOf < declinedOn.AddDays(Options.DeclineSuppressDays))
        {
            return new OutreachHold(OutreachHoldReason.Declined, declinedOn.AddDays(Options.DeclineSuppressDays));
        }

        if (state.OpenItem is { } open)
        {
            return open.Attempts > 0 && open.LastContactOn is { } tried && asOf < tried.AddDays(Options.RetryAfterDays)
                ? new OutreachHold(OutreachHoldReason.AwaitingRetry, tried.AddDays(Options.RetryAfterDays))
                : null;
        }

        // A decline and a do-not-contact have their own rules above; every other close starts the cooldown.
        if (state.LastClosedItem is { ClosedOn: { } closedOn, CloseReason: not (OutreachCloseReason.Declined or OutreachCloseReason.DoNotContact) }
            && asOf < closedOn.AddDays(Options.CooldownDays))
        {
            return new OutreachHold(OutreachHoldReason.Cooldown, closedOn.AddDays(Options.CooldownDays));
        }

        return null;
    }

    /// <summary>
    /// The item after front desk recorded <paramref name="outcome"/> on <paramref name="on"/>. Tries
    /// (<c>not_reached</c>, <c>left_message</c>) count as attempts; the one that reaches
    /// Outreach:MaxAttempts closes the item as unreachable. <c>booked</c>, <c>declined</c>,
    /// <c>do_not_contact</c> and <c>wrong_number</c> close it. An item already closed only records the
    /// outcome as history: it never reopens.
    /// </summary>
    public OutreachItem Apply(OutreachItem item, OutreachOutcome outcome, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(item);
        var attempts = item.Attempts + (IsAttempt(outcome) ? 1 : 0);

        // Lists worked out of order can bring an older outcome after a newer one: the latest by date stays "last".
        var isLatest = item.LastContactOn is not { } previous || on >= previous;
        var updated = item with
        {
            Attempts = attempts,
            LastOutcome = isLatest ? outcome : item.LastOutcome,
            LastContactOn = isLatest ? on : item.LastContactOn,
        };
        if (!item.IsOpen)
        {
            return updated;
        }

        OutreachCloseReason? closes = outcome switch
        {
            OutreachOutcome.Booked => OutreachCloseReason.Booked,
            OutreachOutcome.Declined => OutreachCloseReason.Declined,
            OutreachOutcome.DoNotContact => OutreachCloseReason.DoNotContact,
            OutreachOutcome.WrongNumber => OutreachCloseReason.WrongNumber,
            _ when attempts >= Options.MaxAttempts => OutreachCloseReason.Unreachable,
            _ => null,
        };
        return closes is null ? updated : updated with { CloseReason = closes, ClosedOn = on };
    }

    /// <summary>A try that did not reach the patient: it counts towards Outreach:MaxAttempts.</summary>
    public static bool IsAttempt(OutreachOutcome outcome) => outcome is OutreachOutcome.NotReached or OutreachOutcome.LeftMessage;
}
