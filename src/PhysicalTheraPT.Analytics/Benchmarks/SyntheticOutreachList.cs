using System.Globalization;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// An outreach list of any length with made-up patients, for measuring the writer at a size no seeded
/// clinic reaches in one week. Every value is derived from the row number, so the file is the same each run.
/// </summary>
internal static class SyntheticOutreachList
{
    public static OutreachList Create(int rows, DateOnly asOf)
    {
        var list = new List<OutreachListRow>(rows);
        for (var index = 0; index < rows; index++)
        {
            var number = (index + 1).ToString("D6", CultureInfo.InvariantCulture);
            var dropped = index % 3 != 0;
            var daysSince = 14 + (index % 300);
            list.Add(new OutreachListRow(
                PatientId: "BENCH-P" + number,
                Name: "Synthetic Patient " + number,
                Phone: "+1 555 01" + number[^2..],
                Email: "patient" + number + "@example.invalid",
                PreferredChannel: (index % 4) switch { 0 => "sms", 1 => "email", _ => "phone" },
                Flag: dropped ? PatientFlagKind.DroppedAfterAcute : PatientFlagKind.MaintenanceLapsed,
                Reason: dropped
                    ? "Discharged " + daysSince.ToString(CultureInfo.InvariantCulture) + " days ago after 8 visits with Synthetic Provider; no maintenance booked"
                    : "Last maintenance " + daysSince.ToString(CultureInfo.InvariantCulture) + " days ago (usual interval 28 days); nothing booked",
                LastVisit: asOf.AddDays(-daysSince),
                DischargingProvider: "Synthetic Provider " + (index % 12).ToString(CultureInfo.InvariantCulture),
                DaysSince: daysSince,
                Priority: 100 - (index % 100)));
        }

        return new OutreachList("BENCH", "Benchmark clinic", asOf, list);
    }
}
