using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>What an import prints about a bad file: where and what is expected, never a value from it.</summary>
public sealed class ImportPrivacyTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    // A patient row whose values landed in the wrong columns: each personal value sits where a
    // clinic id, a channel or a flag is expected, so every one of them is in a rejected column.
    private static readonly (string Column, string Value)[] SwappedPatient =
    [
        ("patient_id", "p2"), ("clinic_id", "Okonkwo"), ("first_name", "555-0199"), ("last_name", "Zebedee"),
        ("birth_date", "1981-07-09"), ("phone", "piimail2@secretmail.test"), ("email", "555-0199"),
        ("preferred_channel", "piimail2@secretmail.test"), ("do_not_contact", "Okonkwo"),
    ];

    private static readonly string[] PersonalValues = ["Okonkwo", "Zebedee", "555-0199", "1981-07-09", "piimail2@secretmail.test"];

    [Fact]
    public async Task Import_PrintsNoValueFromTheFile_WhenPatientsColumnsAreSwapped()
    {
        // Arrange
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Patients.Add(SwappedPatient);
        var rejects = Path.Combine(export.Directory, "rejects.csv");

        // Act: a real process, so stdout and stderr are both searched.
        using var import = CliProcess.Start(["import", "--from", export.Write(), "--skip-invalid", "--rejects", rejects, .. test.CommandLineArguments]);
        var exitCode = await import.WaitForExitAsync(TestTimeout.Token);

        // Assert
        var output = import.Output;
        Assert.Equal(0, exitCode);
        Assert.Contains("patients.csv:3, clinic_id is not in the database or in clinics.csv", output, StringComparison.Ordinal);
        Assert.Contains("patients.csv:3, preferred_channel is not one of phone, sms, email", output, StringComparison.Ordinal);
        Assert.Contains("patients.csv:3, do_not_contact is not true or false", output, StringComparison.Ordinal);
        Assert.All(PersonalValues, value => Assert.DoesNotContain(value, output, StringComparison.OrdinalIgnoreCase));

        // The rejects file holds the row so it can be fixed (owner-only), but its reasons hold no value.
        var rejectedRow = File.ReadAllLines(rejects)[1];
        Assert.Contains("piimail2@secretmail.test", rejectedRow, StringComparison.Ordinal);
        var reasons = rejectedRow[..rejectedRow.IndexOf("p2,Okonkwo", StringComparison.Ordinal)];
        Assert.All(PersonalValues, value => Assert.DoesNotContain(value, reasons, StringComparison.OrdinalIgnoreCase));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(rejects));
        }
    }

    [Fact]
    public async Task ImportAsync_SaysOnceThatTheHeaderUsesSemicolons_WhenFileIsSemicolonSeparated()
    {
        // Arrange
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        var directory = export.Write();
        var patients = export.PathOf(export.Patients);
        File.WriteAllText(patients, File.ReadAllText(patients).Replace(',', ';'));

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => TestImport.RunAsync(test.Database, directory));

        // Assert
        var patientsLines = error.Message.Split('\n').Where(line => line.Contains("patients.csv", StringComparison.Ordinal)).ToList();
        Assert.Contains("patients.csv:1, the header is separated by semicolons", Assert.Single(patientsLines), StringComparison.Ordinal);
        Assert.DoesNotContain("missing required column", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SaysOnceThatTheFileIsNotText_WhenFileIsBinary()
    {
        // Arrange
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        var directory = export.Write();
        var binary = new byte[4096];
        new Random(14).NextBytes(binary);
        File.WriteAllBytes(export.PathOf(export.Patients), [0x50, 0x4B, 0x03, 0x04, 0x00, .. binary]);

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => TestImport.RunAsync(test.Database, directory));

        // Assert
        var patientsLines = error.Message.Split('\n').Where(line => line.Contains("patients.csv", StringComparison.Ordinal)).ToList();
        Assert.Contains("patients.csv:1, this is not a CSV text file", Assert.Single(patientsLines), StringComparison.Ordinal);
        Assert.DoesNotContain("missing required column", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }

    [Fact]
    public async Task ImportAsync_SaysOnceThatTheHeaderIsMissing_WhenFirstLineIsARow()
    {
        // Arrange
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Patients.Add(SwappedPatient);
        var directory = export.Write();
        var patients = export.PathOf(export.Patients);
        File.WriteAllLines(patients, File.ReadAllLines(patients).Skip(1));

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => TestImport.RunAsync(test.Database, directory));

        // Assert
        Assert.Contains("patients.csv:1, the first line holds none of the contract's columns", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("missing required column", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann", error.Message, StringComparison.Ordinal);
    }
}
