#:project ../../src/CustomerJourney/CustomerJourney.csproj
#:property ImplicitUsings=enable

// Load a log and print the funnel: the file-based successor of a notebook cell.
// Run from the repository root: dotnet run samples/scripts/funnel.cs [events.csv|.xes|.gz]
using CustomerJourney;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

var path = args.Length > 0 ? args[0] : Path.Combine("samples", "data", "sushi-events.csv");
var map = args.Length > 0 ? null : JourneyTemplates.SushiRestaurant; // without a map, stages are inferred from the log
var log = EventLogReader.Load(path, new EventLogOptions { Map = map, ErrorMode = ErrorMode.Lenient });
var stats = JourneyAnalyzer.Analyze(log, map);

Console.WriteLine($"{path}: {stats.Events} events, {stats.Journeys} journeys, {log.Rejections.Total} rows rejected");
Console.WriteLine();
Console.WriteLine($"{"stage",-28} {"journeys",9} {"of previous",12} {"dropped",8}");
foreach (var step in stats.Funnel)
{
    var bar = new string('#', (int)Math.Round(40.0 * step.Journeys / Math.Max(1, stats.Journeys)));
    Console.WriteLine($"{step.Stage,-28} {step.Journeys,9} {step.Conversion,12:P0} {step.DropOff,8}  {bar}");
}

Console.WriteLine();
Console.WriteLine($"time to convert: median {TimeSpan.FromSeconds(Math.Round(stats.TimeToConvert.Quantile(0.5))):c}, p90 {TimeSpan.FromSeconds(Math.Round(stats.TimeToConvert.Quantile(0.9))):c}");
