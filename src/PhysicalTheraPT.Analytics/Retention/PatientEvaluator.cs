namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Applies the retention definitions (docs/definitions.md) to one patient's history as of a date: the
/// episodes with their acute ends, whether the patient is in acute care, the flag and data-quality
/// notes. Pure: no clock, no I/O. One instance serves any number of patients, one at a time, reusing its
/// buffers so that evaluating allocates nothing per appointment; it is not thread-safe. This file reads
/// the appointments into each episode's progress; PatientEvaluator.Endings.cs decides where episodes end.
/// </summary>
internal sealed partial class PatientEvaluator
{
    private readonly RetentionOptions options;
    private readonly FlagWriter flagWriter;
    private readonly PatientEvaluation evaluation = new();
    private readonly List<ImplicitRun> implicitRuns = [];
    private RecordedProgress[] recorded = new RecordedProgress[8];

    /// <param name="providerNames">Provider id → name, for the reason text; ids without a name are shown as ids.</param>
    public PatientEvaluator(RetentionOptions options, IReadOnlyDictionary<string, string>? providerNames = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        flagWriter = new FlagWriter(options, providerNames ?? new Dictionary<string, string>());
    }

    /// <summary>
    /// Evaluates <paramref name="history"/> (appointments ordered by date) as of <paramref name="asOf"/>.
    /// The result is reused by the next call.
    /// </summary>
    /// <param name="writeFlagTexts">
    /// Write a flagged patient's priority explanation and reason into <see cref="PatientEvaluation.Flag"/>;
    /// false when the caller needs <see cref="PatientEvaluation.Flagged"/> alone, so the texts are not
    /// written only to be thrown away (<see cref="PatientEvaluation.Flag"/> is then null).
    /// </param>
    public PatientEvaluation Evaluate(PatientHistory history, DateOnly asOf, bool writeFlagTexts = true)
    {
        ArgumentNullException.ThrowIfNull(history);
        evaluation.Reset(history, asOf);
        implicitRuns.Clear();
        var episodes = history.Episodes;
        if (recorded.Length < episodes.Count)
        {
            recorded = new RecordedProgress[Math.Max(episodes.Count, recorded.Length * 2)];
        }

        Array.Clear(recorded, 0, episodes.Count);
        ReadAppointments(history, asOf);
        EndRecordedEpisodes(episodes, asOf);
        EndImplicitEpisodes(asOf);
        evaluation.EndedEpisodeIndex = FindEpisodeEndedLast();
        evaluation.Flagged = flagWriter.Decide(evaluation);
        evaluation.Flag = writeFlagTexts && evaluation.Flagged is { } flagged ? flagWriter.Write(flagged, evaluation) : null;
        return evaluation;
    }

    private void ReadAppointments(PatientHistory history, DateOnly asOf)
    {
        var appointments = history.Appointments;
        var episodes = history.Episodes;
        var asOfDay = asOf.DayNumber;
        var previousDay = int.MinValue;
        var diedOnDay = history.Consent.DeceasedOn?.DayNumber ?? int.MaxValue;
        for (var i = 0; i < appointments.Count; i++)
        {
            var appointment = appointments[i];
            var day = appointment.Date.DayNumber;
            if (day < previousDay)
            {
                throw new ArgumentException(
                    $"Patient {history.PatientId}: appointments must be ordered by date; {appointment.AppointmentId} comes after a later one.", nameof(history));
            }

            previousDay = day;
            if (day > diedOnDay && appointment.Status is AppointmentStatus.Completed or AppointmentStatus.Booked)
            {
                // Once per patient: the Data quality sheet counts patients, and the fix is the patient's record.
                Note(DataQualityIssue.AppointmentAfterDeath, appointment.ClinicId, history.PatientId);
                diedOnDay = int.MaxValue;
            }

            if (appointment.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow)
            {
                continue;
            }

            var isPast = day < asOfDay;
            if (isPast && appointment.Status == AppointmentStatus.Booked)
            {
                Note(DataQualityIssue.StaleBooking, appointment.ClinicId, appointment.AppointmentId);
                continue;
            }

            if (appointment.IsMaintenance)
            {
                ReadMaintenance(appointment, isPast);
            }
            else
            {
                ReadAcute(appointment, episodes, isPast);
            }
        }
    }

