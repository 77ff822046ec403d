namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>One thing the demo made or found, and where or how much: printed in the closing summary.</summary>
internal sealed record DemoOutput(string What, string Value);
