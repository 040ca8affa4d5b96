using System;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Rendering;

namespace CustomerJourney.Tests.Rendering;

public sealed class JourneyMapRendererObservedTest
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static JourneyMap Map { get; } = JourneyMap.CreateBuilder("Tiny")
        .AddStage("look", "Look", JourneyPhase.Acquisition, 1)
        .AddStage("buy", "Buy", JourneyPhase.Acquisition, 2)
        .AddChannel("web", "Web")
        .AddChannel("store", "Store", ChannelKind.Physical)
        .AddTouchpoint("look", "web", desiredExperience: 0.5)
        .AddTouchpoint("buy", "web", desiredExperience: 1.0)
        .AddTouchpoint("buy", "store", desiredExperience: -1.0)
        .WithConversionStage("buy")
        .Build();

    [Fact]
    public void ToMermaid_WithoutObservedStatistics_ScoresTheDesiredExperience()
    {
        Assert.Equal(
            "journey\n    title Tiny\n    section Look\n        Web: 4: Web\n    section Buy\n        Web: 5: Web\n        Store: 1: Store\n",
            JourneyMapRenderer.ToMermaid(Map));
    }

    [Fact]
    public void ToMermaid_WithObservedStatistics_ScoresWhatCustomersLived()
    {
        // Observed means: look@web 0 → 3 (desired +0.5 would give 4); buy@web +0.5 → 4 (desired +1 would give 5);
        // buy@store has no rated event, so its desired -1 still gives 1.
        var options = new JourneyMapRenderOptions { ObservedStatistics = StatisticsRendererTest.Tiny() };

        Assert.Equal(
            "journey\n    title Tiny\n    section Look\n        Web: 3: Web\n    section Buy\n        Web: 4: Web\n        Store: 1: Store\n",
            JourneyMapRenderer.ToMermaid(Map, options));
    }

    [Fact]
    public void ToMermaid_ObservedButNoDesired_ScoresTheObservedElseThree()
    {
        var map = JourneyMap.CreateBuilder("Plain")
            .AddStage("look", "Look").AddStage("buy", "Buy")
            .AddChannel("web", "Web")
            .AddTouchpoint("look", "web").AddTouchpoint("buy", "web")
            .Build();
        var stats = Analyze(EventLog.FromEvents(new[] { new JourneyEvent("c1", T0, "look", "web", sentiment: -0.9) }), map);

        var mermaid = JourneyMapRenderer.ToMermaid(map, new JourneyMapRenderOptions { ObservedStatistics = stats });

        Assert.Equal("journey\n    title Plain\n    section Look\n        Web: 1: Web\n    section Buy\n        Web: 3: Web\n", mermaid);
    }

    [Fact]
    public void ToMarkdown_WithObservedStatistics_ShowsTheObservedMeanNextToTheDesired()
    {
        var markdown = JourneyMapRenderer.ToMarkdown(Map, new JourneyMapRenderOptions { ObservedStatistics = StatisticsRendererTest.Tiny() });

        Assert.Contains("| Look | acquisition | ✓ +0.5 (observed 0) |  |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Buy | acquisition | ✓ +1 (observed +0.5) | ✓ -1 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains(" · observed: mean sentiment of the events, from -1 to +1\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_ObservedAtAnUndeclaredPair_ShowsItAlone()
    {
        var stats = Analyze(EventLog.FromEvents(new[] { new JourneyEvent("c1", T0, "look", "store", sentiment: -0.8, status: EventStatus.Failed) }), Map);

        var markdown = JourneyMapRenderer.ToMarkdown(Map, new JourneyMapRenderOptions { ObservedStatistics = stats, IncludeDesiredExperience = false });

        Assert.Contains("| Look | acquisition | ✓ | (observed -0.8) |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_WithoutObservedStatistics_IsUnchanged()
    {
        var markdown = JourneyMapRenderer.ToMarkdown(Map);

        Assert.DoesNotContain("observed", markdown, StringComparison.Ordinal);
        Assert.Contains("| Buy | acquisition | ✓ +1 | ✓ -1 |\n", markdown, StringComparison.Ordinal);
    }

    private static JourneyStatistics Analyze(EventLog log, JourneyMap? map = null, AnalyzerOptions? options = null) =>
        JourneyAnalyzer.Analyze(log, map, options, TestContext.Current.CancellationToken);

}
