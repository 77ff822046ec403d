using System.Text;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>
/// A clinic's EMR export for a test, written to a temporary folder: by default one valid row in each of
/// the five contract files (clinic c1 in America/Denver, provider pr1, patient p1, episode e1,
/// appointment a1), so a test adds or changes only the rows it is about.
/// </summary>
public sealed class ClinicExport : IDisposable
{
    public ClinicExport()
    {
        Directory = Path.Combine(Path.GetTempPath(), "pta-tests", "export-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public ExportFile Clinics { get; } = new("clinics.csv", ("clinic_id", "c1"), ("name", "Eastside"), ("time_zone", "America/Denver"));

    public ExportFile Providers { get; } = new("providers.csv", ("provider_id", "pr1"), ("clinic_id", "c1"), ("name", "Dana Ruiz"), ("discipline", "physical_therapy"));

    public ExportFile Patients { get; } = new(
        "patients.csv",
        ("patient_id", "p1"), ("clinic_id", "c1"), ("first_name", "Ann"), ("last_name", "Lee"), ("birth_date", "1980-05-01"),
        ("phone", "555-0100"), ("email", "ann@example.com"), ("preferred_channel", "sms"), ("do_not_contact", "false"));

    public ExportFile Episodes { get; } = new(
        "episodes.csv",
        ("episode_id", "e1"), ("patient_id", "p1"), ("clinic_id", "c1"), ("started_on", "2026-01-05"), ("discharged_on", "2026-02-20"),
        ("discharge_reason", "goals_met"), ("condition", "low back pain"), ("body_region", "lumbar"), ("referral_source", "physician"),
        ("maintenance_interval_days", "21"));

    public ExportFile Appointments { get; } = new(
        "appointments.csv",
        ("appointment_id", "a1"), ("patient_id", "p1"), ("clinic_id", "c1"), ("provider_id", "pr1"), ("episode_id", "e1"),
        ("service", "pt"), ("starts_at", "2026-01-05T09:30"), ("status", "completed"), ("booked_at", "2026-01-02T10:00"));

    public IEnumerable<ExportFile> Files => [Clinics, Providers, Patients, Episodes, Appointments];

    /// <summary>Write a UTF-8 byte order mark at the start of each file (as Excel does).</summary>
    public bool ByteOrderMark { get; set; }

    public string NewLine { get; set; } = "\n";

    /// <summary>One valid row in each file.</summary>
    public static ClinicExport Valid()
    {
        var export = new ClinicExport();
        foreach (var file in export.Files)
        {
            file.Add();
        }

        return export;
    }

    public string PathOf(ExportFile file) => Path.Combine(Directory, file.FileName);

    /// <summary>Writes every file that has rows (a file without rows is left out of the export).</summary>
    public string Write()
    {
        foreach (var file in Files)
        {
            var path = PathOf(file);
            if (file.RowCount == 0)
            {
                File.Delete(path);
                continue;
            }

            File.WriteAllText(path, file.ToCsv(NewLine), new UTF8Encoding(ByteOrderMark));
        }

        return Directory;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
