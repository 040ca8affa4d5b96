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
    public long CountingLoop()
    {
        var n = _log.Count;
        var customerColumn = _log.Customer;
        var activityColumn = _log.Activity;
        var activities = _log.ActivityStage.Length;
        var perActivity = new long[activities];
        var pairs = new long[(activities + 1) * activities];
        var perCustomer = new int[_log.CustomerCount];
        var last = new int[_log.CustomerCount]; // previous activity + 1, 0 = none
        for (var i = 0; i < n; i++)
        {
            var c = customerColumn[i];
            var a = activityColumn[i];
            perActivity[a]++;
            perCustomer[c]++;
            pairs[(last[c] * activities) + a]++;
            last[c] = a + 1;
        }

        return perActivity[0] + pairs[activities] + perCustomer[0];
    }

    /// <summary>The full analysis: group and order journeys, transitions, funnel, variants, sketches, sentiment.</summary>
    [Benchmark]
    public JourneyStatistics Analyze() => JourneyAnalyzer.Analyze(_log, _map, _options);
}
