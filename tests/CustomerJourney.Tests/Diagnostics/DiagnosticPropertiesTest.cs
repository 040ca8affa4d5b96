using System;
using System.Linq;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Tests.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Diagnostics;

/// <summary>
/// Laws of the diagnosis, on two kinds of logs: FsCheck's small random logs (<see cref="TestLogs"/>, diagnosed with a
/// support of 2 and no minimum effect so that findings do appear) and seeded planted logs of a few hundred journeys.
/// </summary>
public class DiagnosticPropertiesTest
{
    private static readonly DiagnosticOptions s_lenient = new() { MinSupport = 2, MinimumEffect = 0, FalseDiscoveryRate = 0.5 };

    [Property]
    public bool Diagnose_IsIndependentOfRowOrder(int[] codes, int seed)
    {
        var events = TestLogs.Events(codes);
        var a = JourneyDiagnostician.Diagnose(TestLogs.Map, TestLogs.Analyze(events), s_lenient);
        var b = JourneyDiagnostician.Diagnose(TestLogs.Map, TestLogs.Analyze(TestLogs.Interleave(events, seed)), s_lenient);
        return a.Equals(b) && DiagnosticReportJson.SerializeToUtf8(a).SequenceEqual(DiagnosticReportJson.SerializeToUtf8(b));
    }

    [Property]
    public bool Diagnose_OfCustomerPartitionThenMerge_EqualsWhole(int[] codes, int salt)
    {
        var events = TestLogs.Events(codes);
        bool InFirst(JourneyEvent e) => ((StringComparer.Ordinal.GetHashCode(e.CustomerId) ^ salt) & 1) == 0;
        var merged = TestLogs.Analyze(events.Where(InFirst)).Merge(TestLogs.Analyze(events.Where(e => !InFirst(e))));
        return JourneyDiagnostician.Diagnose(TestLogs.Map, merged, s_lenient).Equals(JourneyDiagnostician.Diagnose(TestLogs.Map, TestLogs.Analyze(events), s_lenient));
    }

    [Property]
    public bool EveryInterval_ContainsItsEstimate_AndNpsStaysInRange(int[] codes)
    {
        var report = JourneyDiagnostician.Diagnose(TestLogs.Map, TestLogs.Analyze(TestLogs.Events(codes)), s_lenient);
        return report.Findings.Where(f => f.Rate is not null).All(Contains)
            && new[] { report.Nps }.Concat(report.NpsByTouchpoint.Values).Concat(report.NpsBySegment.Values)
                .All(n => n is null || (-100 <= n.Low && n.Low <= n.Score && n.Score <= n.High && n.High <= 100))
            && report.CsatByTouchpoint.Values.All(c => c.Low <= c.Rate && c.Rate <= c.High);
    }

    [Property(MaxTest = 8)]
    public Property PlantedLogs_AreIndependentOfRowOrder_DownToTheBytes() =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), Gen.Choose(300, 1500).ToArbitrary(), (seed, journeys) =>
        {
            var events = PlantedLogs.Events(seed, journeys);
            var shuffled = TestLogs.Shuffle(events, seed); // each customer's events have distinct times: any order is the same log
            var a = DiagnosticReportJson.SerializeToUtf8(JourneyDiagnostician.Diagnose(PlantedLogs.Map, PlantedLogs.Analyze(events)));
            var b = DiagnosticReportJson.SerializeToUtf8(JourneyDiagnostician.Diagnose(PlantedLogs.Map, PlantedLogs.Analyze(shuffled)));
            return a.SequenceEqual(b);
        });

    [Property(MaxTest = 8)]
    public Property PlantedLogs_EveryInterval_ContainsItsEstimate() =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), seed =>
            JourneyDiagnostician.Diagnose(PlantedLogs.Map, PlantedLogs.Analyze(PlantedLogs.Events(seed, 800))).Findings.Where(f => f.Rate is not null).All(Contains));

    [Property]
    public bool ChannelTransitions_SumToEventsMinusJourneys_AndLoseNoMoreThanTheyCount(int[] codes)
    {
        var s = TestLogs.Analyze(TestLogs.Events(codes));
        return s.ChannelTransitions.Sum(m => m.Count) == s.Events - s.Journeys
            && s.ChannelTransitions.All(m => m.LostContext <= m.Count)
            && s.Touchpoints.All(t => t.ForcedCompletions <= t.Experience.Journeys && t.Attempts <= t.Events && t.Ratings.Sum() <= t.Events);
    }

    [Fact]
    public void ZForConfidence_MatchesTheUsualQuantiles()
    {
        Assert.Equal(Proportions.Z95, Proportions.ZForConfidence(0.95), 9);
        Assert.Equal(2.5758293035489, Proportions.ZForConfidence(0.99), 9);
        Assert.Equal(1.6448536269515, Proportions.ZForConfidence(0.90), 9);
    }

    private static bool Contains(Finding f)
    {
        var estimate = f.Kind == FindingKind.MomentOfTruth ? f.Rate!.Value - f.Baseline!.Value : f.Rate!.Value;
        return f.CiLow <= estimate + 1e-12 && estimate <= f.CiHigh + 1e-12;
    }
}
