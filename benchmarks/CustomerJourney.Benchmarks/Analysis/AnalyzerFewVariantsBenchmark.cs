using System;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Analysis;

/// <summary>
/// <see cref="JourneyAnalyzer.Analyze"/> on a generated log with at most 18 path variants (forward journeys on one channel),
/// on one thread, against the same bare counting loop as <see cref="AnalyzerBenchmark"/>: what the analysis costs and
/// allocates per event when variants are few, as on a well-trodden journey, rather than one per journey.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalyzerFewVariantsBenchmark
{
    private EventLog _log = null!;
    private JourneyMap _map = null!;
    private AnalyzerOptions _options = null!;

    [Params(1_000_000, 10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = GeneratedLog.Create(Events, fewVariants: true);
        _map = GeneratedLog.Map();
        _options = new AnalyzerOptions { MaxDegreeOfParallelism = 1 };
        // This analysis leaves the log its grouping index: AnalyzeAgain measures the steady state.
        Console.WriteLine($"// {_log}; {JourneyAnalyzer.Analyze(_log, _map, _options).Variants.Count} variants");
    }

    /// <summary>The same bare loop as <see cref="AnalyzerBenchmark.CountingLoop"/>.</summary>
    [Benchmark(Baseline = true)]
    public long CountingLoop() => BareLoop.Count(_log);

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
