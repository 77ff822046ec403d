namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>How far one step has come: <see cref="Done"/> of <see cref="Total"/> units (patients, rows, files).</summary>
internal readonly record struct DemoProgress(int StepIndex, double Done, double Total);
