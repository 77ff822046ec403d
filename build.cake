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
var benchRounds = Argument("rounds", "1");

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
    // bench measures the sizes side by side, stage by stage, and reports the growth between them. Each size
    // needs a database of its own: SQLite gets a file per size; on a server put {appointments} in the
    // connection's database name (bench creates it when it is missing).
    RunCli($"bench {DatabaseArguments(connection)} --appointments {appointments} --runs {benchRuns} --rounds {benchRounds} --output {artifacts}/bench");
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
