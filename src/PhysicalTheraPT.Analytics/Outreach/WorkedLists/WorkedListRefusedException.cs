namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// A worked list the reader will not read on: past a limit of <see cref="WorkedListLimits"/>, or built
/// in a way no spreadsheet program writes. The message says what and what to do, for the import report.
/// </summary>
internal sealed class WorkedListRefusedException(string reason) : Exception(reason);
