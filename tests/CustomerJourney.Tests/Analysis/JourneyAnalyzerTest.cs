using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Analysis;

public class JourneyAnalyzerTest
{
    private static readonly DateTimeOffset T0 = TestLogs.T0;

    private static JourneyMap Map { get; } = JourneyMap.CreateBuilder()
        .AddStage("aw", "Awareness", JourneyPhase.Acquisition, 1)
        .AddStage("info", "Information", JourneyPhase.Acquisition, 2)
        .AddStage("buy", "Purchase", JourneyPhase.Acquisition, 3)
        .AddStage("use", "Usage", JourneyPhase.Retention, 4)
        .AddChannel("web", "Web site")
        .AddChannel("store", "Store", ChannelKind.Physical)
        .Build();

    /// <summary>
    /// c1: aw@web → info@web → buy@store → use@store (forward ×3, switch web→store at buy).
    /// c2: aw@web → buy@web (skip 1) → info@web (back) → info@store (tie at t6, input order; repeat, switch at info) → info@store (duplicate).
    /// c3: aw@store → aw@store (failed; repeat) → info@web (abandoned; forward, switch store→web at info).
    /// Rows are interleaved across customers and c2's buy comes after its t6 rows in input.
    /// </summary>
    private static List<JourneyEvent> ThreeJourneys() => new()
    {
        E("c1", 0, "aw", "web"),
        E("c2", 6, "info", "web", nps: 3),
        E("c3", 0, "aw", "store", sentiment: 0.9),
        E("c2", 0, "aw", "web", segment: "pro"),
        E("c1", 1, "info", "web", rating: 1),
        E("c2", 6, "info", "store", emotion: "déception"),
        E("c3", 1, "aw", "store", status: EventStatus.Failed, emotion: "meh"),
        E("c2", 6, "info", "store", emotion: "déception"),
        E("c1", 2, "buy", "store", sentiment: 0.5, nps: 10),
        E("c3", 2, "info", "web", status: EventStatus.Abandoned, nps: 9, segment: "pro"),
        E("c2", 5, "buy", "web"),
        E("c1", 3, "use", "store"),
    };

    [Fact]
    public void Analyze_ThreeJourneys_GivesTheHandCheckedFigures()
    {
        var s = Analyze(EventLog.FromEvents(ThreeJourneys()), Map);

        Assert.Equal(11, s.Events);
        Assert.Equal(3, s.Journeys);
        Assert.Equal(new Dictionary<RejectionReason, long> { [RejectionReason.Duplicate] = 1 }, s.Rejections);
        Assert.Equal(new[] { "aw@store", "aw@web", "buy@store", "buy@web", "info@store", "info@web", "use@store" }, s.Activities.Keys);
        Assert.Equal(new long[] { 2, 2, 1, 1, 1, 3, 1 }, s.Activities.Values);
        Assert.Equal(new Dictionary<string, long> { ["aw@store"] = 1, ["aw@web"] = 2 }, s.StartActivities);
        Assert.Equal(new Dictionary<string, long> { ["info@store"] = 1, ["info@web"] = 1, ["use@store"] = 1 }, s.EndActivities);

        var dfg = s.DirectlyFollows.Select(e => $"{e.From}>{e.To}:{e.Count}").ToArray();
        Assert.Equal(new[]
        {
            "aw@store>aw@store:1", "aw@store>info@web:1", "aw@web>buy@web:1", "aw@web>info@web:1",
            "buy@store>use@store:1", "buy@web>info@web:1", "info@web>buy@store:1", "info@web>info@store:1",
        }, dfg);
        var skip = s.DirectlyFollows.Single(e => e.From == "aw@web" && e.To == "buy@web");
        Assert.Equal(300.0, skip.Durations.Sum);
        Assert.Equal(300.0, skip.Durations.Min);

        Assert.Equal(new[] { "aw@store,aw@store,info@web", "aw@web,buy@web,info@web,info@store", "aw@web,info@web,buy@store,use@store" },
            s.Variants.Select(v => string.Join(",", v.Path)));
        Assert.All(s.Variants, v => Assert.Equal(1, v.Count));

        Assert.Equal(new TransitionCounts(forward: 4, skip: 1, skippedStages: 1, repeat: 2, back: 1), s.Transitions);
        Assert.Equal(new[] { "buy:web>store:1", "info:store>web:1", "info:web>store:1" },
            s.ChannelSwitches.Select(w => $"{w.Stage}:{w.FromChannel}>{w.ToChannel}:{w.Count}"));

        // Furthest completed stage: c1 use, c2 buy, c3 aw (its info event was abandoned).
        Assert.Equal(new[] { "aw:3/3", "info:2/3", "buy:2/2", "use:1/2" }, s.Funnel.Select(f => $"{f.Stage}:{f.Journeys}/{f.Previous}"));
        Assert.Equal(1.0, s.Funnel[0].Conversion);
        Assert.Equal(2.0 / 3, s.Funnel[1].Conversion, 12);
        Assert.Equal(1, s.Funnel[3].DropOff);
        Assert.Equal("buy", s.ConversionStage);
        Assert.Equal(2, s.OutcomeJourneys);
        Assert.Equal(2, s.TimeToConvert.Count);
        Assert.Equal(120.0, s.TimeToConvert.Min); // c1: t0 → buy at t2
        Assert.Equal(300.0, s.TimeToConvert.Max); // c2: t0 → buy at t5

        Assert.Equal(8, s.DurationBetweenEvents.Count);
        Assert.Equal(0.0, s.DurationBetweenEvents.Quantile(0.0)); // the tie at t6 lasts zero seconds
        Assert.Equal(new[] { "aw", "buy", "info" }, s.DurationsByStage.Keys);
    }

