using System.Data.Common;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Records one checked outcome on the caller's transaction: the one path every outcome takes, from a
/// worked Excel list (<see cref="OutreachListImporter"/>) or from the web page front desk fills in. It finds
/// the item the outcome is about, keeps the outcome, applies <see cref="OutreachRules"/> to the item (retry
/// after 7 days, three tries, a close) and marks do-not-contact for good.
/// </summary>
internal sealed class OutreachOutcomeRecorder(DbConnection connection, DbTransaction transaction, AnalyticsDatabase database, OutreachRules rules)
{
    private readonly OutreachItemStore _items = new(connection, transaction, database);
    private readonly OutreachOutcomeStore _outcomes = new(connection, transaction);

    /// <param name="listAsOf">The date of the list the outcome was recorded on: the outcome belongs to the item listed then.</param>
    public async Task<RecordedOutcome> RecordAsync(
        string clinicId, DateOnly listAsOf, WorkedOutcome outcome, string sourceFile, DateTime recordedAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var patientClinic = await _outcomes.PatientClinicAsync(outcome.Key.PatientId, cancellationToken);
        if (patientClinic != clinicId)
        {
            return new RecordedOutcome(RecordedOutcomeKind.NotThisClinic, patientClinic);
        }

        if (await _outcomes.ExistsAsync(outcome, cancellationToken))
        {
            return new RecordedOutcome(RecordedOutcomeKind.AlreadyRecorded, patientClinic);
        }

        var item = await ItemForAsync(clinicId, listAsOf, outcome, cancellationToken);
        var outcomeId = await _outcomes.InsertAsync(outcome, item.ItemId, sourceFile, recordedAtUtc, cancellationToken);
        var after = rules.Apply(item, outcome.Outcome, outcome.On);
        await _items.UpdateAsync([after], cancellationToken);
        if (outcome.Outcome == OutreachOutcome.DoNotContact)
        {
            await _outcomes.SetDoNotContactAsync(outcome, outcomeId, cancellationToken);
        }

        return new RecordedOutcome(RecordedOutcomeKind.Recorded, patientClinic, outcomeId, item, after);
    }

    /// <summary>
    /// The item the outcome is about: the patient's latest item listed on or before the list's date,
    /// else their open item. A list written before the queue knew the patient gets an item of its own,
    /// from the row's flag, reason and priority.
    /// </summary>
    private async Task<OutreachItem> ItemForAsync(string clinicId, DateOnly listAsOf, WorkedOutcome outcome, CancellationToken cancellationToken)
    {
        var known = await _items.ReadPatientItemsAsync(clinicId, outcome.Key.PatientId, cancellationToken);
        var item = known.Where(candidate => candidate.FirstListed <= listAsOf).MaxBy(candidate => candidate.FirstListed)
            ?? known.FirstOrDefault(candidate => candidate.IsOpen);
        if (item is not null)
        {
            return item;
        }

        var created = new OutreachItem
        {
            ItemId = OutreachQueue.NewItemId(),
            ClinicId = clinicId,
            PatientId = outcome.Key.PatientId,
            Flag = PatientFlagKindNames.FromContractName(outcome.Key.Flag),
            Reason = outcome.Reason ?? "",
            Priority = outcome.Priority ?? 0,
            FirstListed = listAsOf,
        };
        await _items.InsertAsync([created], cancellationToken);
        return created;
    }
}

internal enum RecordedOutcomeKind
{
    Recorded,

    /// <summary>The same outcome of the same row on the same day is already in the store: nothing new.</summary>
    AlreadyRecorded,

    /// <summary>The patient is not a patient of the list's clinic (or not in the database at all).</summary>
    NotThisClinic,
}

/// <summary>What recording one outcome did: the item before and after, when it was recorded.</summary>
/// <param name="PatientClinic">The patient's clinic in the database; null when there is no such patient.</param>
internal sealed record RecordedOutcome(
    RecordedOutcomeKind Kind,
    string? PatientClinic,
    string? OutcomeId = null,
    OutreachItem? Before = null,
    OutreachItem? After = null);
