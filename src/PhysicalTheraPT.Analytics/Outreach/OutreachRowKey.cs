using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// Identifies one row of an outreach list, so a list front desk filled in can be read back and each
/// outcome tied to the right patient, flag and list: <c>v1|clinic|patient|flag|yyyy-MM-dd|checksum</c>.
/// The checksum (the first 12 hex digits of SHA-256 over everything before it) catches a key that was
/// edited or mangled by hand; it is not a secret and does not stop deliberate forgery.
/// </summary>
public sealed record OutreachRowKey
{
    public const string Version = "v1";

    private const char Separator = '|';

    private const int ChecksumLength = 12;

    private OutreachRowKey(string clinicId, string patientId, string flag, DateOnly asOf)
    {
        ClinicId = clinicId;
        PatientId = patientId;
        Flag = flag;
        AsOf = asOf;
    }

    public string ClinicId { get; }

    public string PatientId { get; }

    /// <summary>The flag's machine name, e.g. <c>dropped_after_acute</c>.</summary>
    public string Flag { get; }

    /// <summary>The as-of date of the list the row was written to.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The key as written into the workbook.</summary>
    public string Value => Body(ClinicId, PatientId, Flag, AsOf) + Separator + Checksum(Body(ClinicId, PatientId, Flag, AsOf));

    public static OutreachRowKey Create(string clinicId, string patientId, string flag, DateOnly asOf)
    {
        RequirePart(clinicId, nameof(clinicId));
        RequirePart(patientId, nameof(patientId));
        RequirePart(flag, nameof(flag));
        return new OutreachRowKey(clinicId, patientId, flag, asOf);
    }

    /// <summary>Reads a key back; on failure <paramref name="error"/> says what is wrong with it, for the import report.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OutreachRowKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the row key is empty";
            return false;
        }

        var parts = text.Trim().Split(Separator);
        if (parts.Length != 6)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the row key has {parts.Length} parts separated by '|', expected 6 (v1|clinic|patient|flag|date|checksum)");
            return false;
        }

        if (parts[0] != Version)
        {
            error = $"the row key has version '{parts[0]}', expected '{Version}'";
            return false;
        }

        if (parts[1].Length == 0 || parts[2].Length == 0 || parts[3].Length == 0)
        {
            error = "the row key has an empty clinic, patient or flag";
            return false;
        }

        if (!DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            error = $"the row key's date '{parts[4]}' is not a date written yyyy-MM-dd";
            return false;
        }

        var body = Body(parts[1], parts[2], parts[3], asOf);
        if (!string.Equals(parts[5], Checksum(body), StringComparison.Ordinal))
        {
            error = "the row key's checksum does not match: the key was changed after the list was written";
            return false;
        }

        key = new OutreachRowKey(parts[1], parts[2], parts[3], asOf);
        error = null;
        return true;
    }

    public override string ToString() => Value;

    private static string Body(string clinicId, string patientId, string flag, DateOnly asOf) =>
        string.Join(Separator, Version, clinicId, patientId, flag, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Checksum(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..ChecksumLength];

    private static void RequirePart(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Contains(Separator, StringComparison.Ordinal) || value.Any(char.IsControl) || value != value.Trim())
        {
            throw new ArgumentException($"A row key part must be non-empty, without '|', control characters or surrounding spaces: '{value}'.", name);
        }
    }
}
