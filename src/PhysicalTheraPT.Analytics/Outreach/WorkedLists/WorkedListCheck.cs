namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>What the checks made of a worked list: the outcomes to record, or the problems that reject the file.</summary>
/// <param name="BlankRows">Rows front desk left empty (fine: nothing to record).</param>
internal sealed record WorkedListCheck(IReadOnlyList<WorkedOutcome> Outcomes, IReadOnlyList<OutreachImportProblem> Problems, int BlankRows);
