using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// What one night's refresh-flags evaluates and what it leaves for the next: a full pass (every patient in
/// scope) or an incremental one (<see cref="Selection"/>: the patients whose rows changed since the last
/// refresh or whose next possible change has come), and, as the pass goes, each evaluated patient's next
/// change. <see cref="FlagRefreshStateStore"/> makes it and keeps it in the flags' transaction.
/// </summary>
internal sealed class FlagRefreshPlan
{
    private readonly List<NextChangeRow> _nextChanges = [];

    public FlagRefreshPlan(string? clinicId, IReadOnlyList<string> clinicIds, DateOnly asOf, string settings, long upToChange, PatientSelection? selection, string? fullPassReason)
    {
        ClinicId = clinicId;
        ClinicIds = clinicIds;
        AsOf = asOf;
        Settings = settings;
        UpToChange = upToChange;
        Selection = selection;
        FullPassReason = fullPassReason;
    }

    /// <summary>The one clinic refreshed; null for all clinics.</summary>
    public string? ClinicId { get; }

    public IReadOnlyList<string> ClinicIds { get; }

    public DateOnly AsOf { get; }

    /// <summary>The settings and engine this pass runs with (<see cref="FlagRefreshStateStore.SettingsOf"/>).</summary>
    public string Settings { get; }

    /// <summary>The newest change this pass has seen: the mark it took before reading.</summary>
    public long UpToChange { get; }

    /// <summary>The patients an incremental pass reads; null for a full pass.</summary>
    public PatientSelection? Selection { get; }

    public bool IsFull => Selection is null;

    /// <summary>Why the pass is full (the first refresh, --full, other settings …); null when incremental.</summary>
    public string? FullPassReason { get; }

    /// <summary>Patients evaluated so far.</summary>
    public int Evaluated { get; private set; }

    internal IReadOnlyList<NextChangeRow> NextChanges => _nextChanges;

    /// <summary>Patients whose flag was carried forward instead of evaluated.</summary>
    public int Carried { get; private set; }

    /// <summary>
    /// Keeps an evaluated patient's next change (none: nothing changes until their rows do) and, when they
    /// are flagged, the flag to carry forward until then.
    /// </summary>
    public void Record(string patientId, string clinicId, DateOnly? nextChange, FlaggedPatient? flagged)
    {
        Evaluated++;
        if (flagged is { } flag)
        {
            // The rules always find the day a flag ends; were they not to, evaluate again tomorrow.
            _nextChanges.Add(NextChangeRow.Flagged(flag, nextChange ?? AsOf.AddDays(1)));
        }
        else if (nextChange is { } date)
        {
            _nextChanges.Add(new NextChangeRow { PatientId = patientId, ClinicId = clinicId, NextChange = date });
        }
    }

    public void CountCarried() => Carried++;

    /// <summary>"Incremental pass: 412 patients evaluated." / "Full pass (--full): 31,204 patients evaluated."</summary>
    public string Summary => IsFull
        ? string.Create(CultureInfo.InvariantCulture, $"Full pass ({FullPassReason}): {Evaluated:N0} patients evaluated.")
        : string.Create(CultureInfo.InvariantCulture, $"Incremental pass: {Evaluated:N0} patients evaluated (rows changed or next change due), {Carried:N0} flags carried forward.");

    /// <summary>A row of <c>patient_next_changes</c>: the flag's columns are null for a patient not flagged.</summary>
    internal sealed record NextChangeRow
    {
        public string PatientId { get; init; } = "";

        public string ClinicId { get; init; } = "";

        public DateOnly NextChange { get; init; }

        public string? Flag { get; init; }

        public DateOnly? AcuteEnd { get; init; }

        public string? EndType { get; init; }

        public bool? EndedByDischarge { get; init; }

        public bool? ImplicitEpisode { get; init; }

        public DateOnly? LastMaintenance { get; init; }

        public string? DischargingProviderId { get; init; }

        public int? EpisodeVisits { get; init; }

        public int? IntervalDays { get; init; }

        public int? OtherPoints { get; init; }

        public static NextChangeRow Flagged(FlaggedPatient flag, DateOnly nextChange) => new()
        {
            PatientId = flag.PatientId,
            ClinicId = flag.ClinicId,
            NextChange = nextChange,
            Flag = flag.Kind.ToContractName(),
            AcuteEnd = flag.AcuteEnd,
            EndType = flag.EndType?.ToContractName(),
            EndedByDischarge = flag.EndedByDischarge,
            ImplicitEpisode = flag.ImplicitEpisode,
            LastMaintenance = flag.LastMaintenance,
            DischargingProviderId = flag.DischargingProviderId,
            EpisodeVisits = flag.EpisodeVisits,
            IntervalDays = flag.MaintenanceIntervalDays,
            OtherPoints = flag.OtherPoints,
        };

        /// <summary>The stored flag, its days and priority as of the day it was evaluated (carry it forward before use).</summary>
        public FlaggedPatient ToFlagged() => new(
            PatientId,
            ClinicId,
            PatientFlagKindNames.FromContractName(Flag!),
            AcuteEnd,
            EndType is null ? null : AcuteEndTypeNames.FromContractName(EndType),
            EndedByDischarge ?? false,
            ImplicitEpisode ?? false,
            LastMaintenance,
            0,
            0,
            DischargingProviderId,
            EpisodeVisits ?? 0,
            IntervalDays ?? 0,
            OtherPoints ?? 0);
    }
}
