using System;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Analysis;

/// <summary>
/// <see cref="JourneyAnalyzer.Analyze"/> on the generated log (10 × 5 map given), on 1 and 2 threads, against the
/// baseline of a bare counting loop over the same columns: events per activity, events per customer and directly-follows
/// pairs in input order (no grouping, no sort), in arrays. The ratio is the cost of ordering each journey and computing the
/// full statistics; Allocated shows what the analysis needs beyond its O(N) index arrays.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalyzerBenchmark
{
    private EventLog _log = null!;
    private JourneyMap _map = null!;
    private AnalyzerOptions _options = null!;

    [Params(1_000_000, 10_000_000)]
    public int Events { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = GeneratedLog.Create(Events);
        _map = GeneratedLog.Map();
        _options = new AnalyzerOptions { MaxDegreeOfParallelism = Threads };
        Console.WriteLine($"// {_log}");
    }

    /// <summary>Counts per activity, per customer and directly-follows pairs in input order: the least work over the same columns (single thread).</summary>
    [Benchmark(Baseline = true)]
    public long CountingLoop() => BareLoop.Count(_log);

    /// <summary>The full analysis: group and order journeys, transitions, funnel, variants, sketches, sentiment.</summary>
    [Benchmark]
    public JourneyStatistics Analyze() => JourneyAnalyzer.Analyze(_log, _map, _options);
}
