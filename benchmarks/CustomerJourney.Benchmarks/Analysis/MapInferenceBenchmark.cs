using BenchmarkDotNet.Attributes;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Analysis;

/// <summary>
/// Inferring the map of the generated log (what <c>cj paths</c> does without <c>--map</c>) once the log keeps its grouping
/// index, on one thread (baseline) and on two: the stage positions are counted per customer range on each thread.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MapInferenceBenchmark
{
    private EventLog _log = null!;

    [Params(10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = GeneratedLog.Create(Events);
        JourneyMapInference.Infer(_log, 2); // groups the log once: both methods measure the inference proper
        System.Console.WriteLine($"// {_log}");
    }

    /// <summary>One thread.</summary>
    [Benchmark(Baseline = true)]
    public JourneyMap OneThread() => JourneyMapInference.Infer(_log, 1);

    /// <summary>Two threads.</summary>
    [Benchmark]
    public JourneyMap TwoThreads() => JourneyMapInference.Infer(_log, 2);
}
