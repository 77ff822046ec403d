using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The I/O side of the retention rules: streams every patient's history from the configured database
/// through the pure engine once, and returns the flags and the monthly numbers from that one pass. The
/// command line, the nightly jobs and the workbook all start here.
/// </summary>
public sealed class RetentionAnalysis
{
    private readonly AnalyticsDatabase _database;
    private readonly RetentionOptions _options;
    private readonly TimeProvider _timeProvider;

    public RetentionAnalysis(AnalyticsDatabase database, IOptions<RetentionOptions> options, TimeProvider timeProvider)
    {
        _database = database;
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <summary>Flags order: clinic, priority (highest first), patient id, all ordinal.</summary>
    public static Comparison<PatientFlag> FlagOrder { get; } = (left, right) =>
    {
        var byClinic = string.CompareOrdinal(left.ClinicId, right.ClinicId);
        if (byClinic != 0)
        {
            return byClinic;
        }

        var byPriority = right.Priority.CompareTo(left.Priority);
        return byPriority != 0 ? byPriority : string.CompareOrdinal(left.PatientId, right.PatientId);
    };

    /// <param name="progress">Receives the number of patients read so far, every few thousand patients.</param>
    public async Task<RetentionAnalysisResult> RunAsync(
        RetentionAnalysisRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        if (request.ClinicId is { } clinicId)
        {
            clinics.Require(clinicId);
        }

        var asOf = new AsOfDates(clinics, request.AsOf ?? request.Month?.DayAfter, _timeProvider);
        // Patients who told front desk never to call again are do-not-contact here too, whatever the
        // clinic software's export says: never flagged, so on no list, flags file or count.
        var doNotContact = await OutreachDoNotContact.PatientIdsAsync(_database, request.ClinicId, cancellationToken);
        var histories = WithDoNotContact(new PatientHistoryReader(_database).ReadAsync(request.ClinicId, cancellationToken), doNotContact);
        var flags = new List<PatientFlag>();
        var patients = 0;

        RetentionMetrics? metrics = null;
        if (request.Month is { } month)
        {
            // The numbers need one as-of date for everyone, so here every patient is judged by it.
            var run = new RetentionRun(_options, asOf.Single!.Value, month, clinics.ClinicIds, clinics.ProviderNames);
            await foreach (var history in histories)
            {
                var flag = run.Add(history);
                Count(ref patients, progress);
                if (flag is not null && request.CollectFlags)
                {
                    flags.Add(flag);
                }
            }

            metrics = run.Build();
        }
        else
        {
            var evaluator = new PatientEvaluator(_options, clinics.ProviderNames);
            await foreach (var history in histories)
            {
                var flag = evaluator.Evaluate(history, asOf.For(history.ClinicId)).Flag;
                Count(ref patients, progress);
                if (flag is not null && request.CollectFlags)
                {
                    flags.Add(flag);
                }
            }
        }

        progress?.Report(patients);
        flags.Sort(FlagOrder);
        return new RetentionAnalysisResult(flags, metrics, patients, asOf.ByClinic(request.ClinicId), clinics);
    }

    private static async IAsyncEnumerable<PatientHistory> WithDoNotContact(IAsyncEnumerable<PatientHistory> histories, IReadOnlySet<string> doNotContact)
    {
        await foreach (var history in histories)
        {
            if (doNotContact.Count > 0 && doNotContact.Contains(history.PatientId))
            {
                history.DoNotContact = true;
            }

            yield return history;
        }
    }

    private static void Count(ref int patients, IProgress<int>? progress)
    {
        // Often enough for a progress bar, rarely enough to cost nothing per patient.
        if (++patients % 10_000 == 0)
        {
            progress?.Report(patients);
        }
    }
}
