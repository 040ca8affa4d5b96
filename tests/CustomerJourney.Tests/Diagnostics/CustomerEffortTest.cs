using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Rendering;
using CustomerJourney.Tests.Events;

namespace CustomerJourney.Tests.Diagnostics;

/// <summary>CES: the effort field read from every format, counted per touchpoint and segment, reported with its interval.</summary>
public sealed class CustomerEffortTest
{
    private const string Csv =
        "customer_id,timestamp,stage,channel,rating,effort,segment\n" +
        "a,2026-05-01T10:00:00Z,look,web,5,7,family\n" +
        "a,2026-05-01T10:05:00Z,buy,web,4,6,family\n" +
        "b,2026-05-01T11:00:00Z,look,web,,2,\n" +
        "b,2026-05-01T11:05:00Z,buy,store,2,1,family\n" +
        "c,2026-05-01T12:00:00Z,look,web,3,,solo\n" +
        "c,2026-05-01T12:05:00Z,buy,store,,5,solo\n";

    private static JourneyMap Map { get; } = JourneyMap.CreateBuilder("effort")
        .AddStage("look", "Look", JourneyPhase.Acquisition, 1)
        .AddStage("buy", "Buy", JourneyPhase.Acquisition, 2)
        .AddChannel("web", "Web")
        .AddChannel("store", "Store", ChannelKind.Physical)
        .AddTouchpoint("look", "web").AddTouchpoint("buy", "web").AddTouchpoint("buy", "store")
        .WithConversionStage("buy")
        .AddPersona("parents", "Parents", segment: "family")
        .Build();

    [Fact]
    public void Analyzer_CountsEffortAnswers_PerTouchpoint_AndPerSegment()
    {
        var stats = JourneyAnalyzer.Analyze(CsvEventReaderTest.Read(Csv), Map, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new long[] { 0, 1, 0, 0, 0, 0, 1 }, stats.Touchpoints.Single(t => t.Activity == "look@web").Efforts);
        Assert.Equal(new long[] { 1, 0, 0, 0, 1, 0, 0 }, stats.Touchpoints.Single(t => t.Activity == "buy@store").Efforts);
        // A journey's segment is its first; b has none until its second event, so all of b's answers count for family.
        var family = stats.Segments.Single(s => s.Segment == "family");
        Assert.Equal(new long[] { 1, 1, 0, 0, 0, 1, 1 }, family.Efforts);
        Assert.Equal(new long[] { 0, 1, 0, 1, 1 }, family.Ratings);
        var solo = stats.Segments.Single(s => s.Segment == "solo");
        Assert.Equal(new long[] { 0, 0, 0, 0, 1, 0, 0 }, solo.Efforts);
        Assert.Equal(new long[] { 0, 0, 1, 0, 0 }, solo.Ratings);
    }

    [Fact]
    public void Diagnosis_ReportsCes_AsTheShareOfFiveToSeven_WithItsWilsonInterval()
    {
        var stats = JourneyAnalyzer.Analyze(CsvEventReaderTest.Read(Csv), Map, cancellationToken: TestContext.Current.CancellationToken);
        var report = JourneyDiagnostician.Diagnose(Map, stats);

        // Answers 7, 6, 2, 1, 5: three of five at 5 or more.
        var ces = Assert.IsType<ProportionEstimate>(report.Ces);
        Assert.Equal((3L, 5L), (ces.Successes, ces.Trials));
        var wilson = Proportions.Wilson(3, 5);
        Assert.Equal(wilson.Low, ces.Low, 12);
        Assert.Equal(wilson.High, ces.High, 12);
        Assert.Equal((1L, 2L), (report.CesByTouchpoint["look@web"].Successes, report.CesByTouchpoint["look@web"].Trials));
        Assert.Equal((2L, 4L), (report.CesBySegment["family"].Successes, report.CesBySegment["family"].Trials));
        Assert.Equal(report.CesBySegment["family"], report.CesByPersona["parents"]);
        Assert.Equal((1L, 1L), (report.CesBySegment["solo"].Successes, report.CesBySegment["solo"].Trials));
        // CSAT per segment too: family rated 5, 4, 2 → two of three at 4 or 5.
        Assert.Equal((2L, 3L), (report.CsatBySegment["family"].Successes, report.CsatBySegment["family"].Trials));
        Assert.Equal(report.CsatBySegment["family"], report.CsatByPersona["parents"]);
    }

