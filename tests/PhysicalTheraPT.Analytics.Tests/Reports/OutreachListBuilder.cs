using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>An outreach list for Eastside as of 1 April 2026 with three patients; tests add what they need.</summary>
internal sealed class OutreachListBuilder
{
    public static readonly DateOnly AsOf = new(2026, 4, 1);

    private readonly List<OutreachListRow> rows =
    [
        Row("P000456", "Maria Gonzalez", priority: 61, PatientFlagKind.MaintenanceLapsed),
        Row("P000123", "John O'Neill", priority: 88),
        Row("P000789", "Aiko Tanaka", priority: 74),
    ];

    public OutreachListBuilder With(params OutreachListRow[] extra)
    {
        rows.AddRange(extra);
        return this;
    }

    public OutreachListBuilder WithoutRows()
    {
        rows.Clear();
        return this;
    }

    public OutreachList Build() => new("C01", "Eastside", AsOf, rows);

    public static OutreachListRow Row(string patientId, string name, int priority, PatientFlagKind flag = PatientFlagKind.DroppedAfterAcute, bool doNotContact = false, string phone = "555-0100") =>
        new(patientId, name, phone, name.Replace(' ', '.').ToLowerInvariant() + "@example.com", "phone", flag,
            "Discharged 14 Mar (goals met) after 12 visits with Dana Ruiz; no maintenance booked", AsOf.AddDays(-18), "Dana Ruiz", 18, priority, doNotContact);
}
