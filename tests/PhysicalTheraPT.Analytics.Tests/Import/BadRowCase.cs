namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>
/// One kind of bad row for the rejection tests: how to spoil a valid export, and the file, line and column
/// the error must name. The export already holds a second valid row in each file, so the bad row is the
/// third (line 4) unless it changes an existing one.
/// </summary>
public sealed record BadRowCase(string Name, Action<ClinicExport> Spoil, string File, int Line, string Column, string ReasonPart)
{
    public static readonly IReadOnlyList<BadRowCase> All =
    [
        new("unparseable date", export => export.Episodes.Add(("episode_id", "e9"), ("started_on", "2026-02-30")), "episodes.csv", 4, "started_on", "YYYY-MM-DD"),
        new("unparseable starts_at", export => export.Appointments.Add(("appointment_id", "a9"), ("starts_at", "01/05/2026 9:30")), "appointments.csv", 4, "starts_at", "YYYY-MM-DDTHH:MM"),
        new("unparseable booked_at", export => export.Appointments.Add(("appointment_id", "a9"), ("booked_at", "yesterday")), "appointments.csv", 4, "booked_at", "ISO 8601"),
        new("unknown status", export => export.Appointments.Add(("appointment_id", "a9"), ("status", "done")), "appointments.csv", 4, "status", "booked, completed, cancelled, no_show"),
        new("unknown service", export => export.Appointments.Add(("appointment_id", "a9"), ("service", "yoga")), "appointments.csv", 4, "service", "pt, recovery_massage, maintenance_massage"),
        new("unmapped service name", export => export.Appointments.Add(("appointment_id", "a9"), ("service", "Deep Tissue 60")), "appointments.csv", 4, "service", "add it to Import:ServiceNames"),
        new("unknown patient", export => export.Appointments.Add(("appointment_id", "a9"), ("patient_id", "p9")), "appointments.csv", 4, "patient_id", "is not in the database or in patients.csv"),
        new("unknown clinic", export => export.Providers.Add(("provider_id", "pr9"), ("clinic_id", "c9")), "providers.csv", 4, "clinic_id", "is not in the database or in clinics.csv"),
        new("unknown provider", export => export.Appointments.Add(("appointment_id", "a9"), ("provider_id", "pr9")), "appointments.csv", 4, "provider_id", "is not in the database or in providers.csv"),
        new("unknown episode", export => export.Appointments.Add(("appointment_id", "a9"), ("episode_id", "e9")), "appointments.csv", 4, "episode_id", "is not in the database or in episodes.csv"),
        new("episode of another patient", export => export.Appointments.Add(("appointment_id", "a9"), ("patient_id", "p2"), ("episode_id", "e1")), "appointments.csv", 4, "episode_id", "an episode of another patient"),
        new("duplicate id", export => export.Patients.Add(("patient_id", "p1"), ("first_name", "Annie")), "patients.csv", 4, "patient_id", "appears again on line 2"),
        new("bad time zone", export => export.Clinics.Add(("clinic_id", "c9"), ("time_zone", "America/Denvr")), "clinics.csv", 4, "time_zone", "IANA"),
        new("windows time zone", export => export.Clinics.Add(("clinic_id", "c9"), ("time_zone", "Mountain Standard Time")), "clinics.csv", 4, "time_zone", "use the IANA id America/Denver"),
        new("unknown discipline", export => export.Providers.Add(("provider_id", "pr9"), ("discipline", "chiropractic")), "providers.csv", 4, "discipline", "physical_therapy, massage_therapy"),
        new("discharged before started", export => export.Episodes.Add(("episode_id", "e9"), ("discharged_on", "2026-01-01")), "episodes.csv", 4, "discharged_on", "is before started_on"),
        new("interval not positive", export => export.Episodes.Add(("episode_id", "e9"), ("maintenance_interval_days", "0")), "episodes.csv", 4, "maintenance_interval_days", "above zero"),
        new("bad do_not_contact", export => export.Patients.Add(("patient_id", "p9"), ("do_not_contact", "maybe")), "patients.csv", 4, "do_not_contact", "true or false"),
        new("id too long", export => export.Appointments.Add(("appointment_id", new string('a', 65))), "appointments.csv", 4, "appointment_id", "at most 64"),
        new("blank required id", export => export.Appointments.Add(("appointment_id", "  ")), "appointments.csv", 4, "appointment_id", "is required"),
    ];

    public static TheoryData<string> Names() => new(All.Select(badRow => badRow.Name));

    public static BadRowCase Named(string name) => All.Single(badRow => badRow.Name == name);

    /// <summary>A valid export with two rows in each file (ids ending in 1 and 2), the second patient p2 with no episode.</summary>
    public static ClinicExport ValidExportWithTwoRowsEach()
    {
        var export = ClinicExport.Valid();
        export.Clinics.Add(("clinic_id", "c2"), ("name", "Westside"));
        export.Providers.Add(("provider_id", "pr2"), ("discipline", "massage_therapy"));
        export.Patients.Add(("patient_id", "p2"), ("first_name", "Bob"));
        export.Episodes.Add(("episode_id", "e2"), ("started_on", "2026-03-01"), ("discharged_on", ""), ("discharge_reason", ""));
        export.Appointments.Add(("appointment_id", "a2"), ("patient_id", "p2"), ("episode_id", ""), ("service", "maintenance_massage"));
        return export;
    }

    public override string ToString() => Name;
}
