using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Streams a workbook's shared strings part with the OpenXML SDK's reader and keeps only the strings
/// the wanted cells point at, so a part of a million strings costs the memory of the few that matter.
/// </summary>
internal static class SharedStrings
{
    /// <param name="wanted">The indexes of the strings to keep.</param>
    /// <param name="keptCharacters">Characters kept so far by the reader, counted on against <see cref="WorkedListLimits.KeptCharacters"/>.</param>
    public static Dictionary<int, string> Read(SharedStringTablePart part, IReadOnlySet<int> wanted, ref int keptCharacters)
    {
        var strings = new Dictionary<int, string>();
        using var reader = OpenXmlReader.Create(part);
        var index = -1;
        StringBuilder? text = null;
        var inPhonetic = false;
        while (reader.Read())
        {
            if (reader.IsStartElement)
            {
                switch (reader.LocalName)
                {
                    case "si":
                        if (++index >= WorkedListLimits.SharedStrings)
                        {
                            throw new WorkedListRefusedException(Invariant($"the workbook holds more than {WorkedListLimits.SharedStrings} different texts, far more than an outreach list. Use the list as it was written, filled in and saved by Excel or LibreOffice."));
                        }

                        text = wanted.Contains(index) ? new StringBuilder() : null;
                        break;
                    case "rPh":
                        inPhonetic = true;
                        break;
                    case "t" when text is not null && !inPhonetic:
                        text.Append(reader.GetText());
                        if (text.Length > WorkedListLimits.CellCharacters)
                        {
                            throw new WorkedListRefusedException(Invariant($"a text in the workbook is longer than a spreadsheet cell can hold ({WorkedListLimits.CellCharacters} characters). Use the list as it was written, filled in and saved by Excel or LibreOffice."));
                        }

                        break;
                }
            }
            else if (reader.IsEndElement)
            {
                switch (reader.LocalName)
                {
                    case "si" when text is not null:
                        keptCharacters += text.Length;
                        if (keptCharacters > WorkedListLimits.KeptCharacters)
                        {
                            throw new WorkedListRefusedException(KeptTooMuch());
                        }

                        strings[index] = text.ToString();
                        text = null;
                        break;
                    case "rPh":
                        inPhonetic = false;
                        break;
                }
            }
        }

        return strings;
    }

    public static string KeptTooMuch() =>
        Invariant($"the list's cells hold more than {WorkedListLimits.KeptCharacters} characters in all, far more than front desk writes. Use the list as it was written, filled in and saved by Excel or LibreOffice.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
