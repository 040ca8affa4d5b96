using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerJourney.Analysis;
using CustomerJourney.Cli;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Rendering;
using CustomerJourney.Json;
using CustomerJourney.Tests.Diagnostics;

namespace CustomerJourney.Tests.Cli;

public sealed class DiagnoseCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cj-diagnose-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Diagnose_GeneratedCsv_PrintsTheReportWithItsFindings()
    {
        var (events, map) = Inputs();
        var (code, output, error) = CliRunner.Run("diagnose", "--events", events, "--map", map);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("subkind").ToString() == "impossibleSwitch" && f.GetProperty("fromChannel").GetString() == "store");
        Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "momentOfTruth" && f.GetProperty("channel").GetString() == "web");
        Assert.Equal(2000 + 4, doc.RootElement.GetProperty("journeys").GetInt64());
    }

    [Fact]
    public void Diagnose_OutFile_WritesTheSameBytesAsStdout()
    {
        var (events, map) = Inputs();
        var target = Path.Combine(_dir, "report.json");
        var (code, _, _) = CliRunner.Run("diagnose", "--events", events, "--map", map, "--outcome", "stage:after", "--out", target);
        Assert.Equal(0, code);
        var (_, printed, _) = CliRunner.Run("diagnose", "--events", events, "--map", map, "--outcome", "stage:after");
        Assert.Equal(printed, File.ReadAllText(target));
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--outcome", "revenue")]
    public void Diagnose_UnsupportedOption_ExitsTwo(string option, string value)
    {
        var (events, map) = Inputs();
        var (code, _, error) = CliRunner.Run("diagnose", "--events", events, "--map", map, option, value);
        Assert.Equal(2, code);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_FormatHtml_WritesTheLibrarysPage_ToOut()
    {
        var (events, map) = Inputs();
        var target = Path.Combine(_dir, "report.html");
        var (code, printed, error) = CliRunner.Run("diagnose", "--events", events, "--map", map, "--format", "html", "--out", target);
        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, printed);

        var stats = JourneyAnalyzer.Analyze(EventLogFiles.Load(events, new EventLogOptions { Map = PlantedLogs.Map }, TestContext.Current.CancellationToken), PlantedLogs.Map, cancellationToken: TestContext.Current.CancellationToken);
        var expected = ReportRenderer.ToHtml(JourneyDiagnostician.Diagnose(PlantedLogs.Map, stats), PlantedLogs.Map, stats);
        Assert.Equal(expected, File.ReadAllText(target));
        Assert.StartsWith("<!DOCTYPE html>", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_FormatMarkdown_PrintsTheFindingsTable()
    {
        var (events, map) = Inputs();
        var (code, printed, error) = CliRunner.Run("diagnose", "--events", events, "--map", map, "--format", "markdown");
        Assert.True(code == 0, error);
        Assert.StartsWith("# Diagnosis: planted\n", printed, StringComparison.Ordinal);
        Assert.Contains("\n## Findings\n\n| Kind | Where |", printed, StringComparison.Ordinal);
        Assert.Contains("| Rupture point (impossible switch) | select: Store → Web |", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_LongRun_ReportsProgressOnStandardError_NotInTheResult()
    {
        var (events, map) = Inputs();
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CommandLine.Run(["diagnose", "--events", events, "--map", map], stdout, stderr, new ProgressPolicy(0, TimeSpan.Zero));
        Assert.Equal(0, code);

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("cj: reading " + events + " (", lines[0], StringComparison.Ordinal);
        Assert.Contains("cj: reading " + events + ": 50%", lines);
        var log = EventLogFiles.Load(events, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(lines, l => l.StartsWith($"cj: read {log.Count} events of {log.CustomerCount} customers in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cj: analyzing in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cj: diagnosing in ", StringComparison.Ordinal));
        Assert.Equal(CliRunner.Run("diagnose", "--events", events, "--map", map).Out, stdout.ToString());
    }

    [Fact]
    public void Diagnose_ShortRun_IsQuietOnStandardError()
    {
        var (events, map) = Inputs();
        var (code, _, error) = CliRunner.Run("diagnose", "--events", events, "--map", map);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Diagnose_BadEventFile_ExitsThree()
    {
        var (_, map) = Inputs();
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "customer_id,timestamp,stage,channel,rating\nc1,2026-01-05T18:00:00Z,buy,web,9\n");
        var (code, _, error) = CliRunner.Run("diagnose", "--events", bad, "--map", map);
        Assert.Equal(3, code);
        Assert.Contains("bad.csv", error, StringComparison.Ordinal);
    }

    private (string Events, string Map) Inputs()
    {
        var events = Path.Combine(_dir, "events.csv");
        var map = Path.Combine(_dir, "map.json");
        if (!File.Exists(events))
        {
            EventLogFiles.Save(EventLog.FromEvents(PlantedLogs.Events(4, 2000)), events, TestContext.Current.CancellationToken);
            JourneyMapJson.Save(PlantedLogs.Map, map);
        }

        return (events, map);
    }
}
