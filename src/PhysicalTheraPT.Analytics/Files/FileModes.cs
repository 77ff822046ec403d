namespace PhysicalTheraPT.Analytics.Files;

/// <summary>
/// The permissions of what the service creates on Unix, set at creation so that they hold whatever the
/// process umask is (a umask only removes bits): folders 0700, files with patient data and SQLite
/// databases 0600, other files 0644. Nothing is ever created group- or world-writable.
/// </summary>
internal static class FileModes
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode Shared = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // SQLite gives its -wal, -shm and -journal files the mode of the database file, so those follow it.
    private static readonly string[] SqliteCompanions = ["", "-wal", "-shm", "-journal"];

    public static UnixFileMode For(FilePrivacy privacy) => privacy == FilePrivacy.OwnerOnly ? OwnerOnly : Shared;

    /// <summary>Creates <paramref name="path"/> and any missing parent owner-only (0700); existing folders are left as they are.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives only the last folder that mode, its parents 0777
        // less the umask: so each missing folder is created on its own, from the top down.
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Directory.Exists(fullPath))
        {
            return;
        }

        if (Path.GetDirectoryName(fullPath) is { } parent)
        {
            CreateFolder(parent);
        }

        Directory.CreateDirectory(fullPath, Folder);
    }

    /// <summary>
    /// Makes a SQLite database file owner-only before SQLite opens it: a new one is created empty (a valid
    /// empty database) with 0600, an existing one wider than that is narrowed, with its companions. The
    /// file holds names, phone numbers and email addresses; SQLite itself would create it 0644.
    /// </summary>
    public static void MakeSqliteDatabasePrivate(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(databasePath))
        {
            try
            {
                using var created = new FileStream(databasePath, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = OwnerOnly,
                });
            }
            catch (IOException) when (File.Exists(databasePath))
            {
                // Another process created it first; it is narrowed below like any existing file.
            }
        }

        foreach (var companion in SqliteCompanions)
        {
            var path = databasePath + companion;
            try
            {
                if (File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
                {
                    File.SetUnixFileMode(path, OwnerOnly);
                }
            }
            catch (UnauthorizedAccessException)
            {
                // Owned by another user (an administrator's copy): theirs to set; SQLite reports if it cannot open it.
            }
            catch (IOException)
            {
                // Gone between the two calls (SQLite removes a -journal at commit).
            }
        }
    }
}
