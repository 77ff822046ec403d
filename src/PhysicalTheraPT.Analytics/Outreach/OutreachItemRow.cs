using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// A row of <c>outreach_items</c> as Dapper reads and writes it: names as stored, dates as
/// <see cref="DateOnly"/> (settable properties, so SQLite's text dates map too).
/// </summary>
internal sealed class OutreachItemRow
{
    public string ItemId { get; init; } = "";

    public string ClinicId { get; init; } = "";

    public string PatientId { get; init; } = "";

    public string Flag { get; init; } = "";

    public string Reason { get; init; } = "";

    public int Priority { get; init; }

    public DateOnly FirstListed { get; init; }

    public string Status { get; init; } = "";

    public string? CloseReason { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public int Attempts { get; init; }

    public string? LastOutcome { get; init; }

    public DateOnly? LastContactOn { get; init; }

    public static OutreachItemRow From(OutreachItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new OutreachItemRow
        {
            ItemId = item.ItemId,
            ClinicId = item.ClinicId,
            PatientId = item.PatientId,
            Flag = item.Flag.ToContractName(),
            Reason = item.Reason,
            Priority = item.Priority,
            FirstListed = item.FirstListed,
            Status = item.IsOpen ? "open" : "closed",
            CloseReason = item.CloseReason?.ToContractName(),
            ClosedOn = item.ClosedOn,
            Attempts = item.Attempts,
            LastOutcome = item.LastOutcome?.ToContractName(),
            LastContactOn = item.LastContactOn,
        };
    }

    public OutreachItem ToItem() => new()
    {
        ItemId = ItemId,
        ClinicId = ClinicId,
        PatientId = PatientId,
        Flag = PatientFlagKindNames.FromContractName(Flag),
        Reason = Reason,
        Priority = Priority,
        FirstListed = FirstListed,
        CloseReason = OutreachCloseReasonNames.Parse(CloseReason),
        ClosedOn = ClosedOn,
        Attempts = Attempts,
        LastOutcome = LastOutcome is null ? null : OutreachOutcomeNames.TryParse(LastOutcome, out var outcome) ? outcome : throw new InvalidOperationException($"outreach_items.last_outcome '{LastOutcome}' of item {ItemId} is not an outcome."),
        LastContactOn = LastContactOn,
    };
}
