using System;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Diagnostics;

/// <summary>The analyzer figures the diagnosis rests on, checked by hand on a three-journey log.</summary>
public class DiagnosticStatisticsTest
{
    private static readonly DateTimeOffset T0 = PlantedLogs.T0;

    private static JourneyStatistics Three() => PlantedLogs.Analyze(new[]
    {
        // c1: fails to buy on the web, buys in store (forced completion at buy@web; web → store at buy loses context: a repeat).
        new JourneyEvent("c1", T0, "select", "web", rating: 5),
        new JourneyEvent("c1", T0.AddMinutes(1), "buy", "web", rating: 1, status: EventStatus.Failed),
        new JourneyEvent("c1", T0.AddMinutes(2), "buy", "store", rating: 4),

        // c2: store → web at select, back to info, gives up (two lost moves: the back, and the end without outcome after it? no: once).
        new JourneyEvent("c2", T0, "select", "store", rating: 2),
        new JourneyEvent("c2", T0.AddMinutes(1), "info", "web", status: EventStatus.Abandoned),

        // c3: stays on the web and ends at select without buying (its last move lost context).
        new JourneyEvent("c3", T0, "info", "web", rating: 3),
        new JourneyEvent("c3", T0.AddMinutes(1), "select", "web"),
    });

    [Fact]
    public void ChannelTransitions_CountMovesAtTheStageLeftWithLostContext()
    {
        var moves = Three().ChannelTransitions.Select(m => m.ToString()).ToList();
        Assert.Equal(new[]
        {
            "info: web -> web x1 (lost 1)",
            "select: store -> web x1 (lost 1)",
            "select: web -> web x1 (lost 0)",
            "buy: web -> store x1 (lost 1)",
        }.OrderBy(x => x, StringComparer.Ordinal), moves);
    }

    [Fact]
    public void Touchpoints_CountForcedCompletionsAttemptsAndRatings()
    {
        var s = Three();
        var buyWeb = s.Touchpoints.Single(t => t.Activity == "buy@web");
        Assert.Equal(1, buyWeb.ForcedCompletions);
        Assert.Equal(1, buyWeb.Attempts);
        Assert.Equal(new long[] { 1, 0, 0, 0, 0 }, buyWeb.Ratings);
        var buyStore = s.Touchpoints.Single(t => t.Activity == "buy@store");
        Assert.Equal(0, buyStore.ForcedCompletions);
        Assert.Equal(new long[] { 0, 0, 0, 1, 0 }, buyStore.Ratings);
        Assert.Equal(1, s.Touchpoints.Single(t => t.Activity == "info@web").Attempts);
        Assert.Equal(0, s.Touchpoints.Single(t => t.Activity == "select@store").ForcedCompletions);
    }

    [Fact]
    public void NewFigures_SurviveTheFullFidelityJsonAndMerge()
    {
        var s = Three();
        var back = JourneyStatisticsJson.Deserialize(JourneyStatisticsJson.Serialize(s));
        Assert.Equal(s, back);
        Assert.Equal(s.ChannelTransitions, back.ChannelTransitions);
        var merged = s.Merge(s);
        Assert.Equal(2, merged.Touchpoints.Single(t => t.Activity == "buy@web").ForcedCompletions);
        Assert.Equal(2, merged.ChannelTransitions.Single(m => m.Stage == "buy").LostContext);
        Assert.Equal(s.Events - s.Journeys, s.ChannelTransitions.Sum(m => m.Count));
    }
}
