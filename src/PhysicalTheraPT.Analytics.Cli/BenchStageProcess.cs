using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using PhysicalTheraPT.Analytics.Benchmarks;
using PhysicalTheraPT.Analytics.Cli.Commands;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// Runs <c>ptanalytics bench-stage</c> as a child process and reads its measurement back, so a stage's
/// peak memory is measured in a fresh process and not raised by the stages before it.
/// </summary>
internal static class BenchStageProcess
{
    public static async Task<BenchStageMeasurement> MeasureAsync(
        BenchStage stage, BenchStageSettings settings, IReadOnlyList<string> databaseArguments, CancellationToken cancellationToken)
    {
        var (exitCode, output, error, _) = await RunAsync(
            databaseArguments.Concat(
            [
                BenchStageCommand.Name, "--stage", stage.ToName(),
                "--appointments", settings.Dataset.Appointments.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--runs", settings.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--import-dir", settings.ImportDirectory, "--work-dir", settings.WorkDirectory,
            ]),
            cancellationToken);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = lines.LastOrDefault(line => line.StartsWith('{'));
        if (exitCode != 0 || json is null)
        {
            throw new InvalidOperationException(
                $"The benchmark stage '{stage.ToName()}' failed (exit code {exitCode}): {string.Join('\n', lines)}\n{error}");
        }

        return JsonSerializer.Deserialize<BenchStageMeasurement>(json)!;
    }

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/> and waits for it to exit (killing it when
    /// cancelled): its exit code, what it wrote, and the time from spawn to exit.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error, TimeSpan Elapsed)> RunAsync(
        IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = StartInfo();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error, stopwatch.Elapsed);
    }

    /// <summary>
    /// This program again: the <c>ptanalytics</c> executable when that is what runs, else (under
    /// <c>dotnet</c>, e.g. in the tests) <c>dotnet exec ptanalytics.dll</c>.
    /// </summary>
    private static ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "ptanalytics")
        {
            start.FileName = processPath;
            return start;
        }

        start.FileName = DotnetHost();
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        return start;
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
