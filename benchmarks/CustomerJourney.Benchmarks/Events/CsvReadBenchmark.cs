using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Events;

/// <summary>
/// Reading the generated log's CSV (about 55 bytes per event) from a MemoryStream into an <see cref="EventLog"/>, against
/// the baseline of scanning the same bytes in 1 MiB blocks counting newlines and commas: the ratio is the cost of parsing,
/// interning and filling the columns.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CsvReadBenchmark
{
    private byte[] _csv = [];

    [Params(1_000_000, 10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = GeneratedLog.Csv(GeneratedLog.Create(Events));
        Console.WriteLine($"// CSV bytes: {_csv.Length}");
    }

    /// <summary>Counts newlines and commas in the same bytes: the least any CSV reader must do.</summary>
    [Benchmark(Baseline = true)]
    public long ScanBytes()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        return ByteScan.CountNewlinesAndCommas(stream);
    }

    private static readonly EventLogOptions s_twoThreads = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Reads the full log: parse, intern, fill columns, on the calling thread.</summary>
    [Benchmark]
    public EventLog ReadLog()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        return EventLogReader.Read(stream, EventLogFormat.Csv);
    }

    /// <summary>The same read with parts of the input parsed on 2 threads (the log is identical).</summary>
    [Benchmark]
    public EventLog ReadLogTwoThreads()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        return EventLogReader.Read(stream, EventLogFormat.Csv, s_twoThreads);
    }
}
