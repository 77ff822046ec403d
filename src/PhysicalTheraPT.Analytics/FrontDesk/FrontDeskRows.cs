namespace PhysicalTheraPT.Analytics.FrontDesk;

/// <summary>One recorded outcome as the pages show it: the patient, what, when, who (initials, and the web user when recorded on the web).</summary>
internal sealed class ContactRow
{
    public string PatientId { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string Outcome { get; init; } = "";

    public DateOnly OutcomeOn { get; init; }

    public string StaffInitials { get; init; } = "";

    public string? Notes { get; init; }

    /// <summary>The worked list's file name, or <c>web</c>.</summary>
    public string Source { get; init; } = "";

    /// <summary>The signed-in user who recorded it on the web; null for a worked list.</summary>
    public string? UserName { get; init; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>A patient's details for their history page.</summary>
internal sealed class PatientRow
{
    public string PatientId { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? PreferredChannel { get; init; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>A patient and every outcome recorded for them, newest first.</summary>
internal sealed record PatientHistory(PatientRow Patient, IReadOnlyList<ContactRow> Contacts);

/// <summary>A patient a search found.</summary>
internal sealed class FoundPatient
{
    public string ClinicId { get; init; } = "";

    public string PatientId { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>One outcome recorded on the web, as the audit keeps it.</summary>
internal sealed class AuditRow
{
    public string UserName { get; init; } = "";

    public string ClinicId { get; init; } = "";

    public string PatientId { get; init; } = "";

    public string Outcome { get; init; } = "";

    public DateOnly OutcomeOn { get; init; }

    public string Changed { get; init; } = "";

    public DateTime RecordedAt { get; init; }
}
