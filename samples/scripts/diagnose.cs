#:project ../../src/CustomerJourney/CustomerJourney.csproj
#:project ../../src/CustomerJourney.Json/CustomerJourney.Json.csproj
#:property ImplicitUsings=enable

// Diagnose a journey and open the HTML report: the file-based successor of a notebook that ends on a chart.
// Run from the repository root:
//   dotnet run samples/scripts/diagnose.cs [events.csv|.jsonl|.xes[.gz] map.json] [--out report.html] [--no-open]
// Without arguments it diagnoses the bundled sushi log against the sushi map, with "came back" as the outcome.
using System.Diagnostics;
using CustomerJourney;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Rendering;

var open = !args.Contains("--no-open");
var outAt = Array.IndexOf(args, "--out");
var output = outAt >= 0 && outAt + 1 < args.Length ? args[outAt + 1] : Path.Combine(Path.GetTempPath(), "journey-report.html");
var inputs = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (outAt < 0 || i != outAt + 1)).ToArray();

var bundled = inputs.Length == 0;
var map = bundled ? JourneyTemplates.SushiRestaurant : JourneyMapJson.Load(inputs[1]);
var events = bundled ? Path.Combine("samples", "data", "sushi-events.csv") : inputs[0];
var log = EventLogFiles.Load(events, new EventLogOptions { Map = map, ErrorMode = ErrorMode.Lenient });
var outcome = bundled ? JourneyOutcome.StageReached("comeBack") : JourneyOutcome.Conversion;
var stats = JourneyAnalyzer.Analyze(log, map, new AnalyzerOptions { Outcome = outcome });
var report = JourneyDiagnostician.Diagnose(map, stats);

File.WriteAllText(output, ReportRenderer.ToHtml(report, map, stats));
Console.WriteLine($"{events}: {log.Count} events, {log.Rejections.Total} rows rejected; {report.Findings.Count} findings");
foreach (var kind in report.Findings.GroupBy(f => f.Kind))
{
    Console.WriteLine($"  {kind.Key}: {kind.Count()}, first: {kind.First().Explanation}");
}

Console.WriteLine($"Report: {Path.GetFullPath(output)}");
if (open)
{
    // The system's default browser; where there is none (a server, CI), say so instead of failing.
    try
    {
        Process.Start(new ProcessStartInfo(Path.GetFullPath(output)) { UseShellExecute = true });
    }
    catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
    {
        Console.WriteLine($"No browser to open it here ({ex.Message}); open the file by hand.");
    }
}
