using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Writes custom document properties as text, with the OpenXML SDK. ClosedXML guesses a type from the
/// text and would store a clinic id "001" or a layout version "1" as the number 1, which a reader then
/// fails to match.
/// </summary>
internal static class TextDocumentProperties
{
    /// <summary>The format id every user-defined custom property carries.</summary>
    private const string UserDefinedFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    public static void Set(SpreadsheetDocument document, IEnumerable<KeyValuePair<string, string>> properties)
    {
        var part = document.CustomFilePropertiesPart ?? document.AddCustomFilePropertiesPart();
        var root = part.Properties ??= new Properties();

        // Property ids start at 2; 0 and 1 are reserved by the format.
        var nextId = root.Elements<CustomDocumentProperty>().Select(property => property.PropertyId?.Value ?? 1).DefaultIfEmpty(1).Max() + 1;
        foreach (var (name, value) in properties)
        {
            root.Elements<CustomDocumentProperty>().FirstOrDefault(property => property.Name == name)?.Remove();
            root.Append(new CustomDocumentProperty(new VTLPWSTR(value)) { FormatId = UserDefinedFormatId, PropertyId = nextId++, Name = name });
        }

        root.Save(part);
    }
}
