namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// What to import: the folder holding the contract files; whether to import the valid rows and set the
/// others aside (<paramref name="SkipInvalid"/>) instead of refusing the whole import; and where the
/// rejected rows go (default <c>&lt;Directory&gt;/rejects-&lt;yyyyMMdd-HHmmss&gt;.csv</c>).
/// </summary>
internal sealed record ImportRequest(string Directory, bool SkipInvalid = false, string? RejectsPath = null);
