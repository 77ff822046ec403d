namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// Tests that change process-wide state (environment variables such as <c>PTA_HOME</c>) run in this
/// collection, which xunit runs on its own, never beside another test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
