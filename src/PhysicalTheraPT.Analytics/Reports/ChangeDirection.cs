namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>How a number moved from the month before. Up is not "good": for patients to call it is bad.</summary>
public enum ChangeDirection
{
    /// <summary>One of the two numbers is missing, so there is nothing to compare.</summary>
    NotComparable,
    Up,
    Down,
    Unchanged,
}
