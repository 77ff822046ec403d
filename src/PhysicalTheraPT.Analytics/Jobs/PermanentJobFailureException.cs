namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// A job failed for a reason that waiting will not fix (bad credentials, a missing table, a bad
/// setting): the scheduler must not retry it. The message says what to fix.
/// </summary>
public sealed class PermanentJobFailureException : Exception
{
    public PermanentJobFailureException(string message)
        : base(message)
    {
    }

    public PermanentJobFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PermanentJobFailureException()
    {
    }
}
