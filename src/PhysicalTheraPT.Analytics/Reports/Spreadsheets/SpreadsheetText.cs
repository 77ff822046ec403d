using System.Text;
using System.Xml;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Text as a spreadsheet stores it: characters XML cannot hold (control characters that slipped into an
/// imported name or reason) are written as <c>_xHHHH_</c>, the format's own escape, which spreadsheet
/// programs show as the character; an XML writer would refuse the whole file instead.
/// </summary>
internal static class SpreadsheetText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], character))
            {
                escaped.Append(character).Append(text[++index]);
            }
            else if (!XmlConvert.IsXmlChar(character) || IsLiteralEscape(text, index))
            {
                // A literal "_x0041_" in the text is itself escaped ("_x005F_x0041_"), or it would read back as "A".
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"_x{(int)character:X4}_");
            }
            else
            {
                escaped.Append(character);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var character in text)
        {
            if (!XmlConvert.IsXmlChar(character) || character == '_')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLiteralEscape(string text, int index) =>
        text[index] == '_' && index + 6 < text.Length && text[index + 1] == 'x' && text[index + 6] == '_'
        && !text.AsSpan(index + 2, 4).ContainsAnyExcept("0123456789ABCDEFabcdef");
}
