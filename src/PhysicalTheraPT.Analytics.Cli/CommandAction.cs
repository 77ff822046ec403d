using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhysicalTheraPT.Analytics.Scheduling;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// Wraps every command's body: builds configuration (appsettings.json, <c>PTA_</c> environment variables,
/// then the command line) and services, and turns the errors a user can cause into a message and exit
/// code 2 instead of a stack trace.
/// </summary>
internal static class CommandAction
{
    public const int Success = 0;
    public const int UserError = 2;
    /// <summary>The database did not answer (down, restarting, unreachable): worth trying again later.</summary>
    public const int DatabaseUnavailable = 3;
    public const int Cancelled = 130;

    /// <summary>
    /// Sets the command's action. <paramref name="refused"/>, when given, hears of a user error (bad
    /// settings included) before it is printed, for a command that records its refusals (<c>serve --once</c>).
    /// </summary>
    public static void Set(Command command, IAnsiConsole console, Func<CommandContext, Task<int>> body, Func<CommandContext, UserInputException, Task>? refused = null)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var configuration = BuildConfiguration(parseResult);
                await using var services = BuildServices(configuration);
                var context = new CommandContext(parseResult, services, console, cancellationToken);
                try
                {
                    // Every setting is read now, so a mistake stops the command before it does anything.
                    services.GetRequiredService<BoundOptions>().ReadAll(services);
                    return await body(context);
                }
                catch (Exception exception) when (refused is not null && AsUserError(exception) is { } error)
                {
                    await refused(context, error);
                    throw error;
                }
            }
            catch (Exception exception) when (DatabaseOutage.IsOutage(exception))
            {
                console.MarkupLineInterpolated($"[red]Error:[/] the database did not answer ({FirstLine(exception.Message)}). Try again when it is back; a scheduled job that was running is marked abandoned in `ptanalytics runs` by the next server or command.");
                return DatabaseUnavailable;
            }
            catch (Exception exception) when (AsUserError(exception) is { } error)
            {
                console.MarkupLineInterpolated($"[red]Error:[/] {error.Message}");
                return UserError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                console.MarkupLine("[yellow]Cancelled.[/]");
                return Cancelled;
            }
        });
    }

    public static IConfigurationRoot BuildConfiguration(ParseResult parseResult)
    {
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "ptanalytics.json"), optional: true)
            .AddEnvironmentVariables("PTA_")
            .AddInMemoryCollection(DatabaseArguments.AsConfiguration(parseResult))
            .Build();
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static UserInputException? AsUserError(Exception exception) =>
        exception as UserInputException ?? ConfigurationProblem.Describe(exception);

    public static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddAnalytics(configuration);
        services.AddSingleton(BoundOptions.From(services));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
