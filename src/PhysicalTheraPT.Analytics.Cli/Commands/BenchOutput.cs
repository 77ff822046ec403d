using System.Globalization;
using PhysicalTheraPT.Analytics.Benchmarks;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// Where <c>bench</c> writes its CSV and JSON: a folder with a pair per size (and the growth between sizes),
/// or, for one size, the file name given.
/// </summary>
internal sealed class BenchOutput
{
    private readonly string? _directory;
    private readonly string? _file;
    private readonly string _provider;

    private BenchOutput(string? directory, string? file, string provider)
    {
        _directory = directory;
        _file = file;
        _provider = provider;
    }

    /// <summary>Where the files go; told before anything is seeded, so a wrong --output costs nothing.</summary>
    public string Description => _file is not null
        ? $"{Path.ChangeExtension(_file, ".csv")} and {Path.ChangeExtension(_file, ".json")}"
        : $"{_directory}{Path.DirectorySeparatorChar}bench-{_provider}-*.csv and .json";

    /// <summary>The growth from one size to the next: bench-&lt;provider&gt;-scaling.csv and .json in the folder.</summary>
    public (string Csv, string Json) Scaling => InDirectory("scaling");

    public static BenchOutput Resolve(string? output, string provider, IReadOnlyList<BenchDataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var extension = Path.GetExtension(output ?? "").ToLowerInvariant();
        if (output is not null && extension is ".csv" or ".json")
        {
            if (datasets.Count > 1)
            {
                throw new UserInputException($"--output {output} names one file, but several --appointments sizes write a table each: name a folder instead.");
            }

            var file = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return new BenchOutput(null, file, provider);
        }

        var directory = Path.GetFullPath(output ?? Path.Combine(AnalyticsPaths.DataDirectory, "bench"));
        Directory.CreateDirectory(directory);
        return new BenchOutput(directory, null, provider);
    }

    /// <summary>The table of one size: the file given, or bench-&lt;provider&gt;-&lt;N&gt;.csv and .json in the folder.</summary>
    public (string Csv, string Json) For(long appointments) => _file is not null
        ? (Path.ChangeExtension(_file, ".csv"), Path.ChangeExtension(_file, ".json"))
        : InDirectory(appointments.ToString(CultureInfo.InvariantCulture));

    private (string Csv, string Json) InDirectory(string name)
    {
        var stem = Path.Combine(_directory!, $"bench-{_provider}-{name}");
        return (stem + ".csv", stem + ".json");
    }
}
