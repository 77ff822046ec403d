using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// Deterministic flags for the seeded test clinics (every patient of <see cref="JobTestClinics"/>
/// flagged), standing in for the retention engine where a test is about scheduling, not rules. It can
/// fail the first call per clinic (or for all clinics), fail part-way through its stream, or hold every
/// call until released.
/// </summary>
internal sealed class FakeFlagSource(int patientsPerClinic = 3) : IClinicFlagSource
{
    /// <summary>The key of the calls for all clinics in <see cref="Calls"/>.</summary>
    public const string AllClinics = "all clinics";

    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>The clinics an all-clinics call flags (the seeded clinics of the test).</summary>
    public IReadOnlyList<string> Clinics { get; init; } = [];

    /// <summary>Fails the first call per clinic (or for all clinics) with this exception.</summary>
    public Func<Exception>? FailFirstCallWith { get; init; }

    /// <summary>Every call throws this after handing over that many flags, as a database dropping mid-read would.</summary>
    public (int Flags, Func<Exception> Error)? FailAfter { get; init; }

    /// <summary>Every call waits for this before it answers (and honours cancellation meanwhile).</summary>
    public TaskCompletionSource? Gate { get; init; }

    /// <summary>Completes when the first call has started.</summary>
    public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Calls started so far, per clinic; calls for all clinics under <see cref="AllClinics"/>.</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public int TotalCalls => _calls.Values.Sum();

    public async IAsyncEnumerable<StoredPatientFlag> FlagsAsync(string? clinicId, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = _calls.AddOrUpdate(clinicId ?? AllClinics, 1, (_, count) => count + 1);
        FirstCallStarted.TrySetResult();
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        if (call == 1 && FailFirstCallWith is not null)
        {
            throw FailFirstCallWith();
        }

        if (clinicId is null && Clinics.Count == 0)
        {
            throw new InvalidOperationException("Set Clinics: an all-clinics call flags the patients of the seeded clinics.");
        }

        var handedOver = 0;
        foreach (var flag in (clinicId is null ? Clinics : [clinicId]).SelectMany(clinic => For(clinic, asOf, patientsPerClinic)))
        {
            if (FailAfter is { } failure && handedOver == failure.Flags)
            {
                throw failure.Error();
            }

            handedOver++;
            yield return flag;
        }
    }

    /// <summary>The flags a call gives one clinic.</summary>
    public static IEnumerable<StoredPatientFlag> For(string clinicId, DateOnly asOf, int patients = 3) =>
        Enumerable.Range(1, patients).Select(number => new StoredPatientFlag
        {
            ClinicId = clinicId,
            AsOf = asOf,
            PatientId = $"{clinicId}-p{number}",
            Kind = number % 2 == 1 ? PatientFlagKind.DroppedAfterAcute : PatientFlagKind.MaintenanceLapsed,
            AcuteEnd = asOf.AddDays(-20 - number),
            EndType = AcuteEndType.GoalsMet,
            LastMaintenance = number % 2 == 1 ? null : asOf.AddDays(-50),
            DaysSince = 20 + number,
            Priority = 90 - number,
            Reason = $"Test reason {number}",
        });
}
