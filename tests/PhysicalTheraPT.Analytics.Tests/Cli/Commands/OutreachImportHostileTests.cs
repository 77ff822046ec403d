using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Tests.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;
using Xunit.Abstractions;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>
/// Small hostile workbooks imported by the real command in a process of its own, whose peak resident
/// memory (Linux's VmHWM) is read while it runs: each must be refused with a clear message, nothing
/// recorded, in well under 200 MB. Before the reader streamed, these took 2.4 GB and 1.7 GB.
/// </summary>
public sealed class OutreachImportHostileTests(ITestOutputHelper log)
{
    private const double MemoryCeilingMegabytes = 200;

    private static readonly DateOnly ListDate = new(2025, 1, 6);

    public static TheoryData<string> HostileWorkbooks() => [.. Hostile.Keys];

    /// <summary>Each hostile change to a worked list, and the words its refusal must use after the file's path.</summary>
    private static readonly Dictionary<string, (Action<string> Spoil, string Refusal)> Hostile = new()
    {
        // Millions of texts: 2.4 GB before the reader streamed.
        ["blown-up shared strings"] = (list => BlowUpSharedStrings(list, strings: 2_000_000), ": the part xl/sharedStrings.xml of the workbook is"),

        // One cell in the last row a sheet can have: 1.7 GB, and accepted, before.
        ["a cell in A1048576"] = (AddCellInLastRow, ", sheet 'Patients to call': the sheet has something in row 1048576, far below the list"),

        // About the largest single text the limits let through to the XML reader: numbers that compress
        // too little to trip the compression check, in a file under the size limit.
        ["a note of 15 million characters"] = (list => HugeNote(list, characters: 15_000_000), ", sheet 'Patients to call': a cell holds 15000"),

        // One text of 32,767 characters with a leading space, in the four fill-in columns of 5,000 rows:
        // counted once, it was trimmed (copied) once per cell, 3.1 GB at peak; the sheet stays under 1 MB,
        // so the compression check never runs.
        ["one long shared text in 20,000 cells"] = (list => ShareOneLongText(list, firstRow: 20, rows: 5_000),
            ", sheet 'Patients to call': row 20: the Outcome cell holds 32767 characters, more than the 64 it may hold"),
    };

    [Theory]
    [MemberData(nameof(HostileWorkbooks))]
    public async Task Import_RefusesInBoundedMemoryAndRecordsNothing_WhenTheWorkbookIsHostile(string hostile)
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await WorkedListAsync(scenario);
        var (spoil, refusal) = Hostile[hostile];
        spoil(list);

        var (exitCode, output, peak) = await ImportMeasuredAsync(scenario, list);

        Assert.Equal(2, exitCode);
        Assert.True(OneLine(output).Contains($"- {list}{refusal}", StringComparison.Ordinal), output);
        Assert.InRange(peak, 1, MemoryCeilingMegabytes);
        Assert.Equal(0, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
    }

    /// <summary>A list with one row filled in properly, so only the hostile part can explain a refusal.</summary>
    private static async Task<string> WorkedListAsync(OutreachScenario scenario)
    {
        var list = await scenario.WriteListAsync(ListDate, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "booked", ListDate.AddDays(1));
        return list;
    }

    /// <summary>Millions of repetitive texts appended to the shared strings: a few MB compressed, hundreds uncompressed.</summary>
    private static void BlowUpSharedStrings(string list, int strings)
    {
        using var zip = ZipFile.Open(list, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/sharedStrings.xml")!;
        string original;
        using (var reader = new StreamReader(entry.Open()))
        {
            original = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        var end = original.LastIndexOf("</", StringComparison.Ordinal);
        var prefix = System.Text.RegularExpressions.Regex.Match(original, "<(\\w+:)?sst[ >]").Groups[1].Value;
        writer.Write(original[..end]);
        for (var index = 0; index < strings; index++)
        {
            writer.Write($"<{prefix}si><{prefix}t>padding padding padding padding padding padding</{prefix}t></{prefix}si>");
        }

        writer.Write(original[end..]);
    }

    /// <summary>Replaces P1's note (Notes column) with an inline text of random words.</summary>
    private static void HugeNote(string list, int characters)
    {
        string notesColumn;
        using (var workbook = new ClosedXML.Excel.XLWorkbook(list))
        {
            var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
            notesColumn = sheet.Cell(3, OutreachScenario.ColumnOf(sheet, OutreachListLayout.Notes)).Address.ColumnLetter;
        }

        using var document = SpreadsheetDocument.Open(list, isEditable: true);
        var sheetId = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(sheet => sheet.Name == OutreachListLayout.ListSheet).Id!.Value!;
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheetId)).Worksheet;
        var row = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Single(row => row.RowIndex!.Value == 4);
        var reference = notesColumn + "4";
        row.Elements<Cell>().SingleOrDefault(cell => cell.CellReference == reference)?.Remove();
        var random = new Random(15);
        var words = new StringBuilder(characters + 16);
        while (words.Length < characters)
        {
            words.Append(random.Next(100_000).ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(words.ToString())) };
        var after = row.Elements<Cell>().LastOrDefault(existing => string.CompareOrdinal(existing.CellReference!.Value!.PadLeft(8), reference.PadLeft(8)) < 0);
        if (after is null)
        {
            row.PrependChild(cell);
        }
        else
        {
            after.InsertAfterSelf(cell);
        }

        worksheet.Save();
    }

