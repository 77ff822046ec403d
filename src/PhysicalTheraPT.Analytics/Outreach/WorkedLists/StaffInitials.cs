namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// The one rule for the initials of who called: 1 to <see cref="Longest"/> letters. The list's cell check
/// (Excel's data validation) and the import both use it, so a cell the list accepts is never refused.
/// </summary>
internal static class StaffInitials
{
    public const int Longest = 5;

    /// <summary>The initials as kept ("j.d." and "J D" are the same person as "JD"); null when they are not initials.</summary>
    public static string? Normalize(string text)
    {
        var initials = new string([.. text.Where(character => character is not ('.' or ' ')).Select(char.ToUpperInvariant)]);
        return initials.Length is 0 or > Longest || !initials.All(char.IsLetter) ? null : initials;
    }
}
