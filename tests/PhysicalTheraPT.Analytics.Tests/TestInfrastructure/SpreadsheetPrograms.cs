using System.Diagnostics;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// The programs other than Excel that front desk (or a script) saves a list with, run for real: Python's
/// openpyxl (Debian's python3-openpyxl) and LibreOffice (libreoffice-calc-nogui). <c>.ci/run</c>
/// installs both.
/// </summary>
internal static class SpreadsheetPrograms
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Debian's own Python, where python3-openpyxl installs (a python3 earlier on the PATH may lack it).</summary>
    private static readonly string Python3 = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static readonly Lazy<string?> OpenpyxlMissing = new(() =>
        Run(Python3, ["-c", "import openpyxl"], out var output) ? null : "python3 with openpyxl is not installed (apt-get install python3-openpyxl): " + output.Trim());

    private static readonly Lazy<string?> LibreOfficeMissing = new(() =>
        Run("soffice", ["--version"], out var output) ? null : "LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui): " + output.Trim());

    public static string? WhyOpenpyxlUnavailable => OpenpyxlMissing.Value;

    public static string? WhyLibreOfficeUnavailable => LibreOfficeMissing.Value;

    /// <summary>Runs a Python script with the arguments; fails the test with the script's output when it fails.</summary>
    public static void Python(string script, params string[] arguments)
    {
        if (!Run(Python3, ["-c", script, .. arguments], out var output))
        {
            throw new Xunit.Sdk.XunitException("python3 failed: " + output);
        }
    }

    /// <summary>Opens the workbook in LibreOffice and saves it again as .xlsx (the file is replaced).</summary>
    public static void LibreOfficeRoundTrip(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var output = Path.Combine(folder, "libreoffice-out");
        // A profile of its own: two soffice processes sharing one profile wait for each other.
        var profile = new Uri(Path.Combine(folder, "libreoffice-profile")).AbsoluteUri;
        if (!Run("soffice", ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output, path], out var log)
            || !File.Exists(Path.Combine(output, Path.GetFileName(path))))
        {
            throw new Xunit.Sdk.XunitException("LibreOffice did not convert the workbook: " + log);
        }

        File.Move(Path.Combine(output, Path.GetFileName(path)), path, overwrite: true);
    }

    private static bool Run(string program, IEnumerable<string> arguments, out string output)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var standardError = process.StandardError.ReadToEndAsync();
            var standardOutput = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                output = program + " did not finish in " + Patience;
                return false;
            }

            output = standardOutput + standardError.Result;
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            output = exception.Message;
            return false;
        }
    }
}

/// <summary>A test that needs python3 with openpyxl: skipped with the reason when absent, except under <c>CI=true</c>, where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenpyxlFactAttribute : FactAttribute
{
    public OpenpyxlFactAttribute()
    {
        if (SpreadsheetPrograms.WhyOpenpyxlUnavailable is { } reason && !TestEnvironment.IsCi)
        {
            Skip = reason;
        }
    }
}

/// <summary>A test that needs LibreOffice: skipped with the reason when absent, except under <c>CI=true</c>, where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (SpreadsheetPrograms.WhyLibreOfficeUnavailable is { } reason && !TestEnvironment.IsCi)
        {
            Skip = reason;
        }
    }
}
