namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// How big a worked list may be. Each is far beyond any real list (a clinic's weekly list has tens to a
/// few thousand rows; its file is well under a megabyte) and low enough that a hostile file is refused
/// in bounded memory, under 200 MB for any input, before the rows are read.
/// </summary>
internal static class WorkedListLimits
{
    /// <summary>The file itself: a 10,000-row list is about 1 MB.</summary>
    public const long FileBytes = 16L * 1024 * 1024;

    /// <summary>Parts in the package: a list has about 15, one saved by LibreOffice about 20.</summary>
    public const int ZipEntries = 100;

    /// <summary>
    /// A worksheet or the shared strings, uncompressed: 10,000 rows take about 10 MB. The SDK's reader
    /// reads each text whole before it can be measured (twice its size while it does), so this also
    /// bounds the largest text it is handed: 16 MB of text held about 130 MB at peak.
    /// </summary>
    public const long StreamedPartBytes = 16L * 1024 * 1024;

    /// <summary>Any other part (workbook, styles, properties, relationships): read whole, so kept small.</summary>
    public const long OtherPartBytes = 2L * 1024 * 1024;

    /// <summary>All parts together, uncompressed.</summary>
    public const long PackageBytes = 48L * 1024 * 1024;

    /// <summary>
    /// Uncompressed to compressed size of a part over <see cref="RatioCheckedFromBytes"/>: spreadsheet XML
    /// compresses 10 to 30 times; a part blown up by repetition compresses hundreds of times.
    /// </summary>
    public const int CompressionRatio = 100;

    public const long RatioCheckedFromBytes = 1024 * 1024;

    /// <summary>Rows below the header row (and the lowest a cell may be in): a week's list has tens to a few thousand.</summary>
    public const int Rows = 10_000;

    /// <summary>Columns looked at: a list has 15; anything further right is ignored.</summary>
    public const int Columns = 100;

    /// <summary>One cell's text: Excel's own limit.</summary>
    public const int CellCharacters = 32_767;

    /// <summary>Entries in the shared strings part: a list needs about 8 per row.</summary>
    public const int SharedStrings = 500_000;

    /// <summary>
    /// Characters kept from all the cells read, shared or inline. A shared text counts once for each
    /// cell that points at it: each such cell may be copied later (trimmed, put in a message).
    /// </summary>
    public const int KeptCharacters = 8 * 1024 * 1024;

    /// <summary>A row key: about 90 characters as written.</summary>
    public const int KeyCharacters = 200;

    /// <summary>An outcome, a date, initials or a priority: the longest real one is about 20 characters.</summary>
    public const int ShortCellCharacters = 64;

    /// <summary>A row's reason, as the list writes it: well under 200 characters.</summary>
    public const int ReasonCharacters = 500;

    /// <summary>Notes: what front desk types about a call (only the first 1,000 characters are recorded).</summary>
    public const int NotesCharacters = 2_000;

    /// <summary>
    /// The longest text a kept column's cell may hold. Every copy the import makes of a cell (trimmed,
    /// in a message) is at most this long, so no cell can multiply into gigabytes through copies.
    /// </summary>
    public static int CharactersIn(string column) => column switch
    {
        OutreachListLayout.RowKey => KeyCharacters,
        OutreachListLayout.Notes => NotesCharacters,
        OutreachListLayout.Reason => ReasonCharacters,
        _ => ShortCellCharacters,
    };
}
