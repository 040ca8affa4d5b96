using System;
using System.Collections.Generic;
using System.Linq;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Diagnostics;

public class JourneyDiagnosticianTest
{
    public static TheoryData<int, int> Logs => new() { { 1, 2000 }, { 2, 3000 }, { 3, 5000 }, { 42, 2500 } };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Diagnose_PlantedLog_FindsEveryPlantedKindAtItsPlace(int seed, int journeys)
    {
        var report = Diagnose(PlantedLogs.Events(seed, journeys));
        var found = report.Findings.Select(Key).ToList();
        Assert.Contains("Irritant/Dissatisfying info@web", found);
        Assert.Contains("Enchantment/None after@store", found);
        Assert.Contains("MomentOfTruth/None select@web", found);
        Assert.Contains("Irritant/ForcedCompletion buy@web", found);
        Assert.Contains("RupturePoint/ImpossibleSwitch select (store -> web)", found);
        Assert.Contains("Irritant/Missing buy@phone", found);
        Assert.Contains("Irritant/Missing select@phone", found);
        Assert.Contains("RupturePoint/ForcedSwitch info@phone", found);
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Diagnose_PlantedLog_FlagsNoDecoy(int seed, int journeys)
    {
        var report = Diagnose(PlantedLogs.Events(seed, journeys));
        Assert.DoesNotContain(report.Findings, f => f.StageId == "aware" && f.ChannelId == "phone" && f.Subkind != FindingSubkind.ForcedSwitch);
        Assert.DoesNotContain(report.Findings, f => f.StageId == "aware" && f.ChannelId == "web");
        Assert.DoesNotContain(report.Findings, f => f.FromChannelId == "web" && f.ToChannelId == "store");
        Assert.DoesNotContain(report.Findings, f => f.Kind == FindingKind.Enchantment && f.ChannelId == "web");
    }

    [Fact]
    public void Diagnose_ImpossibleSwitch_ExplainsWithItsNumbers()
    {
        var s = PlantedLogs.Analyze(PlantedLogs.Events(7, 3000));
        var f = JourneyDiagnostician.Diagnose(PlantedLogs.Map, s).Findings.Single(x => x.Subkind == FindingSubkind.ImpossibleSwitch && x.FromChannelId == "store" && x.ToChannelId == "web");
        var row = s.ChannelTransitions.Single(m => m.Stage == "select" && m.FromChannel == "store" && m.ToChannel == "web");
        Assert.Equal(row.Count, f.Support);
        Assert.Equal((double)row.LostContext / row.Count, f.Rate);
        Assert.StartsWith(Math.Round(100.0 * row.LostContext / row.Count).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "% of the " + row.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " switches from store to web at select went back", f.Explanation, StringComparison.Ordinal);
        Assert.True(f.CiLow > f.Baseline);
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Diagnose_EveryStatisticalFinding_HasAnIntervalAroundItsEstimate(int seed, int journeys)
    {
        foreach (var f in Diagnose(PlantedLogs.Events(seed, journeys)).Findings.Where(f => f.Rate is not null))
        {
            var estimate = f.Kind == FindingKind.MomentOfTruth ? f.Rate!.Value - f.Baseline!.Value : f.Rate!.Value;
            Assert.InRange(estimate, f.CiLow!.Value, f.CiHigh!.Value);
            Assert.True(f.Support >= 30 || f.Subkind == FindingSubkind.Missing, f.ToString());
        }
    }

    [Fact]
    public void Diagnose_IsIndependentOfRowOrder_DownToTheJsonBytes()
    {
        var events = PlantedLogs.Events(5, 2000);
        var a = Diagnose(events);
        var shuffled = CustomerJourney.Tests.Analysis.TestLogs.Shuffle(events, 5);
        var b = Diagnose(shuffled);
        Assert.Equal(a, b);
        Assert.Equal(DiagnosticReportJson.SerializeToUtf8(a), DiagnosticReportJson.SerializeToUtf8(b));
    }

    [Fact]
    public void Diagnose_OfMergedCustomerPartitions_EqualsWhole()
    {
        var events = PlantedLogs.Events(6, 2000);
        var first = PlantedLogs.Analyze(events.Where(e => e.CustomerId.GetHashCode(StringComparison.Ordinal) % 3 == 0));
        var rest = PlantedLogs.Analyze(events.Where(e => e.CustomerId.GetHashCode(StringComparison.Ordinal) % 3 != 0));
        var merged = JourneyDiagnostician.Diagnose(PlantedLogs.Map, first.Merge(rest));
        Assert.Equal(Diagnose(events), merged);
        Assert.NotEmpty(merged.Findings);
    }

    [Fact]
    public void Diagnose_AddingAnAverageTouchpoint_ChangesNoFinding()
    {
        var events = PlantedLogs.Events(8, 3000);
        var before = Diagnose(events).Findings.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();

        // 200 one-event journeys at after@phone (offered, unused so far), rated at the planted base rates.
        var random = new Random(8);
        var extra = new List<JourneyEvent>(events);
        for (var j = 0; j < 200; j++)
        {
            var u = random.NextDouble();
            var rating = u < 0.3 ? 5 : u < 0.6 ? 1 : 3;
            extra.Add(new JourneyEvent("avg" + j, PlantedLogs.T0, "after", "phone", rating: rating));
        }

        var after = Diagnose(extra).Findings.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public void Report_NpsAndCsat_AreInRangeWithTheirIntervals()
    {
        var report = Diagnose(PlantedLogs.Events(9, 2000));
        var all = new[] { report.Nps! }.Concat(report.NpsBySegment.Values).Concat(report.NpsByTouchpoint.Values).Concat(report.NpsByPersona.Values);
        foreach (var n in all)
        {
            Assert.InRange(n.Score, -100, 100);
            Assert.InRange(n.Low, -100, n.Score);
            Assert.InRange(n.High, n.Score, 100);
        }

        Assert.Equal(report.NpsBySegment["family"], report.NpsByPersona["p1"]);
        Assert.InRange(report.Csat!.Rate, report.Csat.Low, report.Csat.High);
        Assert.InRange(report.CsatByTouchpoint["after@store"].Rate, 0.75, 0.9);
        var gap = report.ExperienceGaps.Single(g => g.StageId == "info" && g.ChannelId == "web");
        Assert.True(gap.Gap > 0.5, gap.ToString()); // desired 0.5, observed clearly negative
        Assert.Equal(report.Journeys, report.TopVariants!.Variants.Sum(v => v.Count) + report.TopVariants.OtherJourneys);
    }

    [Fact]
    public void Report_ReferenceModel_CountsUnusedTouchpointsAndUnmappedTransitions()
    {
        var s = PlantedLogs.Analyze(PlantedLogs.Events(10, 1000));
        var report = JourneyDiagnostician.Diagnose(PlantedLogs.Map, s);
        Assert.Equal(new[] { "after@phone" }, report.UnusedTouchpoints.Select(t => t.ToString()));
        var back = report.UnmappedTransitions.Single(u => u.From == "select@store" && u.To == "info@web");
        Assert.Equal(UnmappedTransitionReason.NoHandoff, back.Reason);
        Assert.Equal(s.DirectlyFollows.Single(e => e.From == "select@store" && e.To == "info@web").Count, back.Count);
        Assert.Contains(report.UnmappedTransitions, u => u.To == "buy@phone" && u.Reason == UnmappedTransitionReason.NotOffered);
        Assert.DoesNotContain(report.UnmappedTransitions, u => u.From == "aware@web" && u.To == "info@web");
    }

    [Fact]
    public void Report_Json_HasTheSchemaMembersAndCamelCaseKinds()
    {
        var json = DiagnosticReportJson.Serialize(Diagnose(PlantedLogs.Events(11, 2000)));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        foreach (var name in new[] { "findings", "funnel", "nps", "variants", "coverage", "continuity", "csat", "experienceGaps", "referenceModel" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        var kinds = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString() + "/" + f.GetProperty("subkind").ToString()).ToList();
        Assert.Contains("rupturePoint/impossibleSwitch", kinds);
        Assert.Contains("irritant/forcedCompletion", kinds);
        Assert.Contains("momentOfTruth/", kinds);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_DeclaringTheHandoff_RemovesTheImpossibleSwitch()
    {
        var s = PlantedLogs.Analyze(PlantedLogs.Events(12, 3000));
        Assert.Contains(JourneyDiagnostician.Diagnose(PlantedLogs.Map, s).Findings, f => f.Subkind == FindingSubkind.ImpossibleSwitch && f.FromChannelId == "store");
        var b = JourneyMap.CreateBuilder("planted");
        foreach (var st in PlantedLogs.Map.Stages)
        {
            b.AddStage(st.Id, st.Name, st.Phase, st.Order);
        }

        foreach (var c in PlantedLogs.Map.Channels)
        {
            b.AddChannel(c.Id, c.Name, c.Kind);
        }

        foreach (var t in PlantedLogs.Map.Touchpoints)
        {
            b.AddTouchpoint(t.StageId, t.ChannelId, t.IsOffered, t.IsExpected, t.DesiredExperience);
        }

        var withHandoff = b.AddHandoff("web", "store").AddHandoff("store", "web", "select").WithConversionStage("buy").Build();
        Assert.DoesNotContain(JourneyDiagnostician.Diagnose(withHandoff, s).Findings, f => f.Subkind == FindingSubkind.ImpossibleSwitch && f.FromChannelId == "store");
    }

    [Fact]
    public void Diagnose_MinimumEffectAndSupport_AreHonoured()
    {
        var s = PlantedLogs.Analyze(PlantedLogs.Events(13, 3000));
        var report = JourneyDiagnostician.Diagnose(PlantedLogs.Map, s, new DiagnosticOptions { MinimumEffect = 0.9 });
        Assert.All(report.Findings.Where(f => f.Baseline is not null && f.Subkind != FindingSubkind.Missing), f => Assert.True(f.Rate - f.Baseline >= 0.9, f.ToString()));
        Assert.DoesNotContain(report.Findings, f => f.Subkind == FindingSubkind.Dissatisfying); // planted at +40 points
        Assert.Contains(report.Findings, f => f.Subkind == FindingSubkind.ForcedSwitch);
        var strict = JourneyDiagnostician.Diagnose(PlantedLogs.Map, s, new DiagnosticOptions { MinSupport = 100_000 });
        Assert.DoesNotContain(strict.Findings, f => f.Rate is not null && f.Subkind != FindingSubkind.Missing);
    }

    [Fact]
    public void ReferenceModel_NamesBacksAndSkips()
    {
        var t0 = PlantedLogs.T0;
        var s = PlantedLogs.Analyze(new[]
        {
            new JourneyEvent("c1", t0, "aware", "web"),
            new JourneyEvent("c1", t0.AddMinutes(1), "select", "web"),
            new JourneyEvent("c1", t0.AddMinutes(2), "info", "web"),
            new JourneyEvent("c1", t0.AddMinutes(3), "select", "web"),
        });
        var report = JourneyDiagnostician.Diagnose(PlantedLogs.Map, s);
        Assert.Equal(
            new[] { "aware@web -> select@web (Skip) x1", "select@web -> info@web (Back) x1" },
            report.UnmappedTransitions.Select(u => u.ToString()));
    }

    internal static string Key(Finding f) => f.Kind + "/" + f.Subkind + " " + f.Place;

    private static DiagnosticReport Diagnose(List<JourneyEvent> events) => JourneyDiagnostician.Diagnose(PlantedLogs.Map, PlantedLogs.Analyze(events));
}
