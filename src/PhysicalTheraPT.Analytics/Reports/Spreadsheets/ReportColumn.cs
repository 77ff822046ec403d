namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// One column of a report table: its header and how a row becomes a cell. <see cref="Wrap"/> columns
/// hold sentences: they get a capped width and wrapped text instead of a very wide column.
/// <see cref="Width"/> fixes the width of a column whose content is not known yet (one people fill in).
/// </summary>
internal sealed record ReportColumn<TRow>(string Header, Func<TRow, ReportCell> Cell, bool Wrap = false, double? Width = null);
