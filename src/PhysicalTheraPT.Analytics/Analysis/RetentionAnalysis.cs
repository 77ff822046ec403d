using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// The I/O side of the retention rules: streams every patient's history from the configured database
/// through the pure engine once. One entry point per use: the flags as of a date (collected, or streamed
/// as found) and the monthly pass (its numbers, and the flagged patients when asked). The command line,
/// the nightly jobs and the workbook all start here.
/// </summary>
internal sealed class RetentionAnalysis
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

    /// <summary>The flags as of a date, collected and sorted by <see cref="FlagOrder"/>.</summary>
    /// <param name="asOf">D, the same for every patient; null for today in each patient's clinic's own time zone.</param>
    /// <param name="clinicId">Only this clinic's patients (their whole histories); null for every clinic.</param>
    /// <param name="progress">Receives the number of patients read so far, every few thousand patients.</param>
    public async Task<FlagsAsOf> FlagsAsync(
        DateOnly? asOf, string? clinicId, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var pass = await OpenAsync(asOf, clinicId, RecentOnly, cancellationToken);
        var flags = new List<PatientFlag>();
        await foreach (var flag in EvaluateAsync(pass, progress))
        {
            flags.Add(flag);
        }

        progress?.Report(pass.Patients);
        flags.Sort(FlagOrder);
        return new FlagsAsOf(flags, pass.Patients, pass.AsOf.ByClinic(clinicId), pass.Clinics);
    }

    /// <summary>
    /// The flags as of a date, handed over as they are found (in patient order, not <see cref="FlagOrder"/>)
    /// and never collected: memory stays that of one patient's history whatever the number of flags. The
    /// same pass as <see cref="FlagsAsync"/>: same as-of dates, same do-not-contact.
    /// </summary>
    public async IAsyncEnumerable<PatientFlag> StreamFlagsAsync(
        DateOnly? asOf, string? clinicId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pass = await OpenAsync(asOf, clinicId, RecentOnly, cancellationToken);
        await foreach (var flag in EvaluateAsync(pass, progress: null))
        {
            yield return flag;
        }
    }

    /// <summary>
    /// The nightly refresh's pass as of <paramref name="asOf"/>: every patient in scope when
    /// <paramref name="plan"/> is a full pass, only its selected patients when incremental; each evaluated
    /// patient's next possible change goes into the plan, the flags are handed over as found; then the
    /// flags of the patients an incremental pass left out, carried forward to the date.
    /// </summary>
    public async IAsyncEnumerable<StoredPatientFlag> StreamNightlyFlagsAsync(
        DateOnly asOf, FlagRefreshPlan plan, FlagRefreshStateStore state, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        var pass = await OpenAsync(asOf, plan.ClinicId, dates => plan.Selection is { } selection ? PatientScope.Only(selection) : RecentOnly(dates), cancellationToken);
        var evaluator = new PatientEvaluator(_options, pass.Clinics.ProviderNames);
        await foreach (var history in pass.Histories)
        {
            var evaluation = evaluator.Evaluate(history, asOf);
            var flag = evaluation.Flag;
            var flagged = evaluation.Flagged;
            plan.Record(history.PatientId, history.ClinicId, evaluator.NextChange(history, asOf, flagged), flagged);
            if (flag is not null)
            {
                yield return StoredPatientFlag.From(flag, asOf);
            }
        }

        await foreach (var carried in state.ReadCarriedAsync(plan, cancellationToken))
        {
            plan.CountCarried();
            var flag = evaluator.Carry(carried, asOf);
            yield return StoredPatientFlag.From(flag, FlagWriter.Reason(flag, asOf, pass.Clinics.ProviderNames), asOf);
        }
    }

    /// <summary>
    /// The monthly pass over every clinic's patients, all judged by one as-of date (the numbers need one
    /// for everyone; <see cref="AsOfDates.ForMonth"/> gives the usual one).
    /// </summary>
    /// <param name="withFlaggedPatients">
    /// Also list the flagged patients without their texts (<see cref="MonthlyPass.FlaggedPatients"/>): a few
    /// dozen bytes a flagged patient instead of about 700, for a caller that lists every one and writes the
    /// reasons as it goes (the monthly workbook).
    /// </param>
    public async Task<MonthlyPass> MonthlyAsync(
        CalendarMonth month, DateOnly asOf, bool withFlaggedPatients, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        // Every patient: the month's numbers (cohorts, recurrence, data quality) reach back further than any flag.
        var pass = await OpenAsync(asOf, clinicId: null, _ => PatientScope.Everyone, cancellationToken);
        var run = new RetentionRun(_options, asOf, month, pass.Clinics.ClinicIds, pass.Clinics.ProviderNames);
        var flagged = new List<FlaggedPatient>();
        await foreach (var history in pass.Histories)
        {
            pass.Count(progress);
            if (run.AddFlagged(history) is { } lean && withFlaggedPatients)
            {
                // Kept for the whole report: one string per clinic and provider, not one per flag.
                flagged.Add(lean with { ClinicId = pass.Clinics.SharedClinicId(lean.ClinicId), DischargingProviderId = pass.Clinics.SharedProviderId(lean.DischargingProviderId) });
            }
        }

        progress?.Report(pass.Patients);
        return new MonthlyPass(run.Build(), flagged, pass.Patients, pass.Clinics);
    }

    /// <summary>
    /// The patients a pass for flags reads: only those whose history holds a date recent enough to flag
    /// them as of the earliest as-of date in scope; the others are read and evaluated for nothing. At a
    /// few years of history that is most of the rows.
    /// </summary>
    private PatientScope RecentOnly(AsOfDates dates) =>
        dates.Earliest is { } earliest ? PatientScope.ActiveOnOrAfter(FlagWriter.EarliestDateThatCanFlag(_options, earliest)) : PatientScope.Everyone;

    private async Task<Pass> OpenAsync(DateOnly? asOf, string? clinicId, Func<AsOfDates, PatientScope> scope, CancellationToken cancellationToken)
    {
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        if (clinicId is not null)
        {
            clinics.Require(clinicId);
        }

        // Patients who told front desk never to call again are do-not-contact here too, whatever the
        // clinic software's export says: never flagged, so on no list, flags file or count.
        var doNotContact = await OutreachDoNotContact.PatientIdsAsync(_database, clinicId, cancellationToken);
        var dates = new AsOfDates(clinics, asOf, _timeProvider, clinicId);
        var histories = WithDoNotContact(new PatientHistoryReader(_database).ReadAsync(clinicId, scope(dates), cancellationToken), doNotContact);
        return new Pass(clinics, dates, histories);
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

/// <summary>The flags of one pass as of a date.</summary>
/// <param name="Flags">Sorted by clinic, priority (highest first), patient id (all ordinal).</param>
/// <param name="Patients">How many patients' histories were read.</param>
/// <param name="AsOfByClinic">The as-of date each clinic's patients were judged by.</param>
/// <param name="Clinics">The clinics and providers the run named.</param>
internal sealed record FlagsAsOf(
    IReadOnlyList<PatientFlag> Flags,
    int Patients,
    IReadOnlyDictionary<string, DateOnly> AsOfByClinic,
    ClinicDirectory Clinics);

/// <summary>The numbers of one monthly pass, and its flagged patients when asked for.</summary>
/// <param name="FlaggedPatients">The flags without their texts, in the order the pass found them (patient order); empty unless asked for.</param>
/// <param name="Patients">How many patients' histories were read.</param>
/// <param name="Clinics">The clinics and providers the run named.</param>
internal sealed record MonthlyPass(
    RetentionMetrics Metrics,
    IReadOnlyList<FlaggedPatient> FlaggedPatients,
    int Patients,
    ClinicDirectory Clinics);
