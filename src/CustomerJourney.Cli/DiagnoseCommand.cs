using System.IO;
using System.Text;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Json;

namespace CustomerJourney.Cli;

/// <summary>
/// <c>cj diagnose --events &lt;file&gt; --map &lt;map.json&gt; [--outcome conversion|stage:&lt;id&gt;|promoter] [--format json] [--out &lt;file&gt;]</c>:
/// analyzes the log against the map with the outcome, diagnoses, and writes the report as JSON.
/// </summary>
internal static class DiagnoseCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        var a = Arguments.Parse(args, 1, "events", "map", "outcome", "format", "out");
        a.ExpectPositionals(0, string.Empty);
        var format = a.Option("format") ?? "json";
        if (format is "markdown" or "html")
        {
            throw new UsageException($"--format {format} is not available yet for diagnose; use --format json");
        }

        if (format != "json")
        {
            throw new UsageException($"option '--format' must be json, not '{format}'");
        }

        var outcome = Outcome(a.Option("outcome") ?? "conversion");
        var map = JourneyMapJson.Load(a.RequiredOption("map"));
        var log = EventLogFiles.Load(a.RequiredOption("events"), Inputs.EventOptions(map));
        var statistics = JourneyAnalyzer.Analyze(log, map, new AnalyzerOptions { Outcome = outcome });
        var report = JourneyDiagnostician.Diagnose(map, statistics);
        var json = DiagnosticReportJson.Serialize(report);
        if (a.Option("out") is { } path)
        {
            File.WriteAllText(path, json, new UTF8Encoding(false));
        }
        else
        {
            stdout.Write(json);
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
