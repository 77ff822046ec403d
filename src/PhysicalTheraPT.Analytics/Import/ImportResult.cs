namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The outcome of an import. <see cref="Committed"/> is false when a bad row refused the whole import
/// (nothing was written); <see cref="Errors"/> lists the first problems (file, line, column, value,
/// reason) and <see cref="ErrorCount"/> counts all of them. <see cref="RejectsPath"/> is the rejects file
/// written under <c>--skip-invalid</c>, if any.
/// </summary>
internal sealed record ImportResult(
    IReadOnlyList<ImportFileSummary> Files,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    bool Committed,
    string? RejectsPath)
{
    public int ErrorsNotListed => ErrorCount - Errors.Count;

    public int RowsRejected => Files.Sum(file => file.Rejected);

    public int RowsNewOrChanged => Files.Sum(file => file.NewOrChanged);
}
