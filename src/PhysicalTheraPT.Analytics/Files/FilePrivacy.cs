namespace PhysicalTheraPT.Analytics.Files;

/// <summary>Who may read a file the service writes.</summary>
internal enum FilePrivacy
{
    /// <summary>Readable by all, writable by the owner (at most 0644 on Unix): for files without patient data.</summary>
    Shared,

    /// <summary>
    /// Owner only (0600 on Unix), from the moment the file exists: for anything that holds patient
    /// contact details or lists flagged patients.
    /// </summary>
    OwnerOnly,
}
