using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace CustomerJourney.Benchmarks.Model;

/// <summary>
/// Building and validating a large map (100 stages × 40 channels, every cell a touchpoint, 400 hand-offs)
/// and reading it from JSON, against the baseline of merely copying the same element objects: the ratio is the cost of validation and indexing.
/// </summary>
[MemoryDiagnoser]
public class MapBenchmark
{
    private const int StageCount = 100;
    private const int ChannelCount = 40;
    private Stage[] _stages = [];
    private Channel[] _channels = [];
    private Touchpoint[] _touchpoints = [];
    private Handoff[] _handoffs = [];
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _stages = new Stage[StageCount];
        for (var s = 0; s < StageCount; s++)
        {
            _stages[s] = new Stage("s" + s, "Stage " + s, s, (JourneyPhase)(s % 3));
        }

        _channels = new Channel[ChannelCount];
        for (var c = 0; c < ChannelCount; c++)
        {
            _channels[c] = new Channel("c" + c, "Channel " + c, (ChannelKind)(c % 2));
        }

        var touchpoints = new List<Touchpoint>();
        foreach (var s in _stages)
        {
            foreach (var c in _channels)
            {
                touchpoints.Add(new Touchpoint(s.Id, c.Id, offered: true, expected: true, desiredExperience: 0.5));
            }
        }

        _touchpoints = touchpoints.ToArray();
        var handoffs = new List<Handoff>();
        for (var i = 0; i < 400; i++)
        {
            handoffs.Add(new Handoff("c" + (i % ChannelCount), "c" + ((i + 1 + (i / ChannelCount)) % ChannelCount), i % 2 == 0 ? null : "s" + (i % StageCount)));
        }

        _handoffs = handoffs.ToArray();
        _json = System.Text.Encoding.UTF8.GetBytes(CustomerJourney.Json.JourneyMapJson.Serialize(BuildAndValidate()));
    }

    /// <summary>Copies the elements into lists: the least any map type must do.</summary>
    [Benchmark(Baseline = true)]
    public int CopyElements()
    {
        var all = new List<object>(_stages.Length + _channels.Length + _touchpoints.Length + _handoffs.Length);
        all.AddRange(_stages);
        all.AddRange(_channels);
        all.AddRange(_touchpoints);
        all.AddRange(_handoffs);
        return all.Count;
    }

    /// <summary>Builds and validates the map: unique ids and orders, references, the touchpoint grid, hand-off index.</summary>
    [Benchmark]
    public JourneyMap BuildAndValidate() => new(_stages, _channels, _touchpoints, _handoffs);

    /// <summary>Reads the same map from its JSON (about 400 KB): parse, build, validate.</summary>
    [Benchmark]
    public JourneyMap LoadJson()
    {
        using var stream = new System.IO.MemoryStream(_json, writable: false);
        return CustomerJourney.Json.JourneyMapJson.Read(stream);
    }
}