    [Fact]
    public void Diagnosis_WithoutEffortAnswers_HasNoCes_RatherThanOneMadeUp()
    {
        var stats = JourneyAnalyzer.Analyze(CsvEventReaderTest.Read(Csv.Replace(",effort,", ",other,", StringComparison.Ordinal)), Map, cancellationToken: TestContext.Current.CancellationToken);
        var report = JourneyDiagnostician.Diagnose(Map, stats);
        Assert.Null(report.Ces);
        Assert.Empty(report.CesByTouchpoint);
        Assert.NotNull(report.Csat);
    }

    [Fact]
    public void ReportJson_AndRenderers_CarryCes()
    {
        var stats = JourneyAnalyzer.Analyze(CsvEventReaderTest.Read(Csv), Map, cancellationToken: TestContext.Current.CancellationToken);
        var report = JourneyDiagnostician.Diagnose(Map, stats);

        using var doc = JsonDocument.Parse(DiagnosticReportJson.Serialize(report));
        var ces = doc.RootElement.GetProperty("ces");
        Assert.Equal(3, ces.GetProperty("overall").GetProperty("easy").GetInt64());
        Assert.Equal(5, ces.GetProperty("overall").GetProperty("answers").GetInt64());
        Assert.Equal(2, ces.GetProperty("bySegment").GetProperty("family").GetProperty("easy").GetInt64());
        Assert.Equal(2, doc.RootElement.GetProperty("csat").GetProperty("byPersona").GetProperty("parents").GetProperty("satisfied").GetInt64());

        var markdown = ReportRenderer.ToMarkdown(report, Map, stats);
        Assert.Contains("- CES (effort answers 5–7 of 7): 60% [", markdown, StringComparison.Ordinal);
        Assert.Contains("| Segment family | 66.7% | [", markdown, StringComparison.Ordinal);
        var html = ReportRenderer.ToHtml(report, Map, stats);
        Assert.Contains("CES (effort 5–7 of 7)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_RoundTripThroughJson_WithEfforts()
    {
        var stats = JourneyAnalyzer.Analyze(CsvEventReaderTest.Read(Csv), Map, cancellationToken: TestContext.Current.CancellationToken);
        var back = JourneyStatisticsJson.Deserialize(JourneyStatisticsJson.Serialize(stats));
        Assert.Equal(stats, back);
        Assert.Equal(stats.Segments.Single(s => s.Segment == "family").Efforts, back.Segments.Single(s => s.Segment == "family").Efforts);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("0")]
    [InlineData("-1")]
    public void Csv_EffortOutOfRange_IsRefused_NamingFileLineAndField(string value)
    {
        var text = "customer_id,timestamp,stage,channel,effort\na,2026-05-01T10:00:00Z,look,web,5\nb,2026-05-01T10:00:00Z,look,web," + value + "\n";
        var ex = CsvEventReaderTest.Fails(text);
        Assert.Equal(RejectionReason.OutOfRange, ex.Reason);
        Assert.Equal(("test.csv", 3L, "effort"), (ex.SourceName, ex.Line, ex.Field));

        var log = CsvEventReaderTest.Read(text, new EventLogOptions { ErrorMode = ErrorMode.Lenient });
        Assert.Equal(1, log.Count);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.OutOfRange));
    }

    [Fact]
    public void JsonLines_AndXes_ReadTheEffortField()
    {
        var jsonl = "{\"customer_id\":\"a\",\"timestamp\":\"2026-05-01T10:00:00Z\",\"stage\":\"look\",\"channel\":\"web\",\"effort\":6}\n";
        var fromJson = EventLogFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), EventLogFormat.JsonLines, null, "t.jsonl", TestContext.Current.CancellationToken);
        Assert.Equal(6, fromJson.ToEvents().Single().Effort);

        var xes = "<log><trace><string key=\"concept:name\" value=\"a\"/><event><string key=\"concept:name\" value=\"look@web\"/>" +
                  "<date key=\"time:timestamp\" value=\"2026-05-01T10:00:00Z\"/><int key=\"effort\" value=\"3\"/></event></trace></log>";
        Assert.Equal(3, XesEventReaderTest.Read(xes).ToEvents().Single().Effort);
    }

    [Fact]
    public void JourneyEvent_RefusesAnEffortOutsideOneToSeven()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new JourneyEvent("a", DateTimeOffset.UnixEpoch, "look", "web", effort: 8));
        Assert.Equal("effort", ex.ParamName);
    }
}
