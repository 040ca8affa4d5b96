using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Rendering;
using CustomerJourney.Tests.Diagnostics;

namespace CustomerJourney.Tests.Rendering;

public sealed class ReportRendererTest
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly Lazy<(DiagnosticReport Report, JourneyStatistics Stats)> s_planted = new(() =>
    {
        var stats = PlantedLogs.Analyze(PlantedLogs.Events(7, 1500));
        return (JourneyDiagnostician.Diagnose(PlantedLogs.Map, stats), stats);
    });

    [Fact]
    public void Html_IsWellFormed_SelfContained_AndHasEverySection()
    {
        var (report, stats) = s_planted.Value;
        Assert.NotEmpty(report.Findings);

        var html = ReportRenderer.ToHtml(report, PlantedLogs.Map, stats);
        var doc = Parse(html);

        // No script, no frame, no external resource of any kind: the page reads offline and from a mail attachment.
        var names = doc.Descendants().Select(e => e.Name.LocalName).ToHashSet(StringComparer.Ordinal);
        foreach (var forbidden in new[] { "script", "iframe", "object", "embed", "link", "img", "image", "use", "foreignObject" })
        {
            Assert.DoesNotContain(forbidden, names);
        }

        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);

        var sections = doc.Descendants(Xhtml + "section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(new[] { "heatmap", "emotion", "funnel", "switches", "findings", "nps", "gaps" }, sections);
        Assert.Equal(2, doc.Descendants(XNamespace.Get("http://www.w3.org/2000/svg") + "svg").Count());

        // The findings table: a header row, then one row per finding with its explanation, in the report's order.
        var rows = Section(doc, "findings").Descendants(Xhtml + "tr").Skip(1).ToList();
        Assert.Equal(report.Findings.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(report.Findings[i].Explanation, rows[i].Elements(Xhtml + "td").Last().Value);
        }

        // The funnel draws one bar per step of the report's funnel.
        Assert.Equal(report.Funnel.Count, Section(doc, "funnel").Descendants().Count(e => e.Name.LocalName == "rect"));
    }

    [Fact]
    public void Html_HeatmapCells_StateTheObservedMeanAndTheFindingsThere()
    {
        var (report, stats) = s_planted.Value;
        var doc = Parse(ReportRenderer.ToHtml(report, PlantedLogs.Map, stats));
        var grid = Section(doc, "heatmap").Descendants(Xhtml + "tr").ToList();
        var channels = PlantedLogs.Map.Channels;
        Assert.Equal(PlantedLogs.Map.Stages.Count + 1, grid.Count);

        foreach (var t in stats.Touchpoints.Where(t => t.Sentiment.Count > 0))
        {
            var row = grid[PlantedLogs.Map.GetStageRank(t.Stage) + 1];
            var cell = row.Elements(Xhtml + "td").ElementAt(channels.Select(c => c.Id).ToList().IndexOf(t.Channel));
            Assert.Contains(MapCells.Signed(t.Sentiment.Mean) + " · n " + t.Sentiment.Count, cell.Value, StringComparison.Ordinal);
            Assert.StartsWith("background:#", (string?)cell.Attribute("style"), StringComparison.Ordinal);
        }

        // Every finding at a touchpoint has a badge whose tooltip is its explanation.
        var badges = Section(doc, "heatmap").Descendants(Xhtml + "span")
            .Where(s => ((string?)s.Attribute("class"))?.StartsWith("badge", StringComparison.Ordinal) == true)
            .Select(s => (string?)s.Attribute("title"))
            .ToList();
        Assert.Equal(
            report.Findings.Where(f => f.ChannelId is not null).Select(f => f.Explanation).Order(StringComparer.Ordinal),
            badges.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Html_EscapesEveryNameFromInput()
    {
        const string stageName = "<script>alert('s')</script> & \"stage\"";
        const string channelName = "\"><img src=x onerror=alert(1)>";
        var map = JourneyMap.CreateBuilder("</title><script>alert(2)</script>")
            .AddStage("a", stageName, JourneyPhase.Acquisition, 1)
            .AddStage("b", "B\u0001\u2028end", JourneyPhase.Acquisition, 2)
            .AddChannel("web", channelName)
            .AddChannel("store", "Store ' \" < > &", ChannelKind.Physical)
            .AddTouchpoint("a", "web", desiredExperience: 0.5)
            .AddTouchpoint("b", "web")
            .AddTouchpoint("b", "store")
            .WithConversionStage("b")
            .Build();
        var events = new List<JourneyEvent>();
        for (var i = 0; i < 40; i++)
        {
            var id = "c" + i;
            events.Add(new JourneyEvent(id, PlantedLogs.T0, "a", "web", sentiment: i % 2 == 0 ? 0.8 : -0.4));
            events.Add(new JourneyEvent(id, PlantedLogs.T0.AddMinutes(5), "b", i % 3 == 0 ? "store" : "web", rating: 1 + (i % 5)));
        }

        var stats = JourneyAnalyzer.Analyze(EventLog.FromEvents(events), map, cancellationToken: TestContext.Current.CancellationToken);
        var report = JourneyDiagnostician.Diagnose(map, stats);
        var html = ReportRenderer.ToHtml(report, map, stats);

        var doc = Parse(html); // a control character or an unescaped quote would make this throw
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "img");
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.Equal("</title><script>alert(2)</script>", doc.Descendants(Xhtml + "h1").Single().Value.Replace("Diagnosis: ", string.Empty, StringComparison.Ordinal));
        var heatmap = Section(doc, "heatmap");
        Assert.Contains(heatmap.Descendants(Xhtml + "th"), th => th.Value == stageName);
        Assert.Contains(heatmap.Descendants(Xhtml + "th"), th => th.Value == channelName);
        Assert.Contains(heatmap.Descendants(Xhtml + "th"), th => th.Value == "B\uFFFD\u2028end");
    }

    [Fact]
    public void Markdown_EscapesNames_SoNoTableBreaks()
    {
        var map = JourneyMap.CreateBuilder("m")
            .AddStage("a", "A | <b>bold</b>", JourneyPhase.Acquisition, 1)
            .AddStage("b", "B\nnext line", JourneyPhase.Acquisition, 2)
            .AddChannel("web", "Web | site")
            .AddTouchpoint("a", "web")
            .AddTouchpoint("b", "web")
            .WithConversionStage("b")
            .Build();
        var events = new List<JourneyEvent>();
        for (var i = 0; i < 10; i++)
        {
            events.Add(new JourneyEvent("c" + i, PlantedLogs.T0, "a", "web", sentiment: 0.5));
            events.Add(new JourneyEvent("c" + i, PlantedLogs.T0.AddMinutes(1), "b", "web"));
        }

        var stats = JourneyAnalyzer.Analyze(EventLog.FromEvents(events), map, cancellationToken: TestContext.Current.CancellationToken);
        var markdown = ReportRenderer.ToMarkdown(JourneyDiagnostician.Diagnose(map, stats), map, stats);

        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.Contains("| A \\| \\<b\\>bold\\</b\\> | ✓ (observed +0.5) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| B next line | ✓ |", markdown, StringComparison.Ordinal);
        foreach (var table in Tables(markdown))
        {
            var widths = table.Select(line => line.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')).Distinct().ToList();
            Assert.Single(widths);
        }
    }

    [Fact]
    public void Markdown_ListsTheFindingsWithTheirEvidence_UpToTheLimit()
    {
        var (report, stats) = s_planted.Value;
        Assert.True(report.Findings.Count > 2);

        var all = ReportRenderer.ToMarkdown(report, PlantedLogs.Map, stats);
        foreach (var f in report.Findings)
        {
            Assert.Contains(MarkdownText.Escape(f.Explanation) + " |", all, StringComparison.Ordinal);
        }

        Assert.Contains("- Findings: " + ReportFigures.CountByKind(report) + "\n", all, StringComparison.Ordinal);
        Assert.Contains("\n## Funnel\n", all, StringComparison.Ordinal);
        Assert.Contains("| All journeys | " + StatisticsFigures.SignedOneDecimal(report.Nps!.Score) + " |", all, StringComparison.Ordinal);

        var two = ReportRenderer.ToMarkdown(report, PlantedLogs.Map, stats, new ReportRenderOptions { MaxFindings = 2 });
        Assert.Contains(MarkdownText.Escape(report.Findings[1].Explanation), two, StringComparison.Ordinal);
        Assert.DoesNotContain(MarkdownText.Escape(report.Findings[2].Explanation), two, StringComparison.Ordinal);
        Assert.Contains("\n" + (report.Findings.Count - 2) + " other finding", two, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_AreTheSameBytes_WhateverTheRowOrder()
    {
        var events = PlantedLogs.Events(11, 800);
        var shuffled = events.OrderBy(_ => Guid.NewGuid()).ToList();
        var a = PlantedLogs.Analyze(events);
        var b = PlantedLogs.Analyze(shuffled);
        var ra = JourneyDiagnostician.Diagnose(PlantedLogs.Map, a);
        var rb = JourneyDiagnostician.Diagnose(PlantedLogs.Map, b);

        Assert.Equal(ReportRenderer.ToHtml(ra, PlantedLogs.Map, a), ReportRenderer.ToHtml(rb, PlantedLogs.Map, b));
        Assert.Equal(ReportRenderer.ToMarkdown(ra, PlantedLogs.Map, a), ReportRenderer.ToMarkdown(rb, PlantedLogs.Map, b));
    }

    [Fact]
    public void MapOnlyDiagnosis_RendersTheDesign_AndSaysNothingWasObserved()
    {
        var report = JourneyDiagnostician.Diagnose(PlantedLogs.Map);
        var html = ReportRenderer.ToHtml(report, PlantedLogs.Map);
        var doc = Parse(html);
        Assert.Contains("no event log", Section(doc, "heatmap").Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No event log", Section(doc, "funnel").Value, StringComparison.Ordinal);
        Assert.Contains("desired experience only", Section(doc, "emotion").Value, StringComparison.Ordinal);

        var markdown = ReportRenderer.ToMarkdown(report, PlantedLogs.Map);
        Assert.Contains("No event log: no funnel.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticsOfAnotherLog_AreRefused()
    {
        var (report, _) = s_planted.Value;
        var other = PlantedLogs.Analyze(PlantedLogs.Events(3, 50));
        var ex = Assert.Throws<ArgumentException>(() => ReportRenderer.ToHtml(report, PlantedLogs.Map, other));
        Assert.Contains("not those the report was made from", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ReportRenderer.ToMarkdown(null!, PlantedLogs.Map));
        Assert.Throws<ArgumentNullException>(() => ReportRenderer.WriteHtml(null!, report, PlantedLogs.Map));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Options_RejectAConfidenceOutOfRange(double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportRenderOptions { Confidence = confidence });

    [Fact]
    public void Options_RejectANegativeFindingLimit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportRenderOptions { MaxFindings = -1 });

    [Fact]
    public void EmotionCurve_MeanAndBoundedInterval_PerStage()
    {
        var map = JourneyMap.CreateBuilder("m")
            .AddStage("a", "A", JourneyPhase.Acquisition, 1)
            .AddStage("b", "B", JourneyPhase.Acquisition, 2)
            .AddStage("c", "C", JourneyPhase.Acquisition, 3)
            .AddChannel("web", "Web")
            .AddChannel("store", "Store")
            .AddTouchpoint("a", "web").AddTouchpoint("a", "store").AddTouchpoint("b", "web").AddTouchpoint("c", "web")
            .WithConversionStage("c")
            .Build();
        var events = new List<JourneyEvent>
        {
            new("x", PlantedLogs.T0, "a", "web", sentiment: 1.0),
            new("y", PlantedLogs.T0, "a", "store", sentiment: 0.0),
            new("x", PlantedLogs.T0.AddMinutes(1), "b", "web"), // no sentiment: stage b has no point
            new("x", PlantedLogs.T0.AddMinutes(2), "c", "web", sentiment: -1.0),
        };
        var stats = JourneyAnalyzer.Analyze(EventLog.FromEvents(events), map, cancellationToken: TestContext.Current.CancellationToken);

        var curve = ReportFigures.SentimentByStage(map, stats, 0.95);

        Assert.Equal(new[] { "a", "c" }, curve.Select(p => p.Stage.Id));
        // Stage a: mean 0.5 over 2 events (both channels), half-width 1.96 × √((1 − 0.25) / 2) = 1.2 → [−0.7, 1] clamped.
        Assert.Equal(0.5, curve[0].Mean, 12);
        Assert.Equal(2, curve[0].Count);
        Assert.Equal(0.5 - (Proportions.Z95 * Math.Sqrt(0.75 / 2)), curve[0].Low, 9);
        Assert.Equal(1.0, curve[0].High);
        // Stage c: mean −1 with no possible variance, so the interval is the point.
        Assert.Equal(-1.0, curve[1].Low);
        Assert.Equal(-1.0, curve[1].High);
    }

    [Theory]
    [InlineData(-1.0, "#cf222e")]
    [InlineData(0.0, "#f6f8fa")]
    [InlineData(1.0, "#1a7f37")]
    [InlineData(double.NaN, "#f6f8fa")]
    public void SentimentColor_RunsFromRedThroughGreyToGreen(double mean, string expected) =>
        Assert.Equal(expected, HtmlReportWriter.SentimentColor(mean));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a<b>&\"'", "a&lt;b&gt;&amp;&quot;&#39;")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("\ud83c\udf63 sushi", "\ud83c\udf63 sushi")]
    public void HtmlText_EscapesMarkupAndControlCharacters(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void HtmlText_ReplacesALoneSurrogate() =>
        Assert.Equal("lone \uFFFD.", HtmlText.Escape("lone " + (char)0xD83C + "."));

    internal static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader);
    }

    private static XElement Section(XDocument doc, string id) =>
        doc.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == id);

    private static IEnumerable<List<string>> Tables(string markdown)
    {
        var table = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                table.Add(line);
            }
            else if (table.Count > 0)
            {
                yield return table;
                table = new List<string>();
            }
        }

        if (table.Count > 0)
        {
            yield return table;
        }
    }
}
