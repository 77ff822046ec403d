using NpgsqlTypes;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class InsertTargetTests
{
    private static readonly InsertTarget<StoredPatientFlag> Flags = new("patient_flags", ["clinic_id", "as_of", "patient_id"],
    [
        ("clinic_id", NpgsqlDbType.Varchar),
        ("as_of", NpgsqlDbType.Date),
        ("patient_id", NpgsqlDbType.Varchar),
        ("priority", NpgsqlDbType.Integer),
    ]);

    [Fact]
    public void LastOfEachKey_KeepsOnlyTheLastRowOfAKey_WhenItComesAgain()
    {
        var asOf = new DateOnly(2026, 4, 1);
        StoredPatientFlag[] rows =
        [
            Flag("c1", asOf, "p1", priority: 1),
            Flag("c1", asOf, "p2", priority: 2),
            Flag("c2", asOf, "p1", priority: 3),
            Flag("c1", asOf.AddDays(1), "p1", priority: 4),
            Flag("c1", asOf, "p1", priority: 5),
        ];

        var kept = Flags.LastOfEachKey(rows);

        Assert.Equal([2, 3, 4, 5], kept.Select(row => row.Priority));
    }

    [Fact]
    public void LastOfEachKey_ReturnsTheBatchItself_WhenNoKeyRepeats()
    {
        StoredPatientFlag[] rows = [Flag("c1", new DateOnly(2026, 4, 1), "p1", 1), Flag("c1", new DateOnly(2026, 4, 1), "p2", 2)];

        Assert.Same(rows, Flags.LastOfEachKey(rows));
    }

    [Fact]
    public void Constructor_NamesTheProperty_WhenAColumnTypeDoesNotMatchIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new InsertTarget<AppointmentRow>("appointments", ["appointment_id"], [("appointment_id", NpgsqlDbType.Varchar), ("starts_at", NpgsqlDbType.Date)]));

        Assert.Contains("AppointmentRow.StartsAt is a DateTime, but column starts_at is Date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NamesTheColumn_WhenTheRowHasNoPropertyForIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new InsertTarget<AppointmentRow>("appointments", ["appointment_id"], [("appointment_id", NpgsqlDbType.Varchar), ("startsat", NpgsqlDbType.Timestamp)]));

        Assert.Contains("AppointmentRow has no property Startsat for column startsat", error.Message, StringComparison.Ordinal);
    }

    private static StoredPatientFlag Flag(string clinicId, DateOnly asOf, string patientId, int priority) =>
        new() { ClinicId = clinicId, AsOf = asOf, PatientId = patientId, Priority = priority };
}
