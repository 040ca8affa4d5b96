using System;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Analysis;

public class JourneyStatisticsPropertiesTest
{
    [Property]
    public bool Merge_IsAssociative(int[] a, int[] b, int[] c)
    {
        var (x, y, z) = (TestLogs.Analyze(TestLogs.Events(a, customerPrefix: "a")), TestLogs.Analyze(TestLogs.Events(b, customerPrefix: "b")),
            TestLogs.Analyze(TestLogs.Events(c, customerPrefix: "c")));
        return x.Merge(y).Merge(z).Equals(x.Merge(y.Merge(z)));
    }

    [Property]
    public bool Merge_IsCommutative(int[] a, int[] b)
    {
        var x = TestLogs.Analyze(TestLogs.Events(a, customerPrefix: "a"));
        var y = TestLogs.Analyze(TestLogs.Events(b, customerPrefix: "b"));
        return JourneyStatistics.Merge(x, y).Equals(JourneyStatistics.Merge(y, x));
    }

    [Property]
    public bool Analyze_OfCustomerPartitionThenMerge_EqualsWhole(int[] codes, int salt)
    {
        var events = TestLogs.Events(codes);
        bool InFirst(JourneyEvent e) => ((StringComparer.Ordinal.GetHashCode(e.CustomerId) ^ salt) & 1) == 0;
        var first = TestLogs.Analyze(events.Where(InFirst));
        var second = TestLogs.Analyze(events.Where(e => !InFirst(e)));
        return first.Merge(second).Equals(TestLogs.Analyze(events));
    }

    [Property]
    public bool Analyze_IsIndependentOfRowOrder(int[] codes, int seed)
    {
        // Ties keep input order, so only the interleaving of customers is free; the map is inferred here on purpose.
        var events = TestLogs.Events(codes);
        var whole = JourneyAnalyzer.Analyze(TestLogs.Log(events));
        return JourneyAnalyzer.Analyze(TestLogs.Log(TestLogs.Interleave(events, seed))).Equals(whole);
    }

    [Property]
    public bool Analyze_IsIndependentOfRowOrder_FullPermutationWithoutTies(int[] codes, int seed)
    {
        var events = TestLogs.Events(codes, tieFree: true);
        return TestLogs.Analyze(TestLogs.Shuffle(events, seed)).Equals(TestLogs.Analyze(events));
    }

    [Property]
    public Property Analyze_IsIndependentOfDegreeOfParallelism(int[] codes) =>
        Prop.ForAll(Gen.Choose(2, 8).ToArbitrary(), degree =>
        {
            var log = TestLogs.Log(TestLogs.Events(codes));
            var sequential = JourneyAnalyzer.Analyze(log, TestLogs.Map);
            var parallel = JourneyAnalyzer.Analyze(log, TestLogs.Map, new AnalyzerOptions { MaxDegreeOfParallelism = degree });
            return parallel.Equals(sequential);
        });

    [Property]
    public bool DirectlyFollowsSum_EqualsEventsMinusJourneys(int[] codes)
    {
        var s = TestLogs.Analyze(TestLogs.Events(codes));
        return s.DirectlyFollows.Sum(e => e.Count) == s.Events - s.Journeys
            && s.Transitions.Total == s.Events - s.Journeys
            && s.DurationBetweenEvents.Count == s.Events - s.Journeys;
    }

    [Property]
    public bool EventsPlusAnalyzerDrops_EqualLogCount(int[] codes)
    {
        var s = TestLogs.Analyze(TestLogs.Events(codes));
        return s.Events + s.Rejections.Values.Sum() == codes.Length && s.Activities.Values.Sum() == s.Events;
    }

    [Property]
    public bool Funnel_NeverIncreases(int[] codes)
    {
        var s = TestLogs.Analyze(TestLogs.Events(codes));
        var previous = s.Journeys;
        foreach (var step in s.Funnel)
        {
            if (step.Journeys > previous || step.Previous != previous || step.Conversion < 0 || step.Conversion > 1)
            {
                return false;
            }

            previous = step.Journeys;
        }

        return true;
    }

    [Property]
    public bool VariantCounts_SumToJourneys(int[] codes)
    {
        var s = TestLogs.Analyze(TestLogs.Events(codes));
        var top = s.TopVariants(2);
        return s.Variants.Sum(v => v.Count) == s.Journeys
            && s.StartActivities.Values.Sum() == s.Journeys && s.EndActivities.Values.Sum() == s.Journeys
            && top.Variants.Sum(v => v.Count) + top.OtherJourneys == s.Journeys;
    }

    [Property]
    public bool ExperienceTables_CountEachVisitingJourneyOnce(int[] codes)
    {
        var events = TestLogs.Events(codes);
        var s = TestLogs.Analyze(events, new AnalyzerOptions { Duplicates = DuplicatePolicy.Keep });
        var visits = events.GroupBy(e => e.StageId + (e.ChannelId == "default" ? "" : "@" + e.ChannelId), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Select(e => e.CustomerId).Distinct().Count(), StringComparer.Ordinal);
        return s.Touchpoints.All(t => t.Experience.Journeys == visits[t.Activity]) && s.Touchpoints.Count == visits.Count
            && s.Nps.Total <= s.Journeys && (s.Nps.Total == 0 || (s.Nps.Score >= -100 && s.Nps.Score <= 100));
    }

    [Property]
    public bool Statistics_JsonRoundTrip_IsIdentity(int[] codes)
    {
        var s = TestLogs.Analyze(TestLogs.Events(codes));
        var json = JourneyStatisticsJson.Serialize(s);
        var back = JourneyStatisticsJson.Deserialize(json);
        return back.Equals(s) && JourneyStatisticsJson.Serialize(back) == json;
    }

    [Property]
    public bool PathsJson_IsIndependentOfRowOrder(int[] codes, int seed)
    {
        var events = TestLogs.Events(codes);
        var expected = JourneyStatisticsJson.ToPathsJsonUtf8(JourneyAnalyzer.Analyze(TestLogs.Log(events)), top: 3);
        var actual = JourneyStatisticsJson.ToPathsJsonUtf8(JourneyAnalyzer.Analyze(TestLogs.Log(TestLogs.Interleave(events, seed))), top: 3);
        return actual.SequenceEqual(expected);
    }

    [Property]
    public bool DuplicatesKept_AddExactlyTheDroppedEvents(int[] codes)
    {
        var events = TestLogs.Events(codes);
        var dropped = TestLogs.Analyze(events);
        var kept = TestLogs.Analyze(events, new AnalyzerOptions { Duplicates = DuplicatePolicy.Keep });
        dropped.Rejections.TryGetValue(RejectionReason.Duplicate, out var duplicates);
        return kept.Events == dropped.Events + duplicates && kept.Journeys == dropped.Journeys
            && !kept.Rejections.ContainsKey(RejectionReason.Duplicate);
    }
}
