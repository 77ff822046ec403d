namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>Which outreach lists one <see cref="OutreachListService"/> run writes.</summary>
public sealed record OutreachListRequest
{
    /// <summary>The date the flags are judged as of; null for today in each clinic's own time zone.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Only this clinic's list; null for one list per clinic.</summary>
    public string? ClinicId { get; init; }

    /// <summary>The folder the lists go to.</summary>
    public required string OutputDirectory { get; init; }
}
