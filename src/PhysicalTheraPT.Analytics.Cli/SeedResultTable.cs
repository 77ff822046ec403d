using System.Globalization;
using PhysicalTheraPT.Analytics.Seeding;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>What a seed wrote, table by table, as the console shows it.</summary>
internal static class SeedResultTable
{
    public static Table Create(SeedResult result)
    {
        var toDatabase = result.Tables.Any(table => table.NewOrChanged is not null);
        var table = new Table().AddColumn(toDatabase ? "table" : "file").AddColumn(new TableColumn("rows").RightAligned());
        if (toDatabase)
        {
            table.AddColumn(new TableColumn("new or changed").RightAligned()).AddColumn(new TableColumn("removed").RightAligned());
        }

        foreach (var row in result.Tables)
        {
            var cells = new List<string> { row.Table, Number(row.Rows) };
            if (toDatabase)
            {
                cells.Add(Number(row.NewOrChanged ?? 0));
                cells.Add(Number(row.Removed));
            }

            table.AddRow(cells.Select(cell => new Text(cell)).ToArray());
        }

        return table;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
