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
        JourneyAnalyzer.Analyze(_log, _map, _options); // the log keeps its grouping index: AnalyzeAgain measures the steady state
        Console.WriteLine($"// {_log}");
    }

    /// <summary>Counts per activity, per customer and directly-follows pairs in input order: the least work over the same columns (single thread).</summary>
    [Benchmark(Baseline = true)]
    public long CountingLoop() => BareLoop.Count(_log);

    /// <summary>
    /// Grouping by customer, ordering each journey by time, then counting activities and directly-follows pairs: the least
    /// an exact path analysis must do (single thread), a second yardstick for the analysis besides the bare loop.
    /// </summary>
    [Benchmark]
    public long GroupSortCountLoop() => BareLoop.GroupSortCount(_log);

    /// <summary>
    /// The full analysis of a log analyzed for the first time (same columns, new log object): grouping index included, as
    /// this benchmark measured before logs kept their index.
    /// </summary>
    [Benchmark]
    public JourneyStatistics Analyze() => JourneyAnalyzer.Analyze(GeneratedLog.Unanalyzed(_log), _map, _options);

    /// <summary>
    /// The same analysis of a log analyzed before, which keeps its grouping index: the steady state of a diagnosis after the
    /// paths, per-segment analyses or a notebook cell run again.
    /// </summary>
    [Benchmark]
    public JourneyStatistics AnalyzeAgain() => JourneyAnalyzer.Analyze(_log, _map, _options);
}
