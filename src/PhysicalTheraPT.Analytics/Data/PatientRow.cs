namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// A row of <c>patients</c>. Names, phone and email are health data: they go to front-desk files only,
/// never to logs. <see cref="PreferredChannel"/>: phone, sms, email or null.
/// </summary>
internal sealed record PatientRow(
    string PatientId,
    string ClinicId,
    string FirstName,
    string LastName,
    DateOnly? BirthDate,
    string? Phone,
    string? Email,
    string? PreferredChannel,
    bool DoNotContact);
