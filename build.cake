// The build: `dotnet tool restore && dotnet cake --target=<Target>`.
// Offline by design: no #addin or #tool lines (they download at run time, and these machines have no
// network but the package feeds).

///////////////////////////////////////////////////////////////////////////////
// Arguments
///////////////////////////////////////////////////////////////////////////////

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var provider = Argument("provider", "sqlite");
var connection = Argument("connection", "");
var appointments = Argument("appointments", "1250000");
var benchRuns = Argument("runs", "3");

var solution = "./PhysicalTheraPT.Analytics.sln";
var cli = "./src/PhysicalTheraPT.Analytics.Cli/PhysicalTheraPT.Analytics.Cli.csproj";
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");

// Runs the one executable, built in this configuration, with the given arguments.
void RunCli(string arguments)
{
    DotNetRun(cli, new ProcessArgumentBuilder().Append(arguments), new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
    });
}

string DatabaseArguments(string connectionString) => string.IsNullOrEmpty(connectionString)
    ? $"--provider {provider}"
    : $"--provider {provider} --connection \"{connectionString}\"";

///////////////////////////////////////////////////////////////////////////////
// Tasks
///////////////////////////////////////////////////////////////////////////////

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(testResults);
    // TRX files are what .ci/run counts; the console logger is what a person reads.
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        ResultsDirectory = testResults,
        Loggers = new[] { "trx", "console;verbosity=normal" },
    });
});

Task("Migrate")
    .IsDependentOn("Build")
    .Does(() =>
{
    RunCli($"db migrate {DatabaseArguments(connection)}");
});

Task("Demo")
    .IsDependentOn("Build")
    .Does(() =>
{
    RunCli("demo");
});

Task("Bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    // --appointments takes one size or several (1250000,2500000,5000000): the whole table in one command.
    // Each size needs a database of its own: SQLite gets a file per size; on a server put {appointments}
    // in the connection's database name (bench creates it when it is missing).
    var sizes = appointments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    if (sizes.Length > 1 && !string.IsNullOrEmpty(connection) && !connection.Contains("{appointments}"))
    {
        throw new Exception("Several --appointments sizes on a server need a database each: put {appointments} in the connection string, e.g. Database=pta_bench_{appointments}.");
    }

    foreach (var size in sizes)
    {
        var sizeConnection = connection.Replace("{appointments}", size);
        RunCli($"bench {DatabaseArguments(sizeConnection)} --appointments {size} --runs {benchRuns} --output {artifacts}/bench");
    }
});

///////////////////////////////////////////////////////////////////////////////
// Targets
///////////////////////////////////////////////////////////////////////////////

Task("Default")
    .IsDependentOn("Test");

///////////////////////////////////////////////////////////////////////////////
// Execution
///////////////////////////////////////////////////////////////////////////////

RunTarget(target);
