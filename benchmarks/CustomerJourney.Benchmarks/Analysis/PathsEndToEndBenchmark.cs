using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Benchmarks.Events;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Benchmarks.Analysis;

/// <summary>
/// What <c>cj paths</c> does, without the file system: read the generated CSV from a MemoryStream and analyze it on 2 threads
/// (map inferred from the log), against the baseline of scanning the same bytes counting newlines and commas; the read on
/// one thread (as before parallel parsing) and on two (as <c>cj</c> reads now); and all of it, writing the paths JSON with
/// every variant (a million here, 257 MB, formatted on two threads) as <c>cj paths</c> without <c>--top</c> does.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PathsEndToEndBenchmark
{
    private byte[] _csv = [];
    private AnalyzerOptions _options = null!;
    private EventLogOptions _read = null!;

    [Params(10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = GeneratedLog.Csv(GeneratedLog.Create(Events));
        _options = new AnalyzerOptions { MaxDegreeOfParallelism = 2 };
        _read = new EventLogOptions { MaxDegreeOfParallelism = 2 };
    }

    /// <summary>Counts newlines and commas in the same bytes.</summary>
    [Benchmark(Baseline = true)]
    public long ScanBytes()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        return ByteScan.CountNewlinesAndCommas(stream);
    }

    /// <summary>Reads the CSV on the calling thread and analyzes it on 2.</summary>
    [Benchmark]
    public JourneyStatistics ReadAndAnalyze()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        var log = EventLogReader.Read(stream, EventLogFormat.Csv);
        return JourneyAnalyzer.Analyze(log, map: null, _options);
    }

    /// <summary>Reads the CSV on 2 threads and analyzes it on 2.</summary>
    [Benchmark]
    public JourneyStatistics ReadTwoThreadsAndAnalyze()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        var log = EventLogReader.Read(stream, EventLogFormat.Csv, _read);
        return JourneyAnalyzer.Analyze(log, map: null, _options);
    }

    /// <summary>Reads on 2 threads, analyzes on 2, and writes the paths JSON with every variant to a null stream, formatted on 2.</summary>
    [Benchmark]
    public JourneyStatistics ReadAnalyzeAndWriteAllVariants()
    {
        var statistics = ReadTwoThreadsAndAnalyze();
        JourneyStatisticsJson.WritePathsJson(Stream.Null, statistics, maxDegreeOfParallelism: 2);
        return statistics;
    }
}
