using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// Identifies one row of an outreach list, so a list front desk filled in can be read back and each
/// outcome tied to the right patient, flag and list: <c>v2|clinic|patient|flag|yyyy-MM-dd|signature</c>.
/// The signature is the installation's HMAC of everything before it (<see cref="ListSigningKey"/>): a key
/// edited by hand, made up, or written by another installation does not verify.
/// </summary>
internal sealed record OutreachRowKey
{
    public const string Version = "v2";

    /// <summary>Keys of lists made before keys were signed: refused, with the advice to make a new list.</summary>
    private const string UnsignedVersion = "v1";

    /// <summary>Keeps a row key's signature apart from any other message the same key signs.</summary>
    private const string Purpose = "outreach-row-key|";

    private const char Separator = '|';

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

    /// <summary>The key as written into the workbook, signed with the installation's key.</summary>
    internal string SignedWith(ListSigningKey signingKey)
    {
        var body = Body(ClinicId, PatientId, Flag, AsOf);
        return body + Separator + signingKey.Sign(Purpose + body);
    }

    public static OutreachRowKey Create(string clinicId, string patientId, string flag, DateOnly asOf)
    {
        RequirePart(clinicId, nameof(clinicId));
        RequirePart(patientId, nameof(patientId));
        RequirePart(flag, nameof(flag));
        return new OutreachRowKey(clinicId, patientId, flag, asOf);
    }

    /// <summary>Reads a key back; on failure <paramref name="error"/> says what is wrong with it, for the import report.</summary>
    internal static bool TryParse(string? text, ListSigningKey signingKey, [NotNullWhen(true)] out OutreachRowKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the row key is empty";
            return false;
        }

        var parts = text.Trim().Split(Separator);
        if (parts[0] == UnsignedVersion)
        {
            error = "the row key is of a list made before lists were signed (version v1); such lists can no longer be imported. Make a new list with `ptanalytics outreach lists` and record the calls on it";
            return false;
        }

        if (parts.Length != 6)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the row key has {parts.Length} parts separated by '|', expected 6 ({Version}|clinic|patient|flag|date|signature)");
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
        if (!signingKey.Verifies(Purpose + body, parts[5]))
        {
            error = "the row key's signature does not match: the key was changed after the list was written, or the list was made from another database";
            return false;
        }

        key = new OutreachRowKey(parts[1], parts[2], parts[3], asOf);
        error = null;
        return true;
    }

    /// <summary>The key without its signature: clinic, patient, flag and date, fit for a log.</summary>
    public override string ToString() => Body(ClinicId, PatientId, Flag, AsOf);

    private static string Body(string clinicId, string patientId, string flag, DateOnly asOf) =>
        string.Join(Separator, Version, clinicId, patientId, flag, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void RequirePart(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Contains(Separator, StringComparison.Ordinal) || value.Any(char.IsControl) || value != value.Trim())
        {
            throw new ArgumentException($"A row key part must be non-empty, without '|', control characters or surrounding spaces: '{value}'.", name);
        }
    }
}
