namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// What the rules conclude about one patient as of a date. The evaluator reuses one instance and its
/// lists for every patient, so a consumer must copy what it keeps before the next evaluation.
/// </summary>
internal sealed class PatientEvaluation
{
    internal readonly List<EvaluatedEpisode> EpisodeList = [];
    internal readonly List<MaintenanceVisit> MaintenanceVisitList = [];
    internal readonly List<DataQualityNote> NoteList = [];

    public string PatientId { get; internal set; } = "";

    public string ClinicId { get; internal set; } = "";

    public bool DoNotContact => Consent.DoNotContact;

    /// <summary>Whether and how the patient may be reached; a patient who may not be is never flagged.</summary>
    public ContactConsent Consent { get; internal set; }

    public DateOnly AsOf { get; internal set; }

    /// <summary>Recorded episodes in their input order, then implicit episodes by first visit.</summary>
    public IReadOnlyList<EvaluatedEpisode> Episodes => EpisodeList;

    /// <summary>Completed maintenance visits before the as-of date, by date.</summary>
    public IReadOnlyList<MaintenanceVisit> MaintenanceVisits => MaintenanceVisitList;

    public IReadOnlyList<DataQualityNote> DataQualityNotes => NoteList;

    /// <summary>True while an episode is active or an acute appointment is booked on or after the as-of date.</summary>
    public bool InAcuteCare { get; internal set; }

    public bool HasFutureAcuteBooking { get; internal set; }

    public bool HasFutureMaintenanceBooking { get; internal set; }

    /// <summary>Index in <see cref="Episodes"/> of the episode that ended at the latest acute end; -1 when none ended.</summary>
    public int EndedEpisodeIndex { get; internal set; } = -1;

    /// <summary>E: the greatest acute end among the ended episodes.</summary>
    public DateOnly? LatestAcuteEnd => EndedEpisodeIndex < 0 ? null : EpisodeList[EndedEpisodeIndex].End;

    public DateOnly? LastMaintenanceVisit =>
        MaintenanceVisitList.Count == 0 ? null : MaintenanceVisitList[^1].Date;

    /// <summary>The flag as of the date with its texts, or null (also when the evaluator was asked not to write texts: then see <see cref="Flagged"/>).</summary>
    public PatientFlag? Flag { get; internal set; }

    /// <summary><see cref="Flag"/> without its texts, or null.</summary>
    public FlaggedPatient? Flagged { get; internal set; }

    internal void Reset(PatientHistory history, DateOnly asOf)
    {
        PatientId = history.PatientId;
        ClinicId = history.ClinicId;
        Consent = history.Consent;
        AsOf = asOf;
        EpisodeList.Clear();
        MaintenanceVisitList.Clear();
        NoteList.Clear();
        InAcuteCare = false;
        HasFutureAcuteBooking = false;
        HasFutureMaintenanceBooking = false;
        EndedEpisodeIndex = -1;
        Flag = null;
        Flagged = null;
    }
}
