using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// The options classes bound from configuration. Options bind lazily, at first use, which may be deep
/// inside a job on a scheduler thread; reading them all when a command starts turns a setting that does
/// not convert into one message at the start, the same for every command.
/// </summary>
internal sealed class BoundOptions(IReadOnlyList<Type> optionTypes)
{
    public static BoundOptions From(IServiceCollection services) => new(services
        .Select(descriptor => descriptor.ServiceType)
        .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
        .Select(type => type.GetGenericArguments()[0])
        .Distinct()
        .ToList());

    public void ReadAll(IServiceProvider services)
    {
        foreach (var type in optionTypes)
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            try
            {
                _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
            {
                // The binder's own exception, not reflection's wrapper, says which setting is wrong.
                ExceptionDispatchInfo.Throw(inner);
            }
        }
    }
}
