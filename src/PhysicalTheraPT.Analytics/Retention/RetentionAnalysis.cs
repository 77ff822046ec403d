using System.Runtime.CompilerServices;
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
        if (request.FlagsWithoutTexts && request.Month is null)
        {
            throw new ArgumentException("Flags without texts are collected by the monthly pass only: give a month.", nameof(request));
        }

        var pass = await OpenAsync(request, cancellationToken);
        var flags = new List<PatientFlag>();
        var flagged = new List<FlaggedPatient>();
        RetentionMetrics? metrics = null;
        if (request.Month is { } month)
        {
            // The numbers need one as-of date for everyone, so here every patient is judged by it.
            var run = new RetentionRun(_options, pass.AsOf.Single!.Value, month, pass.Clinics.ClinicIds, pass.Clinics.ProviderNames);
            await foreach (var history in pass.Histories)
            {
                pass.Count(progress);
                if (!request.CollectFlags || request.FlagsWithoutTexts)
                {
                    if (run.AddFlagged(history) is { } lean && request.CollectFlags)
                    {
                        // Kept for the whole report: one string per clinic and provider, not one per flag.
                        flagged.Add(lean with { ClinicId = pass.Clinics.SharedClinicId(lean.ClinicId), DischargingProviderId = pass.Clinics.SharedProviderId(lean.DischargingProviderId) });
                    }
                }
                else if (run.Add(history) is { } flag)
                {
                    flags.Add(flag);
                }
            }

            metrics = run.Build();
        }
        else
        {
            await foreach (var flag in EvaluateAsync(pass, progress))
            {
                if (request.CollectFlags)
                {
                    flags.Add(flag);
                }
            }
        }

        progress?.Report(pass.Patients);
        flags.Sort(FlagOrder);
        return new RetentionAnalysisResult(flags, metrics, pass.Patients, pass.AsOf.ByClinic(request.ClinicId), pass.Clinics) { FlaggedPatients = flagged };
    }

    /// <summary>
    /// The flags of one pass, handed over as they are found (in patient order, not <see cref="FlagOrder"/>)
    /// and never collected: memory stays that of one patient's history whatever the number of flags. The
    /// same pass as <see cref="RunAsync"/> without a month: same as-of dates, same do-not-contact.
    /// </summary>
    public async IAsyncEnumerable<PatientFlag> FlagsAsync(
        RetentionAnalysisRequest request, IProgress<int>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Month is not null)
        {
            throw new ArgumentException("The flags stream judges each patient by the as-of date alone; ask RunAsync for monthly numbers.", nameof(request));
        }

        var pass = await OpenAsync(request, cancellationToken);
        await foreach (var flag in EvaluateAsync(pass, progress))
        {
            yield return flag;
        }

        progress?.Report(pass.Patients);
    }

    private async Task<Pass> OpenAsync(RetentionAnalysisRequest request, CancellationToken cancellationToken)
    {
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
        return new Pass(clinics, asOf, histories);
    }

    private async IAsyncEnumerable<PatientFlag> EvaluateAsync(Pass pass, IProgress<int>? progress)
    {
        var evaluator = new PatientEvaluator(_options, pass.Clinics.ProviderNames);
        await foreach (var history in pass.Histories)
        {
            var flag = evaluator.Evaluate(history, pass.AsOf.For(history.ClinicId)).Flag;
            pass.Count(progress);
            if (flag is not null)
            {
                yield return flag;
            }
        }
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

    /// <summary>One pass over the histories: the clinics, their as-of dates and the patients read so far.</summary>
    private sealed class Pass(ClinicDirectory clinics, AsOfDates asOf, IAsyncEnumerable<PatientHistory> histories)
    {
        public ClinicDirectory Clinics { get; } = clinics;

        public AsOfDates AsOf { get; } = asOf;

        public IAsyncEnumerable<PatientHistory> Histories { get; } = histories;

        public int Patients { get; private set; }

        public void Count(IProgress<int>? progress)
        {
            // Often enough for a progress bar, rarely enough to cost nothing per patient.
            if (++Patients % 10_000 == 0)
            {
                progress?.Report(Patients);
            }
        }
    }
}
