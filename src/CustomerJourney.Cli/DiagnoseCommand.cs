using System.IO;
using System.Text;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Json;
using CustomerJourney.Rendering;

namespace CustomerJourney.Cli;

/// <summary>
/// <c>cj diagnose --events &lt;file&gt; --map &lt;map.json&gt; [--outcome conversion|stage:&lt;id&gt;|promoter] [--format json|markdown|html] [--out &lt;file&gt;]</c>:
/// analyzes the log against the map with the outcome, diagnoses, and writes the report as JSON (for tools), Markdown
/// (for a document) or one self-contained HTML page (for people).
/// </summary>
internal static class DiagnoseCommand
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(string[] args, TextWriter stdout, Progress progress)
    {
        var a = Arguments.Parse(args, 1, "events", "map", "outcome", "format", "out");
        a.ExpectPositionals(0, string.Empty);
        var format = a.Choice("format", "json", "markdown", "html");
        var outcome = Outcome(a.Option("outcome") ?? "conversion");
        var eventsPath = a.RequiredOption("events");
        var map = JourneyMapJson.Load(a.RequiredOption("map"));
        var log = progress.LoadEvents(eventsPath, Inputs.EventOptions(map));
        var statistics = progress.Step("analyzing", () => JourneyAnalyzer.Analyze(log, map, new AnalyzerOptions { Outcome = outcome, MaxDegreeOfParallelism = Inputs.Threads }));
        var report = progress.Step("diagnosing", () => JourneyDiagnostician.Diagnose(map, statistics));
        var text = format switch
        {
            "markdown" => ReportRenderer.ToMarkdown(report, map, statistics),
            "html" => ReportRenderer.ToHtml(report, map, statistics),
            _ => DiagnosticReportJson.Serialize(report),
        };
        if (a.Option("out") is { } path)
        {
            File.WriteAllText(path, text, s_utf8);
        }
        else
        {
            stdout.Write(text);
        }

        return CommandLine.Ok;
    }

    private static JourneyOutcome Outcome(string text) => text switch
    {
        "conversion" => JourneyOutcome.Conversion,
        "promoter" => JourneyOutcome.Promoter,
        _ when text.StartsWith("stage:", System.StringComparison.Ordinal) && text.Length > 6 => JourneyOutcome.StageReached(text.Substring(6)),
        _ => throw new UsageException($"option '--outcome' must be conversion, stage:<id> or promoter, not '{text}'"),
    };
}
