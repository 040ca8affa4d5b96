using System;
using System.Collections.Generic;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Analysis;

/// <summary>
/// The inferred stage order against a reference computed with LINQ: stages by the median position of their events in
/// their time-ordered journeys, ties by ordinal id. Both ways the medians are found: a stage × position histogram for
/// short journeys, sorting the positions when a journey is very long over many stages.
/// </summary>
public class JourneyMapInferenceMedianTest
{
    [Theory]
    [InlineData(12, 300, 9, 1)] // short journeys: histogram
    [InlineData(7, 40, 4, 2)] // even counts of positions: medians halfway
    [InlineData(400, 3, 4_000, 3)] // one journey of thousands of events over hundreds of stages: sorting
    public void Infer_OrdersStagesByMedianPosition(int stages, int customers, int maxLength, int seed)
    {
        var rng = new Random(seed);
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var events = new List<JourneyEvent>();
        for (var c = 0; c < customers; c++)
        {
            var length = c == 0 ? maxLength : rng.Next(1, maxLength + 1);
            for (var i = 0; i < length; i++)
            {
                // Minutes drawn with ties and out of order, so positions come from the stable time sort.
                var stage = "s" + Math.Min(stages - 1, (i * stages / Math.Max(1, length)) + rng.Next(-1, 2) + (stages / 2 * (rng.Next(8) == 0 ? 1 : 0))).ToString("D3", System.Globalization.CultureInfo.InvariantCulture).Replace("-", "m", StringComparison.Ordinal);
                events.Add(new JourneyEvent("c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture), t0.AddMinutes(i + rng.Next(-2, 3)), stage, "web"));
            }
        }

        var shuffled = events.OrderBy(_ => rng.Next()).ToList();
        var map = JourneyMapInference.Infer(EventLog.FromEvents(shuffled));
        Assert.Equal(ExpectedStages(shuffled), map.Stages.Select(s => s.Id));
    }

    /// <summary>
    /// Positions are counted over customer ranges on each thread and summed: the map is the one-thread map, with stages,
    /// channels and pairs that only later customers have, by the histogram and by sorting.
    /// </summary>
    [Theory]
    [InlineData(12, 30_000, 12, 2)] // histogram
    [InlineData(400, 110, 4_000, 3)] // one journey over hundreds of stages: sorting
    public void Infer_OnThreads_GivesTheReferenceMap(int stages, int customers, int maxLength, int parallelism)
    {
        var rng = new Random(7);
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var events = new List<JourneyEvent>();
        for (var c = 0; c < customers; c++)
        {
            var late = c >= customers * 3 / 4; // the last thread's customers
            var length = c == 0 ? maxLength : rng.Next(1, maxLength + 1);
            for (var i = 0; i < length; i++)
            {
                // In late journeys stage "zz" comes first, in the others last, and there are more late ones of it.
                var stage = late && i == 0 ? "zz" : !late && i == length - 1 && rng.Next(4) == 0 ? "zz" : "s" + Math.Min(stages - 1, i * stages / Math.Max(1, length)).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
                var channel = late && i == 1 ? "kiosk" : late && stage == "s000" ? "store" : rng.Next(3) == 0 ? "app" : "web";
                events.Add(new JourneyEvent("c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture), t0.AddMinutes(i + rng.Next(-2, 3)), stage, channel));
            }
        }

        Assert.True(events.Count >= parallelism * (1 << 16), $"only {events.Count} events: too few to count on {parallelism} threads");
        var log = EventLog.FromEvents(events);
        var expected = ExpectedStages(events).ToArray();
        var one = JourneyMapInference.Infer(log, 1);
        var many = JourneyMapInference.Infer(EventLog.FromEvents(events), parallelism); // a log of its own: grouped on threads too
        Assert.Equal(expected, one.Stages.Select(s => s.Id));
        Assert.Equal(expected, many.Stages.Select(s => s.Id));
        Assert.Equal(one.Channels.Select(ch => ch.Id), many.Channels.Select(ch => ch.Id));
        Assert.Contains("kiosk", many.Channels.Select(ch => ch.Id));
        var pairs = events.Select(e => (e.StageId, e.ChannelId)).Distinct().OrderBy(p => p).ToArray();
        Assert.Equal(pairs, many.Touchpoints.Select(tp => (tp.StageId, tp.ChannelId)).OrderBy(p => p));
        Assert.Equal(pairs, one.Touchpoints.Select(tp => (tp.StageId, tp.ChannelId)).OrderBy(p => p));
    }

    /// <summary>Stages by the median position of their events in their time-ordered journeys (ties of time in input order), then by ordinal id.</summary>
    private static IEnumerable<string> ExpectedStages(IReadOnlyList<JourneyEvent> shuffled)
    {
        return shuffled
            .Select((e, input) => (e, input))
            .GroupBy(x => x.e.CustomerId)
            .SelectMany(g => g.OrderBy(x => x.e.Timestamp.UtcTicks).ThenBy(x => x.input).Select((x, position) => (x.e.StageId, position)))
            .GroupBy(x => x.StageId)
            .Select(g =>
            {
                var p = g.Select(x => x.position).OrderBy(v => v).ToArray();
                var median = p.Length % 2 == 1 ? p[p.Length / 2] : (p[(p.Length / 2) - 1] + (double)p[p.Length / 2]) / 2.0;
                return (Stage: g.Key, Median: median);
            })
            .OrderBy(x => x.Median).ThenBy(x => x.Stage, StringComparer.Ordinal)
            .Select(x => x.Stage);
    }
}
