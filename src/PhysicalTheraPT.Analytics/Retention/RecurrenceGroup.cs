namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Completions of a group and how many of those patients started a new episode within the recurrence window.</summary>
public sealed record RecurrenceGroup(int Completions, int Recurred)
{
    /// <summary>Recurred ÷ completions (0-1); null when there are no completions.</summary>
    public double? Rate => Completions == 0 ? null : (double)Recurred / Completions;
}
