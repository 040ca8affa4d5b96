using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Benchmarks.Events;

/// <summary>
/// Reading the generated log's JSON Lines from a MemoryStream into an <see cref="EventLog"/>, against the baseline of
/// scanning the same bytes in 1 MiB blocks counting newlines and commas: the ratio is the cost of JSON parsing and filling the columns.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class JsonLinesReadBenchmark
{
    private byte[] _jsonl = [];

    [Params(1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _jsonl = GeneratedLog.JsonLines(GeneratedLog.Create(Events));
        Console.WriteLine($"// JSON Lines bytes: {_jsonl.Length}");
    }

    /// <summary>Counts newlines and commas in the same bytes: the least any line reader must do.</summary>
    [Benchmark(Baseline = true)]
    public long ScanBytes()
    {
        using var stream = new MemoryStream(_jsonl, writable: false);
        return ByteScan.CountNewlinesAndCommas(stream);
    }

    /// <summary>Reads the full log.</summary>
    [Benchmark]
    public EventLog ReadLog()
    {
        using var stream = new MemoryStream(_jsonl, writable: false);
        return EventLogFiles.Read(stream, EventLogFormat.JsonLines);
    }

    private static readonly EventLogOptions s_twoThreads = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>The same read with parts of the input parsed on 2 threads (the log is identical).</summary>
    [Benchmark]
    public EventLog ReadLogTwoThreads()
    {
        using var stream = new MemoryStream(_jsonl, writable: false);
        return EventLogFiles.Read(stream, EventLogFormat.JsonLines, s_twoThreads);
    }
}
