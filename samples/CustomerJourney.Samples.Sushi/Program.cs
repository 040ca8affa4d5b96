// The sushi restaurant of the reference texts: it is 6 pm and the family wants sushi tonight.
// This sample prints the journey the restaurant designs for them, then reads what 2,000 guests really did and
// felt (a bundled synthetic log), analyzes their paths and diagnoses the journey, each finding with its evidence,
// and writes the report as JSON and as an HTML page.
using System;
using System.IO;
using System.Text;
using CustomerJourney;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Rendering;

// The grid uses ✓ ✗ ○: make sure the console receives UTF-8 whatever its default code page.
Console.OutputEncoding = Encoding.UTF8;

// 1. The design: stage × channel grid, legend, hand-offs, conversion stage and persona.
var map = JourneyTemplates.SushiRestaurant;
JourneyMapRenderer.WriteText(Console.Out, map);

// 2. What guests did: every row is checked against the map (strict: a bad row stops with file, line and field).
var log = EventLogReader.Load(Path.Combine(AppContext.BaseDirectory, "data", "sushi-events.csv"), new EventLogOptions { Map = map });

// 3. Their paths; the outcome that matters here is coming back.
var statistics = JourneyAnalyzer.Analyze(log, map, new AnalyzerOptions { Outcome = JourneyOutcome.StageReached("comeBack") });

// 4. The diagnosis: findings sorted by kind, then importance, each saying why it was raised.
var report = JourneyDiagnostician.Diagnose(map, statistics);
Console.WriteLine();
Console.WriteLine($"Diagnosis of {report.Journeys} journeys ({report.Events} events)");
foreach (var finding in report.Findings)
{
    Console.WriteLine($"- {finding.Kind}{(finding.Subkind == FindingSubkind.None ? "" : "/" + finding.Subkind)}: {finding.Explanation}");
}

if (report.Nps is { } nps)
{
    Console.WriteLine();
    Console.WriteLine($"NPS {nps.Score:0} (95% interval {nps.Low:0} to {nps.High:0}, {nps.Answers} answers)");
}

// 5. The full report as JSON, for tools, and as one self-contained HTML page, for people: heatmap, emotion curve,
//    funnel, channel switches, findings with their evidence, NPS and CSAT. Written to the first argument's folder, or temp.
var folder = args.Length > 0 ? args[0] : Path.GetTempPath();
Directory.CreateDirectory(folder);
var json = Path.Combine(folder, "sushi-report.json");
File.WriteAllText(json, DiagnosticReportJson.Serialize(report));
var html = Path.Combine(folder, "sushi-report.html");
File.WriteAllText(html, ReportRenderer.ToHtml(report, map, statistics));
Console.WriteLine($"Full report: {json}");
Console.WriteLine($"Open in a browser: {html}");
