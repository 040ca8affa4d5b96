using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Robustness;

/// <summary>Maps, logs and statistics are immutable and the analyzer keeps no shared state: concurrent use gives the same answers.</summary>
public class ConcurrencyTest
{
    [Fact]
    public void Analyze_ManyTimesInParallelOnSharedInputs_GivesIdenticalStatistics()
    {
        var map = JourneyTemplates.SushiRestaurant;
        var log = GenerateLog(map, customers: 2_000, seed: 7);
        var expected = JourneyAnalyzer.Analyze(log, map, cancellationToken: TestContext.Current.CancellationToken);
        var expectedJson = JourneyStatisticsJson.Serialize(expected);

        var results = new JourneyStatistics[32];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = JourneyAnalyzer.Analyze(log, map, new AnalyzerOptions { MaxDegreeOfParallelism = 1 + (i % 3) }, TestContext.Current.CancellationToken));

        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.All(results, r => Assert.Equal(expectedJson, JourneyStatisticsJson.Serialize(r)));
    }

    [Fact]
    public void Merge_InParallel_IsStable()
    {
        var map = JourneyTemplates.SushiRestaurant;
        var parts = Enumerable.Range(0, 8).Select(s => JourneyAnalyzer.Analyze(GenerateLog(map, 300, s), map)).ToArray();
        var sequential = parts.Aggregate(JourneyStatistics.Merge);
        var merged = new JourneyStatistics[16];
        Parallel.For(0, merged.Length, i => merged[i] = parts.Reverse().Aggregate(JourneyStatistics.Merge));
        Assert.All(merged, m => Assert.Equal(sequential, m));
    }

    internal static EventLog GenerateLog(JourneyMap map, int customers, int seed)
    {
        var random = new Random(seed);
        var events = new List<JourneyEvent>();
        var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.FromHours(1));
        for (var c = 0; c < customers; c++)
        {
            var time = start.AddMinutes(random.Next(0, 100_000));
            var rank = 0;
            while (rank < map.Stages.Count && random.NextDouble() < 0.85)
            {
                var stage = map.Stages[rank];
                var offered = map.GetOfferedChannels(stage.Id);
                var channel = offered.Count > 0 ? offered[random.Next(offered.Count)].Id : map.Channels[0].Id;
                events.Add(new JourneyEvent(
                    "c" + c,
                    time,
                    stage.Id,
                    channel,
                    sentiment: random.NextDouble() < 0.5 ? Math.Round((random.NextDouble() * 2) - 1, 2) : null,
                    nps: random.NextDouble() < 0.1 ? random.Next(0, 11) : null));
                time = time.AddMinutes(random.Next(0, 30));
                rank += random.NextDouble() < 0.1 ? 2 : 1;
            }
        }

        return EventLog.FromEvents(events.OrderBy(_ => random.Next()), new EventLogOptions { Map = map });
    }
}
