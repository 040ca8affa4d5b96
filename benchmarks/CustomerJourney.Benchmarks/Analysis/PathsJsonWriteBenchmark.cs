using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Json;

namespace CustomerJourney.Benchmarks.Analysis;

/// <summary>
/// Writing the paths JSON of the generated log with every variant listed (a million at 10M events, 257 MB), as
/// <c>cj paths</c> without <c>--top</c> does, to a null stream and to a file: on the calling thread (the baseline), and
/// formatted on two.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PathsJsonWriteBenchmark
{
    private JourneyStatistics _statistics = null!;
    private string _file = null!;

    [Params(10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _statistics = JourneyAnalyzer.Analyze(GeneratedLog.Create(Events), GeneratedLog.Map(), new AnalyzerOptions { MaxDegreeOfParallelism = 2 });
        _file = Path.Combine(Path.GetTempPath(), $"cj-paths-benchmark-{Environment.ProcessId}.json");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    /// <summary>Every variant, formatted on the calling thread.</summary>
    [Benchmark(Baseline = true)]
    public void WriteAllVariants() => JourneyStatisticsJson.WritePathsJson(Stream.Null, _statistics);

    /// <summary>Every variant, formatted on two threads.</summary>
    [Benchmark]
    public void WriteAllVariantsTwoThreads() => JourneyStatisticsJson.WritePathsJson(Stream.Null, _statistics, maxDegreeOfParallelism: 2);

    /// <summary>Every variant formatted on the calling thread, into a file as <c>cj paths --out</c> writes it (the page cache's copy included).</summary>
    [Benchmark]
    public void WriteAllVariantsToFile()
    {
        using var file = new FileStream(_file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        JourneyStatisticsJson.WritePathsJson(file, _statistics);
    }

    /// <summary>Every variant formatted on two threads, into a file.</summary>
    [Benchmark]
    public void WriteAllVariantsTwoThreadsToFile()
    {
        using var file = new FileStream(_file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        JourneyStatisticsJson.WritePathsJson(file, _statistics, maxDegreeOfParallelism: 2);
    }
}
