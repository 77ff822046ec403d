using A = DocumentFormat.OpenXml.Drawing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Puts chart pictures into a workbook ClosedXML has already saved, with the OpenXML SDK: a drawing part
/// per sheet, an image part per picture and a one-cell anchor. ClosedXML's own AddPicture (and opening a
/// workbook that holds a picture) needs System.Drawing's native libgdiplus, which these machines lack.
/// </summary>
internal static class PictureEmbedder
{
    /// <summary>English Metric Units per pixel at 96 dpi, the unit drawing sizes are given in.</summary>
    private const long EmuPerPixel = 9525;

    /// <summary>
    /// Worksheet children that must come after <c>drawing</c> in the schema's fixed order; the drawing
    /// reference is inserted before the first of them that is present (tables, extensions, ...).
    /// </summary>
    private static readonly Type[] AfterDrawing =
    [
        typeof(LegacyDrawing), typeof(LegacyDrawingHeaderFooter), typeof(DrawingHeaderFooter), typeof(Picture), typeof(OleObjects),
        typeof(Controls), typeof(WebPublishItems), typeof(TableParts), typeof(WorksheetExtensionList),
    ];

    public static void Embed(SpreadsheetDocument document, IReadOnlyList<SheetPicture> pictures)
    {
        // A chart shown on two sheets is stored once: the second drawing refers to the same image part.
        var stored = new Dictionary<byte[], ImagePart>(ReferenceEqualityComparer.Instance);
        foreach (var group in pictures.GroupBy(picture => picture.SheetName, StringComparer.Ordinal))
        {
            AddDrawing(WorksheetParts.Named(document, group.Key), [.. group], stored);
        }
    }

    private static void AddDrawing(WorksheetPart worksheetPart, IReadOnlyList<SheetPicture> pictures, Dictionary<byte[], ImagePart> stored)
    {
        // Fixed relationship ids (the SDK would make random ones) keep two runs' files alike.
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>("rIdPtaDrawing");
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");

        for (var index = 0; index < pictures.Count; index++)
        {
            var picture = pictures[index];
            var relationshipId = "rIdPtaImage" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (stored.TryGetValue(picture.Png, out var existing))
            {
                drawingsPart.AddPart(existing, relationshipId);
            }
            else
            {
                var imagePart = drawingsPart.AddImagePart(ImagePartType.Png, relationshipId);
                using (var png = new MemoryStream(picture.Png, writable: false))
                {
                    imagePart.FeedData(png);
                }

                stored[picture.Png] = imagePart;
            }

            drawing.Append(Anchor(picture, (uint)(index + 1), relationshipId));
        }

        drawingsPart.WorksheetDrawing = drawing;
        drawing.Save(drawingsPart);

        var worksheet = worksheetPart.Worksheet;
        var reference = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
        var before = worksheet.ChildElements.FirstOrDefault(child => AfterDrawing.Contains(child.GetType()));
        if (before is null)
        {
            worksheet.Append(reference);
        }
        else
        {
            worksheet.InsertBefore(reference, before);
        }

        worksheet.Save();
    }

    private static Xdr.OneCellAnchor Anchor(SheetPicture picture, uint id, string relationshipId)
    {
        var width = picture.DisplayWidth * EmuPerPixel;
        var height = picture.DisplayHeight * EmuPerPixel;
        return new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId(picture.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(picture.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = width, Cy = height },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = picture.Name, Description = picture.Description },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = relationshipId },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData());
    }
}

/// <summary>
/// A PNG to place on a sheet with its top-left corner at a cell (0-based column and row) and shown at
/// <see cref="DisplayWidth"/> × <see cref="DisplayHeight"/> pixels. <see cref="Description"/> is the
/// alternative text screen readers read.
/// </summary>
internal sealed record SheetPicture(string SheetName, string Name, string Description, byte[] Png, int Column, int Row, int DisplayWidth, int DisplayHeight);

/// <summary>Finds a saved workbook's sheet by the name its tab shows, for the work done after ClosedXML has saved.</summary>
internal static class WorksheetParts
{
    public static WorksheetPart Named(SpreadsheetDocument document, string sheetName)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().SingleOrDefault(sheet => sheet.Name == sheetName)
            ?? throw new InvalidOperationException("The workbook has no sheet named " + sheetName + ".");
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
    }
}
