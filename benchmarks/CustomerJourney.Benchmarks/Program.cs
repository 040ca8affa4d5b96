using BenchmarkDotNet.Running;

// Jobs and filters come from the command line, e.g.:
//   dotnet run -c Release --project benchmarks/CustomerJourney.Benchmarks -- --filter '*Map*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
