using System.Collections.Concurrent;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// Deterministic flags for the seeded test clinics (every patient of <see cref="JobTestClinics"/>
/// flagged), standing in for the retention engine where a test is about scheduling, not rules. It can
/// fail the first call per clinic, or hold every call until released.
/// </summary>
internal sealed class FakeFlagSource(int patientsPerClinic = 3) : IClinicFlagSource
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Fails the first call per clinic with this exception.</summary>
    public Func<Exception>? FailFirstCallWith { get; init; }

    /// <summary>Every call waits for this before it answers (and honours cancellation meanwhile).</summary>
    public TaskCompletionSource? Gate { get; init; }

    /// <summary>Completes when the first call has started.</summary>
    public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Calls started so far, per clinic.</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public int TotalCalls => _calls.Values.Sum();

    public async Task<IReadOnlyList<StoredPatientFlag>> FlagsAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var call = _calls.AddOrUpdate(clinicId, 1, (_, count) => count + 1);
        FirstCallStarted.TrySetResult();
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        if (call == 1 && FailFirstCallWith is not null)
        {
            throw FailFirstCallWith();
        }

        return Enumerable.Range(1, patientsPerClinic).Select(number => new StoredPatientFlag
        {
            ClinicId = clinicId,
            AsOf = asOf,
            PatientId = $"{clinicId}-p{number}",
            Flag = number % 2 == 1 ? "dropped_after_acute" : "maintenance_lapsed",
            AcuteEnd = asOf.AddDays(-20 - number),
            EndType = "goals_met",
            LastMaintenance = number % 2 == 1 ? null : asOf.AddDays(-50),
            DaysSince = 20 + number,
            Priority = 90 - number,
            Reason = $"Test reason {number}",
        }).ToList();
    }
}
