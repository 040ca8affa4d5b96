using System.Linq;
using CustomerJourney.Diagnostics;

namespace CustomerJourney.Tests.Diagnostics;

public class MapDiagnosisTest
{
    [Fact]
    public void Diagnose_Retail_FindsEveryExpectedButMissingTouchpoint()
    {
        var map = JourneyTemplates.Retail;
        var report = JourneyDiagnostician.Diagnose(map);
        var expected = map.Touchpoints.Where(t => t.IsExpected && !t.IsOffered).Select(t => t.StageId + "@" + t.ChannelId).OrderBy(x => x, System.StringComparer.Ordinal);
        var missing = report.Findings.Where(f => f.Subkind == FindingSubkind.Missing).Select(f => f.Place).OrderBy(x => x, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "afterSales@mobile", "afterSales@social", "comparison@forums", "information@forums" }, missing);
        Assert.Equal(expected, missing);
        Assert.All(report.Findings, f => Assert.Null(f.Rate));
        Assert.All(report.Findings, f => Assert.Equal(0, f.Support));
        Assert.Equal(0, report.Journeys);
        Assert.Null(report.Nps);
    }

    [Theory]
    [InlineData("sushi")]
    [InlineData("funnel")]
    public void Diagnose_Templates_CoverageListsTheMissingChannels(string which)
    {
        var map = which == "sushi" ? JourneyTemplates.SushiRestaurant : JourneyTemplates.SalesFunnel;
        var report = JourneyDiagnostician.Diagnose(map);
        Assert.Equal(map.Stages.Select(s => s.Id), report.Coverage.Select(c => c.StageId));
        var fromCoverage = report.Coverage.SelectMany(c => c.MissingChannels.Select(ch => c.StageId + "@" + ch)).OrderBy(x => x, System.StringComparer.Ordinal);
        var fromFindings = report.Findings.Where(f => f.Subkind == FindingSubkind.Missing).Select(f => f.Place).OrderBy(x => x, System.StringComparer.Ordinal);
        Assert.Equal(fromCoverage, fromFindings);
        Assert.NotEmpty(fromFindings);
        Assert.Equal(map.Handoffs, report.Continuity);
    }

    [Fact]
    public void Diagnose_HandMadeDeadEnd_IsAForcedSwitchUntilAHandoffOpensIt()
    {
        var closed = JourneyDiagnostician.Diagnose(PlantedLogs.BuildMap(withPhoneHandoff: false));
        var forced = closed.Findings.Where(f => f.Subkind == FindingSubkind.ForcedSwitch).Select(f => f.Place).ToList();
        Assert.Equal(new[] { "info@phone" }, forced);
        Assert.Contains("no hand-off leads to a channel that offers it", closed.Findings.Single(f => f.Subkind == FindingSubkind.ForcedSwitch).Explanation, System.StringComparison.Ordinal);

        var open = JourneyDiagnostician.Diagnose(PlantedLogs.BuildMap(withPhoneHandoff: true));
        Assert.DoesNotContain(open.Findings, f => f.Subkind == FindingSubkind.ForcedSwitch);
    }

    [Fact]
    public void Diagnose_Findings_AreSortedByKindThenScore()
    {
        var report = JourneyDiagnostician.Diagnose(PlantedLogs.Map, PlantedLogs.Analyze(PlantedLogs.Events(3, 2000)));
        for (var i = 1; i < report.Findings.Count; i++)
        {
            var (a, b) = (report.Findings[i - 1], report.Findings[i]);
            Assert.True(a.Kind < b.Kind || (a.Kind == b.Kind && a.Score >= b.Score), a + " | " + b);
        }
    }

    [Fact]
    public void Options_RejectOutOfRangeValues()
    {
        var o = new DiagnosticOptions();
        Assert.Equal(30, o.MinSupport);
        Assert.Equal(0.05, o.FalseDiscoveryRate);
        Assert.Equal(0.95, o.Confidence);
        Assert.Equal(0.05, o.MinimumEffect);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => o.MinSupport = 0);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => o.FalseDiscoveryRate = 1);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => o.Confidence = 0);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => o.MinimumEffect = -0.1);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => o.TopVariants = -1);
    }

    [Fact]
    public void Diagnose_StatisticsOfAnotherMap_Throw()
    {
        var s = PlantedLogs.Analyze(PlantedLogs.Events(1, 50));
        Assert.Throws<System.ArgumentException>(() => JourneyDiagnostician.Diagnose(JourneyTemplates.Retail, s));
    }
}
