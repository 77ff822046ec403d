namespace PhysicalTheraPT.Analytics;

/// <summary>
/// A problem the person running the service caused and can fix (a bad setting, a bad file, an unknown
/// id). The command line prints the message, without a stack trace, and exits non-zero; the message says
/// what is wrong, where, and how to fix it.
/// </summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UserInputException()
    {
    }
}
