namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>Where a table landed on its sheet (1-based rows and columns), for what is added around it.</summary>
internal sealed record TablePlacement(string Name, int HeaderRow, int FirstDataRow, int LastDataRow, int FirstColumn, int LastColumn, int DataRowCount)
{
    /// <summary>The first free row below the table, leaving one blank row.</summary>
    public int NextFreeRow => LastDataRow + 2;
}
