using ClosedXML.Excel;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// How every report sheet prints: landscape, one page wide, the table header repeated on each page, and
/// a header and footer saying whose report it is, for which month, and which page.
/// </summary>
internal static class PrintLayout
{
    public static void Apply(IXLWorksheet sheet, string headerText, string footerText, int? repeatedHeaderRow)
    {
        var setup = sheet.PageSetup;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.FitToPages(1, 0);
        setup.Margins.Left = 0.4;
        setup.Margins.Right = 0.4;
        setup.Margins.Top = 0.6;
        setup.Margins.Bottom = 0.6;
        setup.Margins.Header = 0.3;
        setup.Margins.Footer = 0.3;
        if (repeatedHeaderRow is { } row)
        {
            setup.SetRowsToRepeatAtTop(row, row);
        }

        setup.Header.Center.AddText(Escape(headerText), XLHFOccurrence.AllPages);
        setup.Footer.Left.AddText(Escape(footerText), XLHFOccurrence.AllPages);
        setup.Footer.Right.AddText("Page ", XLHFOccurrence.AllPages);
        setup.Footer.Right.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        setup.Footer.Right.AddText(" of ", XLHFOccurrence.AllPages);
        setup.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>"&amp;" starts a code in header and footer text ("&amp;P" is the page number): a clinic called
    /// "Smith &amp; Jones" must be written "Smith &amp;&amp; Jones".</summary>
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
