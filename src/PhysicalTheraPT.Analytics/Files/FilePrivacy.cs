namespace PhysicalTheraPT.Analytics.Files;

/// <summary>Who may read a file the service writes.</summary>
public enum FilePrivacy
{
    /// <summary>The usual permissions (the process umask decides): for files without patient data.</summary>
    Shared,

    /// <summary>
    /// Owner only (0600 on Unix), from the moment the file exists: for anything that holds patient
    /// contact details or lists flagged patients.
    /// </summary>
    OwnerOnly,
}
