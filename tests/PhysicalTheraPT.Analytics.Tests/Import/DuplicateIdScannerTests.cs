using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Tests.Import;

public sealed class DuplicateIdScannerTests
{
    [Fact]
    public void Scan_ReportsOnlyRealDuplicates_WhenEveryIdHashCollides()
    {
        using var export = new ClinicExport();
        foreach (var id in new[] { "a1", "a2", " a1 ", "a3", "a2", "a1" })
        {
            export.Appointments.Add(("appointment_id", id));
        }

        export.Write();

        // A constant hash makes every id collide with every other: only a second look at the real ids can
        // tell a3 (unique) from a1 and a2 (repeated).
        var duplicates = DuplicateIdScanner.Scan(export.PathOf(export.Appointments), ContractFile.Appointments, _ => 42UL, CancellationToken.None);

        Assert.Equal(5, duplicates.Count);
        Assert.Equal([4, 7], duplicates.OtherLinesThan(2));
        Assert.Equal([6], duplicates.OtherLinesThan(3));
        Assert.Null(duplicates.OtherLinesThan(5));
    }

    [Fact]
    public void Scan_ReportsNothing_WhenIdsAreUnique()
    {
        using var export = new ClinicExport();
        for (var number = 1; number <= 100; number++)
        {
            export.Appointments.Add(("appointment_id", $"a{number}"));
        }

        export.Write();

        var duplicates = DuplicateIdScanner.Scan(export.PathOf(export.Appointments), ContractFile.Appointments, CancellationToken.None);

        Assert.Equal(0, duplicates.Count);
    }
}