    [Fact]
    public void Analyze_ThreeJourneys_CountsSentimentNpsSegmentsAndExperience()
    {
        var s = Analyze(EventLog.FromEvents(ThreeJourneys()), Map);

        var infoStore = s.Touchpoints.Single(t => t.Activity == "info@store");
        Assert.Equal(1, infoStore.Sentiment.Negative); // déception → −0.5
        Assert.Equal(-0.5, infoStore.Sentiment.Mean, 12);
        Assert.Equal(new OutcomeCounts(1, 1), infoStore.Experience.Bad); // c2 converted (buy at t5)

        var infoWeb = s.Touchpoints.Single(t => t.Activity == "info@web");
        Assert.Equal(1, infoWeb.Sentiment.Negative); // rating 1 → −1
        Assert.Equal(new OutcomeCounts(1, 1), infoWeb.Experience.Bad);
        Assert.Equal(new OutcomeCounts(2, 1), infoWeb.Experience.Unrated); // c2 (converted) and c3 (not)
        Assert.Equal(1, infoWeb.Nps.Counts[3]);
        Assert.Equal(1, infoWeb.Nps.Counts[9]);

        var awStore = s.Touchpoints.Single(t => t.Activity == "aw@store");
        Assert.Equal(1, awStore.Sentiment.Positive);
        Assert.Equal(new OutcomeCounts(1, 0), awStore.Experience.Good); // c3: only 0.9 rated; "meh" is unknown
        Assert.Equal(new Dictionary<string, long> { ["meh"] = 1 }, s.UnknownEmotions);

        // Last answer per journey: c1 10, c2 3 (at t6), c3 9.
        Assert.Equal(3, s.Nps.Total);
        Assert.Equal(2, s.Nps.Promoters);
        Assert.Equal(1, s.Nps.Detractors);
        Assert.Equal(100.0 / 3, s.Nps.Score, 9);
        var pro = Assert.Single(s.Segments);
        Assert.Equal("pro", pro.Segment);
        Assert.Equal(2, pro.Journeys);
        Assert.Equal(1, pro.Nps.Promoters);
    }

    [Fact]
    public void Analyze_WithDuplicatesKept_CountsThemLikePm4py()
    {
        var s = Analyze(EventLog.FromEvents(ThreeJourneys()), Map, new AnalyzerOptions { Duplicates = DuplicatePolicy.Keep });

        Assert.Equal(12, s.Events);
        Assert.Empty(s.Rejections);
        Assert.Equal(1, s.DirectlyFollows.Single(e => e.From == "info@store" && e.To == "info@store").Count);
        Assert.Equal(3, s.Transitions.Repeat);
        Assert.Contains(s.Variants, v => string.Join(",", v.Path) == "aw@web,buy@web,info@web,info@store,info@store");
    }

    [Fact]
    public void Analyze_EqualTimestamps_KeepInputOrder()
    {
        var forward = new[] { E("c", 0, "aw", "web"), E("c", 0, "info", "web"), E("c", 0, "buy", "web") };
        var reversed = forward.Reverse().ToArray();

        var a = Analyze(EventLog.FromEvents(forward), Map);
        var b = Analyze(EventLog.FromEvents(reversed), Map);

        Assert.Equal(new[] { "aw@web", "info@web", "buy@web" }, a.Variants.Single().Path);
        Assert.Equal(new[] { "buy@web", "info@web", "aw@web" }, b.Variants.Single().Path);
        Assert.Equal(2, a.Transitions.Forward);
        Assert.Equal(2, b.Transitions.Back);
    }

