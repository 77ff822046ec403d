using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>What a command's action works with: its parsed arguments, the services, the console.</summary>
internal sealed class CommandContext(ParseResult parseResult, IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
{
    public ParseResult ParseResult { get; } = parseResult;

    public IServiceProvider Services { get; } = services;

    public IAnsiConsole Console { get; } = console;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public T? Value<T>(Option<T> option) => ParseResult.GetValue(option);
}
