using System.Globalization;
using PhysicalTheraPT.Analytics.Data;

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

    /// <summary>Keeps an evaluated patient's next change (none: nothing changes until their rows do).</summary>
    public void Record(string patientId, string clinicId, DateOnly? nextChange)
    {
        Evaluated++;
        if (nextChange is { } date)
        {
            _nextChanges.Add(new NextChangeRow { PatientId = patientId, ClinicId = clinicId, NextChange = date });
        }
    }

    /// <summary>"Incremental pass: 412 patients evaluated." / "Full pass (--full): 31,204 patients evaluated."</summary>
    public string Summary => IsFull
        ? string.Create(CultureInfo.InvariantCulture, $"Full pass ({FullPassReason}): {Evaluated:N0} patients evaluated.")
        : string.Create(CultureInfo.InvariantCulture, $"Incremental pass: {Evaluated:N0} patients evaluated (rows changed or next change due).");

    /// <summary>A row of <c>patient_next_changes</c>.</summary>
    internal sealed record NextChangeRow
    {
        public string PatientId { get; init; } = "";

        public string ClinicId { get; init; } = "";

        public DateOnly NextChange { get; init; }
    }
}