    /// <summary>Adds one shared text as long as a cell can hold, and rows whose fill-in cells all point at it.</summary>
    private static void ShareOneLongText(string list, int firstRow, int rows)
    {
        var letters = new List<string>();
        using (var workbook = new ClosedXML.Excel.XLWorkbook(list))
        {
            var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
            letters.AddRange(OutreachListLayout.FillInColumns.Select(header => sheet.Cell(3, OutreachScenario.ColumnOf(sheet, header)).Address.ColumnLetter));
        }

        using var document = SpreadsheetDocument.Open(list, isEditable: true);
        var table = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable;
        var index = table.Elements<SharedStringItem>().Count();
        table.AppendChild(new SharedStringItem(new Text(" " + new string('x', 32_766)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
        table.Save();
        var sheetId = document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(sheet => sheet.Name == OutreachListLayout.ListSheet).Id!.Value!;
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheetId)).Worksheet;
        var data = worksheet.GetFirstChild<SheetData>()!;
        var shared = index.ToString(CultureInfo.InvariantCulture);
        for (var number = firstRow; number < firstRow + rows; number++)
        {
            var row = new Row { RowIndex = (uint)number };
            foreach (var letter in letters)
            {
                row.Append(new Cell { CellReference = letter + number.ToString(CultureInfo.InvariantCulture), DataType = CellValues.SharedString, CellValue = new CellValue(shared) });
            }

            data.Append(row);
        }

        worksheet.Save();
    }

    /// <summary>One inline text in A1048576, the last row a sheet can have.</summary>
    private static void AddCellInLastRow(string list)
    {
        using var document = SpreadsheetDocument.Open(list, isEditable: true);
        var sheetId = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(sheet => sheet.Name == OutreachListLayout.ListSheet).Id!.Value!;
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheetId)).Worksheet;
        var cell = new Cell { CellReference = "A1048576", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("x")) };
        worksheet.GetFirstChild<SheetData>()!.Append(new Row(cell) { RowIndex = 1048576 });
        worksheet.Save();
    }

    /// <summary>Runs <c>outreach import</c> as a child process and polls its high-water mark of resident memory until it exits.</summary>
    private async Task<(int ExitCode, string Output, double PeakMegabytes)> ImportMeasuredAsync(OutreachScenario scenario, string list)
    {
        using var cli = CliProcess.Start([.. scenario.Test.CommandLineArguments, "outreach", "import", list]);
        var status = $"/proc/{cli.Id.ToString(CultureInfo.InvariantCulture)}/status";
        var peakKilobytes = 0L;
        var exit = cli.WaitForExitAsync(TestTimeout.Token);
        while (!exit.IsCompleted)
        {
            peakKilobytes = Math.Max(peakKilobytes, HighWaterMarkKilobytes(status) ?? 0);
            await Task.Delay(5, CancellationToken.None);
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory of the import: {peakKilobytes / 1024.0:F0} MB"));
        return (await exit, cli.Output, peakKilobytes / 1024.0);
    }

    /// <summary>The output with the console's line wrapping undone, so a long path does not split a message.</summary>
    private static string OneLine(string output) => output.ReplaceLineEndings("");

    /// <summary>VmHWM from /proc/&lt;pid&gt;/status; null once the process is gone.</summary>
    private static long? HighWaterMarkKilobytes(string status)
    {
        try
        {
            var line = File.ReadLines(status).FirstOrDefault(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