    private void ReadMaintenance(in PatientAppointment appointment, bool isVisit)
    {
        if (appointment.EpisodeId is not null)
        {
            Note(DataQualityIssue.MaintenanceWithEpisode, appointment.ClinicId, appointment.AppointmentId);
        }

        if (isVisit)
        {
            evaluation.MaintenanceVisitList.Add(new MaintenanceVisit(appointment.Date, appointment.ClinicId));
        }
        else
        {
            evaluation.HasFutureMaintenanceBooking = true;
        }
    }

    private void ReadAcute(in PatientAppointment appointment, List<PatientEpisode> episodes, bool isVisit)
    {
        var episodeIndex = EpisodeOf(appointment, episodes, out var linkedById);
        if (!isVisit)
        {
            evaluation.HasFutureAcuteBooking = true;
            if (episodeIndex >= 0)
            {
                recorded[episodeIndex].HasFutureBooking = true;
            }

            return;
        }

        if (episodeIndex >= 0)
        {
            ref var progress = ref recorded[episodeIndex];
            progress.Visits++;
            progress.LastVisit = appointment.Date;
            progress.LastProvider = appointment.ProviderId;
            if (linkedById && episodes[episodeIndex].DischargedOn is { } discharged && appointment.Date > discharged)
            {
                Note(DataQualityIssue.VisitAfterDischarge, appointment.ClinicId, appointment.AppointmentId);
            }

            return;
        }

        // Uncovered visits form implicit episodes, split where consecutive visits are
        // ImplicitDischargeDays or more apart.
        var runs = implicitRuns;
        if (runs.Count > 0 && appointment.Date.DayNumber - runs[^1].Last.DayNumber < options.ImplicitDischargeDays)
        {
            var run = runs[^1];
            runs[^1] = run with { Last = appointment.Date, Visits = run.Visits + 1, LastProvider = appointment.ProviderId, LastClinic = appointment.ClinicId };
        }
        else
        {
            runs.Add(new ImplicitRun(appointment.Date, appointment.Date, 1, appointment.ProviderId, appointment.ClinicId, appointment.AppointmentId));
        }
    }

    /// <summary>
    /// The recorded episode an acute appointment belongs to: its episode id when that is one of the
    /// patient's; else the latest-started episode whose period covers the date (equal starts: the greater
    /// id); else -1 (uncovered).
    /// </summary>
    private int EpisodeOf(in PatientAppointment appointment, List<PatientEpisode> episodes, out bool linkedById)
    {
        linkedById = false;
        if (appointment.EpisodeId is { } episodeId)
        {
            for (var i = 0; i < episodes.Count; i++)
            {
                if (string.Equals(episodes[i].EpisodeId, episodeId, StringComparison.Ordinal))
                {
                    linkedById = true;
                    return i;
                }
            }

            Note(DataQualityIssue.UnknownEpisode, appointment.ClinicId, appointment.AppointmentId);
        }

        var best = -1;
        var date = appointment.Date;
        for (var i = 0; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            if (episode.StartedOn > date || episode.DischargedOn < date)
            {
                continue;
            }

            if (best < 0
                || episode.StartedOn > episodes[best].StartedOn
                || (episode.StartedOn == episodes[best].StartedOn && string.CompareOrdinal(episode.EpisodeId, episodes[best].EpisodeId) > 0))
            {
                best = i;
            }
        }

        return best;
    }

    private void Note(DataQualityIssue issue, string clinicId, string itemId) =>
        evaluation.NoteList.Add(new DataQualityNote(issue, clinicId, itemId));

    private struct RecordedProgress
    {
        public int Visits;
        public DateOnly LastVisit;
        public string? LastProvider;
        public bool HasFutureBooking;
    }

    private readonly record struct ImplicitRun(DateOnly First, DateOnly Last, int Visits, string? LastProvider, string LastClinic, string FirstAppointmentId);
}
