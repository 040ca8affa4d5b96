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
        var expected = shuffled
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

        var map = JourneyMapInference.Infer(EventLog.FromEvents(shuffled));
        Assert.Equal(expected, map.Stages.Select(s => s.Id));
    }
}