    [Fact]
    public void Analyze_LongUnsortedJourney_IsStablySortedByTime()
    {
        // 200 events, 10 distinct minutes in descending blocks: exercises the merge sort; ties must keep input order.
        var events = Enumerable.Range(0, 200)
            .Select(i => E("c", 9 - (i / 20), i % 2 == 0 ? "aw" : "info", "web", nps: i % 11))
            .ToArray();
        var s = Analyze(EventLog.FromEvents(events), Map);

        var expected = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Timestamp).ThenBy(x => x.i)
            .Select(x => x.e.StageId + "@web").ToArray();
        Assert.Equal(expected, s.Variants.Single().Path);
        Assert.Equal(events.OrderBy(e => e.Timestamp).Last().Nps, Array.IndexOf(s.Nps.Counts.ToArray(), 1L));
    }

    [Fact]
    public void Analyze_WithMap_DropsAndCountsUnknownStagesAndChannels()
    {
        var events = new[] { E("c", 0, "aw", "web"), E("c", 1, "nowhere", "web"), E("c", 2, "info", "fax"), E("c", 3, "buy", "web") };

        var s = Analyze(EventLog.FromEvents(events), Map);

        Assert.Equal(2, s.Events);
        Assert.Equal(1, s.Rejections[RejectionReason.UnknownStage]);
        Assert.Equal(1, s.Rejections[RejectionReason.UnknownChannel]);
        var ex = Assert.Throws<EventLogException>(() =>
            Analyze(EventLog.FromEvents(events), Map, new AnalyzerOptions { ErrorMode = ErrorMode.Strict }));
        Assert.Equal(RejectionReason.UnknownStage, ex.Reason);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Analyze_JourneyOverTheLimit_IsLeftOutWhole()
    {
        var events = new[] { E("a", 0, "aw", "web"), E("a", 1, "info", "web"), E("a", 2, "buy", "web"), E("b", 0, "aw", "web") };
        var options = new AnalyzerOptions { MaxEventsPerJourney = 2 };

        var s = Analyze(EventLog.FromEvents(events), Map, options);

        Assert.Equal(1, s.Journeys);
        Assert.Equal(3, s.Rejections[RejectionReason.LimitExceeded]);
        options.ErrorMode = ErrorMode.Strict;
        Assert.Equal(RejectionReason.LimitExceeded,
            Assert.Throws<EventLogException>(() => Analyze(EventLog.FromEvents(events), Map, options)).Reason);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Analyze_Strict_ThrowsForTheFirstJourneyOverTheLimit_OnAnyNumberOfThreads(int threads)
    {
        // Every journey is over the limit and the threads take chunks of them as they go: the error is still the first
        // customer's, never another's or several at once.
        var events = new List<JourneyEvent>();
        for (var c = 0; c < 500; c++)
        {
            var customer = $"c{c:D3}";
            events.Add(E(customer, c, "aw", "web"));
            events.Add(E(customer, c + 1, "info", "web"));
            events.Add(E(customer, c + 2, "buy", "web"));
        }

        var log = EventLog.FromEvents(events);
        var options = new AnalyzerOptions { MaxEventsPerJourney = 2, ErrorMode = ErrorMode.Strict, MaxDegreeOfParallelism = threads };
        for (var run = 0; run < 20; run++)
        {
            var ex = Assert.Throws<EventLogException>(() => Analyze(log, Map, options));
            Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
            Assert.Equal(1, ex.Line);
            Assert.Contains("'c000'", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyze_WithoutMap_InfersStagesByMedianPositionAndNamesDefaultChannelBare()
    {
        var events = new[]
        {
            E("a", 0, "visit", "default"), E("a", 1, "cart", "default"), E("a", 2, "pay", "app"),
            E("b", 0, "visit", "default"), E("b", 1, "pay", "app"), E("b", 2, "cart", "default"), E("b", 3, "cart", "default"),
        };
        var log = EventLog.FromEvents(events);

        var map = JourneyMapInference.Infer(log);
        var s = Analyze(log);

        // Medians: visit 0, cart (1, 2, 3) → 2, pay (2, 1) → 1.5.
        Assert.Equal(new[] { "visit", "pay", "cart" }, map.Stages.Select(x => x.Id));
        Assert.Equal(new[] { 1, 2, 3 }, map.Stages.Select(x => x.Order));
        Assert.Equal(new[] { "app", "default" }, map.Channels.Select(c => c.Id));
        Assert.Equal(3, map.Touchpoints.Count);
        Assert.Equal(new[] { "visit", "pay", "cart" }, s.Stages);
        Assert.Equal(new[] { "cart", "pay@app", "visit" }, s.Activities.Keys);
        Assert.Throws<ArgumentException>(() => JourneyMapInference.Infer(EventLog.FromEvents(Array.Empty<JourneyEvent>())));
        Assert.Equal(0, Analyze(EventLog.FromEvents(Array.Empty<JourneyEvent>())).Journeys);
    }

    [Fact]
    public void Analyze_WithOutcomes_CountsThem()
    {
        var log = EventLog.FromEvents(ThreeJourneys());

        Assert.Equal(2, Analyze(log, Map, new AnalyzerOptions { Outcome = JourneyOutcome.Promoter }).OutcomeJourneys);
        Assert.Equal(1, Analyze(log, Map, new AnalyzerOptions { Outcome = JourneyOutcome.StageReached("use") }).OutcomeJourneys);
        Assert.Throws<ArgumentException>(() =>
            Analyze(log, Map, new AnalyzerOptions { Outcome = JourneyOutcome.StageReached("nowhere") }));
    }

    [Fact]
    public void Analyze_WhenCanceled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => JourneyAnalyzer.Analyze(EventLog.FromEvents(ThreeJourneys()), Map, null, cts.Token));
    }

    [Fact]
    public void Merge_OfDifferentMaps_Throws()
    {
        var log = EventLog.FromEvents(ThreeJourneys());
        var a = Analyze(log, Map);
        var b = Analyze(log, TestLogs.Map);
        var c = Analyze(log, Map, new AnalyzerOptions { PositiveThreshold = 0.5 });

        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Throws<ArgumentException>(() => a.Merge(c));
    }

    [Fact]
    public void Options_RejectInvalidValues()
    {
        var o = new AnalyzerOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => o.MaxDegreeOfParallelism = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => o.MaxEventsPerJourney = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => o.PositiveThreshold = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => o.NegativeThreshold = 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => o.SketchRelativeAccuracy = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => o.Duplicates = (DuplicatePolicy)7);
        Assert.Throws<ArgumentNullException>(() => o.Outcome = null!);
        Assert.Throws<ArgumentException>(() => o.DefaultChannel = " ");
    }

    [Fact]
    public void EmotionLexicon_KnowsFrenchAndEnglishLabels()
    {
        Assert.True(EmotionLexicon.TryGetSentiment(" Enchantement ", out var enchantment));
        Assert.Equal(1.0, enchantment);
        Assert.True(EmotionLexicon.TryGetSentiment("déception", out var deception));
        Assert.True(EmotionLexicon.TryGetSentiment("disappointment", out var disappointment));
        Assert.Equal(deception, disappointment);
        Assert.True(EmotionLexicon.TryGetSentiment("surprise", out var surprise) && surprise > 0 && surprise < 0.5);
        Assert.False(EmotionLexicon.TryGetSentiment("meh", out _));
        Assert.False(EmotionLexicon.TryGetSentiment(null, out _));
    }

    [Fact]
    public void PathsJson_HasTheDesignedShape()
    {
        var s = Analyze(EventLog.FromEvents(ThreeJourneys()), Map);

        var json = JourneyStatisticsJson.ToPathsJson(s, top: 1);

        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(new[] { "events", "journeys", "rejected", "activities", "startActivities", "endActivities", "dfg", "variants", "otherVariants",
            "funnel", "transitionKinds", "channelSwitches", "durations" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("rejected").GetProperty("duplicate").GetInt64());
        Assert.Equal(1, root.GetProperty("variants").GetArrayLength());
        Assert.Equal(2, root.GetProperty("otherVariants").GetInt64());
        var edge = root.GetProperty("dfg").EnumerateArray().Single(e => e.GetProperty("from").GetString() == "aw@web" && e.GetProperty("to").GetString() == "buy@web");
        Assert.Equal(300.0, edge.GetProperty("medianSeconds").GetDouble(), 1);
        Assert.Equal(1, root.GetProperty("transitionKinds").GetProperty("skippedStages").GetInt64());
        Assert.Equal(0.666667, root.GetProperty("funnel")[1].GetProperty("conversion").GetDouble());
        Assert.Equal(8, root.GetProperty("durations").GetProperty("betweenEvents").GetProperty("count").GetInt64());
    }

    [Fact]
    public void StatisticsJson_RejectsWrongSchema() =>
        Assert.Throws<System.Text.Json.JsonException>(() => JourneyStatisticsJson.Deserialize("{\"schema\":\"other\"}"));

    private static JourneyStatistics Analyze(EventLog log, JourneyMap? map = null, AnalyzerOptions? options = null) =>
        JourneyAnalyzer.Analyze(log, map, options, TestContext.Current.CancellationToken);

    private static JourneyEvent E(string customer, int minute, string stage, string channel, double? sentiment = null, int? rating = null,
        string? emotion = null, int? nps = null, EventStatus status = EventStatus.Completed, string? segment = null) =>
        new(customer, T0.AddMinutes(minute), stage, channel, sentiment, rating, emotion, nps, status, segment);
}
