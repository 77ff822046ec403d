using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Builds each job in a service scope of its own, from the command's services plus what the scheduling
/// host owns (the job client a fan-out enqueues with), handed to the constructors that ask for it.
/// </summary>
internal sealed class ServiceScopeJobActivator : JobActivator
{
    private readonly IServiceScopeFactory _scopes;
    private readonly object[] _hostServices;

    public ServiceScopeJobActivator(IServiceScopeFactory scopes, params object[] hostServices)
    {
        _scopes = scopes;
        _hostServices = hostServices;
    }

    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(_scopes.CreateScope(), _hostServices);

    private sealed class Scope(IServiceScope scope, object[] hostServices) : JobActivatorScope
    {
        public override object Resolve(Type type)
        {
            // ActivatorUtilities wants exactly the extra arguments a constructor takes.
            var wanted = type.GetConstructors()
                .SelectMany(constructor => constructor.GetParameters())
                .Select(parameter => parameter.ParameterType)
                .ToList();
            var arguments = hostServices.Where(service => wanted.Any(parameterType => parameterType.IsInstanceOfType(service))).ToArray();
            return ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, arguments);
        }

        public override void DisposeScope() => scope.Dispose();
    }
}
