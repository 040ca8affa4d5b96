using System;
using System.Collections.Generic;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Analysis;

/// <summary>
/// Event logs decoded from arrays of ints, so that properties take FsCheck's built-in <c>int[]</c> (which shrinks) and build the
/// domain object inside: a few customers, stages and channels, minutes from a small range so timestamps tie often.
/// </summary>
internal static class TestLogs
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] s_stages = { "aware", "info", "buy", "use" };
    private static readonly string[] s_channels = { "web", "store", "default" };

    /// <summary>The map the generated logs fit: four stages, three channels (one of them the default), conversion at buy.</summary>
    public static JourneyMap Map { get; } = BuildMap();

    /// <summary>Decodes one event per code. With <paramref name="tieFree"/>, each event gets its own minute (its index).</summary>
    public static List<JourneyEvent> Events(int[] codes, bool tieFree = false, string customerPrefix = "c")
    {
        var list = new List<JourneyEvent>(codes.Length);
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i] & 0x7FFFFFFF;
            var customer = customerPrefix + (code & 7);
            var stage = s_stages[(code >> 3) % 4];
            var channel = s_channels[(code >> 5) % 3];
            var minute = tieFree ? i : (code >> 7) % 5;
            var status = (code >> 10) % 5 == 0 ? EventStatus.Failed : EventStatus.Completed;
            double? sentiment = null;
            int? rating = null;
            string? emotion = null;
            switch ((code >> 13) % 5)
            {
                case 1: sentiment = 0.5; break;
                case 2: rating = 2; break;
                case 3: emotion = "plaisir"; break;
                case 4: emotion = "meh"; break;
            }

            var npsCode = (code >> 16) % 12;
            var segmentCode = (code >> 20) % 3;
            var effortCode = (code >> 22) % 8; // 0: no effort answer
            list.Add(new JourneyEvent(customer, T0.AddMinutes(minute), stage, channel, sentiment, rating, emotion,
                npsCode == 11 ? null : npsCode, status, segmentCode == 0 ? null : "s" + segmentCode, effort: effortCode == 0 ? null : effortCode));
        }

        return list;
    }

    public static EventLog Log(IEnumerable<JourneyEvent> events) => EventLog.FromEvents(events);

    public static JourneyStatistics Analyze(IEnumerable<JourneyEvent> events, AnalyzerOptions? options = null) =>
        JourneyAnalyzer.Analyze(Log(events), Map, options);

    /// <summary>Reorders rows across customers at random, keeping each customer's rows in their relative order.</summary>
    public static List<JourneyEvent> Interleave(List<JourneyEvent> events, int seed)
    {
        var random = new Random(seed);
        var slots = events.Select(e => e.CustomerId).OrderBy(_ => random.Next()).ToList();
        var queues = events.GroupBy(e => e.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<JourneyEvent>(g), StringComparer.Ordinal);
        return slots.Select(c => queues[c].Dequeue()).ToList();
    }

    public static List<JourneyEvent> Shuffle(List<JourneyEvent> events, int seed)
    {
        var random = new Random(seed);
        return events.OrderBy(_ => random.Next()).ToList();
    }

    private static JourneyMap BuildMap()
    {
        var b = JourneyMap.CreateBuilder("test");
        for (var i = 0; i < s_stages.Length; i++)
        {
            b.AddStage(s_stages[i], s_stages[i], JourneyPhase.Acquisition, i + 1);
        }

        foreach (var c in s_channels)
        {
            b.AddChannel(c, c);
        }

        return b.WithConversionStage("buy").Build();
    }
}
