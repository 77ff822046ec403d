using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;

// The root test namespace, so every test folder sees these without a using.
namespace PhysicalTheraPT.Analytics.Tests;

/// <summary>
/// Shortcuts only tests need, kept out of the product: the product streams histories through
/// <see cref="RetentionRun.Add"/> one at a time and replaces every clinic's set in one call.
/// </summary>
internal static class TestOnlyExtensions
{
    /// <summary>Adds every history; <paramref name="onFlag"/> receives each flag as it is found.</summary>
    public static void AddAll(this RetentionRun run, IEnumerable<PatientHistory> histories, Action<PatientFlag>? onFlag = null)
    {
        foreach (var history in histories)
        {
            if (run.Add(history) is { } flag)
            {
                onFlag?.Invoke(flag);
            }
        }
    }

    /// <summary>Replaces one clinic's set as of <paramref name="asOf"/> with <paramref name="flags"/>; returns the rows written.</summary>
    public static async Task<int> ReplaceSetAsync(this PatientFlagStore store, string clinicId, DateOnly asOf, IReadOnlyCollection<StoredPatientFlag> flags, CancellationToken cancellationToken)
    {
        var counts = await store.ReplaceSetsAsync([clinicId], asOf, flags.ToAsyncEnumerable(), cancellationToken);
        return counts[clinicId];
    }
}
