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
var benchStages = Argument("stages", "");
var benchColdRuns = Argument("cold-runs", "1");

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

string DatabaseArguments(string databaseProvider, string connectionString) => string.IsNullOrEmpty(connectionString)
    ? $"--provider {databaseProvider}"
    : $"--provider {databaseProvider} --connection \"{connectionString}\"";

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
    RunCli($"db migrate {DatabaseArguments(provider, connection)}");
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
    // Measured as installed: the published CLI (ReadyToRun, docs/web.md), so the cold figures are what a
    // user's command, a cron line or the first night after a restart costs, not a JIT-only build's.
    var published = artifacts + Directory("ptanalytics");
    DotNetPublish(cli, new DotNetPublishSettings { Configuration = configuration, OutputDirectory = published });
    var ptanalytics = published + File("ptanalytics");
    // The whole record of docs/benchmarks.md in one command: --provider=sqlite,postgres measures each
    // database in turn, --connection then naming the server's (SQLite uses a file of its own per size).
    // --appointments takes one size or several (1250000,2500000,5000000): bench measures them side by
    // side, stage by stage, and reports the growth between them. On a server each size needs a database
    // of its own: put {appointments} in the connection's database name (bench creates it when missing).
    var providers = provider.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var isSqlite = (string name) => name.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
    // Checked before the first database is measured, not hours later when the server's turn comes.
    if (providers.Any(name => !isSqlite(name)) && string.IsNullOrEmpty(connection))
    {
        throw new Exception("Benchmarking a server needs --connection naming a database of its own, e.g. --connection=\"Host=127.0.0.1;Username=postgres;Database=pta_bench_{appointments}\".");
    }

    if (providers.Any(name => !isSqlite(name)) && appointments.Contains(',') && !connection.Contains("{appointments}"))
    {
        throw new Exception("Several --appointments sizes on a server need a database each: put {appointments} in the connection string, e.g. Database=pta_bench_{appointments}.");
    }

    foreach (var benchProvider in providers)
    {
        var benchConnection = providers.Length > 1 && isSqlite(benchProvider) ? "" : connection;
        var stagesArgument = string.IsNullOrEmpty(benchStages) ? "" : $" --stages {benchStages}";
        var exitCode = StartProcess(ptanalytics, new ProcessSettings
        {
            Arguments = $"bench {DatabaseArguments(benchProvider, benchConnection)} --appointments {appointments} --runs {benchRuns} --rounds {benchRounds} --cold-runs {benchColdRuns}{stagesArgument} --output {artifacts}/bench",
        });
        if (exitCode != 0)
        {
            throw new Exception($"ptanalytics bench on {benchProvider} failed (exit code {exitCode}).");
        }
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
