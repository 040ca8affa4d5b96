using System;
using System.IO;
using System.Xml;
using BenchmarkDotNet.Attributes;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Events;

/// <summary>
/// Reading the generated log's XES from a MemoryStream into an <see cref="EventLog"/>, against the baseline of an
/// <see cref="XmlReader"/> (DTDs prohibited, no resolver, like the reader) that only counts elements: the ratio is the cost
/// of interpreting the attributes and filling the columns on top of XML tokenizing.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class XesReadBenchmark
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    private byte[] _xes = [];

    [Params(1_000_000)]
    public int Events { get; set; }

    /// <summary>Threads the read may use: on two, the traces are read in parts (XesPartReader).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _xes = GeneratedLog.Xes(GeneratedLog.Create(Events));
        Console.WriteLine($"// XES bytes: {_xes.Length}");
    }

    /// <summary>Tokenizes the same XML and counts elements: the least any XES reader must do.</summary>
    [Benchmark(Baseline = true)]
    public long CountElements()
    {
        using var stream = new MemoryStream(_xes, writable: false);
        using var reader = XmlReader.Create(stream, s_settings);
        long elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                elements++;
            }
        }

        return elements;
    }

    /// <summary>Reads the full log.</summary>
    [Benchmark]
    public EventLog ReadLog()
    {
        using var stream = new MemoryStream(_xes, writable: false);
        return EventLogReader.Read(stream, EventLogFormat.Xes, new EventLogOptions { MaxDegreeOfParallelism = Threads });
    }
}
