using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PhysicalTheraPT.Analytics.Benchmarks.Retention.EngineBenchmarks).Assembly).Run(args);
