using BenchmarkDotNet.Attributes;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Benchmarks.Retention;

/// <summary>
/// Appointments per second through the pure rules on one core, and bytes allocated per appointment.
/// Each operation is one appointment (OperationsPerInvoke), so "Mean" is the time per appointment and
/// "Allocated" the bytes per appointment. Without flags the evaluator must allocate nothing; with flags
/// the allocation is the flag itself (its reason and explanation), per flagged patient.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Patients = 20_000;
    private const int AppointmentsPerInvoke = 418_222;

    private PatientHistory[] histories = [];
    private PatientEvaluator evaluator = null!;

    /// <summary>True: every patient is do-not-contact, so no flag is written and only the rules run.</summary>
    [Params(true, false)]
    public bool WithoutFlags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        histories = SyntheticHistories.Create(Patients, WithoutFlags);
        var appointments = histories.Sum(h => h.Appointments.Count);
        if (appointments != AppointmentsPerInvoke)
        {
            throw new InvalidOperationException($"The synthetic data changed: {appointments} appointments; set AppointmentsPerInvoke to it.");
        }

        evaluator = new PatientEvaluator(new RetentionOptions(), SyntheticHistories.ProviderNames);
    }

    [Benchmark(OperationsPerInvoke = AppointmentsPerInvoke)]
    public int Flags()
    {
        var flagged = 0;
        foreach (var history in histories)
        {
            flagged += evaluator.Evaluate(history, SyntheticHistories.AsOf).Flag is null ? 0 : 1;
        }

        return flagged;
    }

    /// <summary>Flags and the monthly numbers for all 50 clinics in one pass (includes building the result once).</summary>
    [Benchmark(OperationsPerInvoke = AppointmentsPerInvoke)]
    public int FlagsAndMetrics()
    {
        var run = new RetentionRun(new RetentionOptions(), SyntheticHistories.AsOf, new CalendarMonth(2025, 9), SyntheticHistories.Clinics, SyntheticHistories.ProviderNames);
        var flagged = 0;
        foreach (var history in histories)
        {
            flagged += run.Add(history) is null ? 0 : 1;
        }

        return flagged + run.Build().All.ReportMonth.AcuteCompletions;
    }
}
