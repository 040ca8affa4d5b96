using System;
using System.IO;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Rendering;

namespace CustomerJourney.Cli;

/// <summary>
/// <c>cj paths --events &lt;file&gt; [--map &lt;map.json&gt;] [--top N] [--format json|markdown] [--duplicates drop|keep] [--timezone &lt;id&gt;]</c>:
/// the path statistics of a log.
/// </summary>
/// <remarks>
/// Rows the library cannot take are counted in <c>rejected</c> rather than stopping the run: a process-mining export
/// with a few incomplete rows still gets its statistics, and the count says what was left out.
/// </remarks>
internal static class PathsCommand
{
    public static int Run(string[] args, TextWriter stdout, Progress progress)
    {
        var a = Arguments.Parse(args, 1, "events", "map", "top", "format", "duplicates", "timezone", "out");
        a.ExpectPositionals(0, string.Empty);
        var format = a.Choice("format", "json", "markdown");
        // Every option is checked before any file is read, so a usage error never looks like bad input.
        var duplicates = a.Choice("duplicates", "drop", "keep") == "keep" ? DuplicatePolicy.Keep : DuplicatePolicy.Drop;
        var top = a.PositiveInt("top");
        var zone = a.Option("timezone") is { } zoneId ? FindZone(zoneId) : null;
        var eventsPath = a.RequiredOption("events");
        var map = a.Option("map") is { } mapPath ? JourneyMapJson.Load(mapPath) : null;
        var options = Inputs.EventOptions(map);
        options.ErrorMode = ErrorMode.Lenient;
        options.AssumedTimeZone = zone;
        var log = progress.LoadEvents(eventsPath, options);
        var analyzer = new AnalyzerOptions
        {
            Duplicates = duplicates,
            DefaultChannel = options.DefaultChannel,
            MaxDegreeOfParallelism = Inputs.Threads,
        };
        var statistics = progress.Step("analyzing", () => JourneyAnalyzer.Analyze(log, map, analyzer));
        if (format == "json")
        {
            Output.Write(a.Option("out"), stdout, s => JourneyStatisticsJson.WritePathsJson(s, statistics, top, Environment.ProcessorCount));
        }
        else
        {
            var render = new StatisticsRenderOptions { TopVariants = top ?? StatisticsRenderOptions.DefaultTop, TopTransitions = top ?? StatisticsRenderOptions.DefaultTop };
            Output.Write(a.Option("out"), stdout, StatisticsRenderer.ToMarkdown(statistics, render));
        }

        return CommandLine.Ok;
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new UsageException($"unknown time zone '{id}' (use an IANA id such as Europe/Paris, or UTC)");
        }
    }
}
