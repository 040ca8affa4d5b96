using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Json;

namespace CustomerJourney.Benchmarks.Analysis;

/// <summary>
/// Writing the paths JSON of the generated log with every variant listed (a million at 10M events, 257 MB), as
/// <c>cj paths</c> without <c>--top</c> does, to a null stream: on the calling thread (the baseline), and formatted on two.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PathsJsonWriteBenchmark
{
    private JourneyStatistics _statistics = null!;

    [Params(10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _statistics = JourneyAnalyzer.Analyze(GeneratedLog.Create(Events), GeneratedLog.Map(), new AnalyzerOptions { MaxDegreeOfParallelism = 2 });

    /// <summary>Every variant, formatted on the calling thread.</summary>
    [Benchmark(Baseline = true)]
    public void WriteAllVariants() => JourneyStatisticsJson.WritePathsJson(Stream.Null, _statistics);

    /// <summary>Every variant, formatted on two threads.</summary>
    [Benchmark]
    public void WriteAllVariantsTwoThreads() => JourneyStatisticsJson.WritePathsJson(Stream.Null, _statistics, maxDegreeOfParallelism: 2);
}
