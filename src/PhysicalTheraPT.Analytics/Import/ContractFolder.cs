namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// Finds the contract files in an export folder (names matched ignoring case) and checks every header
/// before anything is read, so a missing column stops the import with nothing written.
/// </summary>
internal static class ContractFolder
{
    /// <summary>The contract files present, in dependency order.</summary>
    public static IReadOnlyList<(ContractFile File, string Path)> Find(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UserInputException($"The folder {directory} does not exist. Pass the folder that holds the export's CSV files with --from DIR.");
        }

        var namesInFolder = Directory.EnumerateFiles(directory).ToList();
        var files = new List<(ContractFile, string)>();
        foreach (var file in ContractFile.InDependencyOrder)
        {
            var matches = namesInFolder
                .Where(path => Path.GetFileName(path).Equals(file.FileName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (matches.Count > 1)
            {
                throw new UserInputException(
                    $"{directory} holds {string.Join(" and ", matches.Select(Path.GetFileName))}: file names are matched ignoring case, so keep one.");
            }

            if (matches.Count == 1)
            {
                files.Add((file, matches[0]));
            }
        }

        if (files.Count == 0)
        {
            throw new UserInputException(
                $"{directory} holds none of the files an import reads. Looked for: " +
                $"{string.Join(", ", ContractFile.InDependencyOrder.Select(file => file.FileName))}.");
        }

        CheckHeaders(files);
        return files;
    }

    private static void CheckHeaders(List<(ContractFile File, string Path)> files)
    {
        var problems = new List<string>();
        foreach (var (file, path) in files)
        {
            using var reader = ContractCsvReader.Open(path, file);
            problems.AddRange(reader.HeaderProblems);
        }

        if (problems.Count > 0)
        {
            throw new UserInputException("Nothing was imported: " + string.Join(Environment.NewLine, problems));
        }
    }
}
