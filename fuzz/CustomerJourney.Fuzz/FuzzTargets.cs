using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Rendering;

namespace CustomerJourney.Fuzz;

/// <summary>
/// The fuzz targets, one per reader: each feeds the bytes to the library and checks what it promises of any input. The
/// harness (<c>CustomerJourney.Fuzz</c>) and the corpus replay test share this file, so both check the same things.
/// </summary>
/// <remarks>
/// <para>An input passes when the library loads it or refuses it with its own exception (<see cref="EventLogException"/>,
/// <see cref="JourneyMapException"/>) whose message starts with the source name. Any other exception escapes as it is (a
/// crash); a broken promise throws <see cref="FuzzCheckException"/>.</para>
/// <para>Event targets read the bytes strict and lenient and check that the two agree: strict loads exactly when lenient
/// rejects nothing, and strict's error is lenient's first rejection of that reason. A loaded log must give back valid
/// events, write and read back to the same events in its own format, and go through the whole pipeline of the command
/// line (inferred map, analysis, diagnosis, JSON and Markdown). The map target reads the bytes, writes the map back and
/// reads it again, and renders it in every format.</para>
/// </remarks>
internal static class FuzzTargets
{
    /// <summary>The target names, as the command line takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "csv", "jsonl", "xes", "map" };

    /// <summary>Whether <paramref name="name"/> is a target.</summary>
    public static bool IsTarget(string name) => name is "csv" or "jsonl" or "xes" or "map";

    /// <summary>The file extension of a target's inputs, for the files the harness writes.</summary>
    public static string ExtensionOf(string target) => target switch
    {
        "csv" => ".csv",
        "jsonl" => ".jsonl",
        "xes" => ".xes",
        "map" => ".json",
        _ => throw new ArgumentException($"unknown fuzz target '{target}'", nameof(target)),
    };

    /// <summary>Runs one target on one input.</summary>
    /// <exception cref="FuzzCheckException">The library broke one of its promises on this input.</exception>
    public static void Run(string target, byte[] input)
    {
        switch (target)
        {
            case "csv":
                Events(input, EventLogFormat.Csv, "fuzz.csv");
                break;
            case "jsonl":
                Events(input, EventLogFormat.JsonLines, "fuzz.jsonl");
                break;
            case "xes":
                Events(input, EventLogFormat.Xes, "fuzz.xes");
                break;
            case "map":
                Map(input);
                break;
            default:
                throw new ArgumentException($"unknown fuzz target '{target}'", nameof(target));
        }
    }

    private static void Events(byte[] input, EventLogFormat format, string source)
    {
        var strict = TryRead(input, format, ErrorMode.Strict, source, out var strictError);
        var lenient = TryRead(input, format, ErrorMode.Lenient, source, out var lenientError);
        if (strict is not null)
        {
            Check(lenient is not null, $"strict mode loaded the input but lenient mode threw: {lenientError?.Message}");
            Check(lenient!.Rejections.Total == 0, $"strict mode loaded the input but lenient mode rejected {lenient.Rejections.Total} inputs");
            Check(lenient.Count == strict.Count, $"strict mode loaded {strict.Count} events, lenient mode {lenient.Count}");
        }
        else if (lenient is not null)
        {
            var reason = strictError!.Reason;
            var examples = lenient.Rejections.Examples(reason);
            Check(examples.Count > 0, $"strict mode failed ({strictError.Message}) but lenient mode counted no {reason}");
            Check(
                examples[0].Line == strictError.Line && examples[0].Field == strictError.Field,
                $"strict mode failed at line {strictError.Line}, field '{strictError.Field}', but lenient mode's first {reason} is at line {examples[0].Line}, field '{examples[0].Field}'");
        }
        else
        {
            // Lenient mode throws only for what cannot be skipped (the header, broken XML), never before strict mode did.
            Check(lenientError!.Line >= strictError!.Line, $"lenient mode failed at line {lenientError.Line}, before strict mode's line {strictError.Line}");
        }

        if (lenient is null)
        {
            return;
        }

        var events = new List<JourneyEvent>(lenient.ToEvents());
        Check(events.Count == lenient.Count, $"the log says {lenient.Count} events but gives {events.Count}");
        foreach (var e in events)
        {
            Check(e.CustomerId.Length > 0 && e.StageId.Length > 0 && e.ChannelId.Length > 0, $"an event has an empty id: {e}");
            Check(e.Sentiment is null || (e.Sentiment >= -1 && e.Sentiment <= 1), $"sentiment out of range: {e}");
            Check(e.Rating is null || (e.Rating >= 1 && e.Rating <= 5), $"rating out of range: {e}");
            Check(e.Nps is null || (e.Nps >= 0 && e.Nps <= 10), $"NPS out of range: {e}");
        }

        RoundTrip(lenient, events, format, source);
        Pipeline(lenient);
    }

    private static EventLog? TryRead(byte[] input, EventLogFormat format, ErrorMode mode, string source, out EventLogException? error)
    {
        error = null;
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            return EventLogFiles.Read(stream, format, new EventLogOptions { ErrorMode = mode }, source);
        }
        catch (EventLogException e)
        {
            Check(e.Message.StartsWith(source + ": ", StringComparison.Ordinal), $"the message does not start with the source name: {e.Message}");
            Check(e.Line >= 0 && e.Detail.Length > 0 && e.SourceName == source, $"the exception does not say where or what: {e.Message}");
            error = e;
            return null;
        }
    }

    /// <summary>A loaded log written in its own format reads back, strictly, to the same events.</summary>
    private static void RoundTrip(EventLog log, List<JourneyEvent> events, EventLogFormat format, string source)
    {
        using var buffer = new MemoryStream();
        EventLogFiles.Write(log, buffer, format);
        buffer.Position = 0;
        EventLog again;
        try
        {
            again = EventLogFiles.Read(buffer, format, null, source);
        }
        catch (EventLogException e)
        {
            throw new FuzzCheckException($"the log written back does not read: {e.Message}\n--- written:\n{Encoding.UTF8.GetString(buffer.ToArray())}", e);
        }

        Check(again.Count == events.Count, $"{events.Count} events written, {again.Count} read back");
        var i = 0;
        foreach (var e in again.ToEvents())
        {
            Check(e.Equals(events[i]), $"event {i} changed when written and read back: {events[i]} became {e}");
            i++;
        }
    }

    /// <summary>What <c>cj paths</c> and <c>cj diagnose</c> do with a log: neither may fail on a log the reader accepted.</summary>
    private static void Pipeline(EventLog log)
    {
        var statistics = JourneyAnalyzer.Analyze(log);
        _ = JourneyStatisticsJson.ToPathsJsonUtf8(statistics, 3);
        _ = StatisticsRenderer.ToMarkdown(statistics);
        if (log.Count == 0)
        {
            return;
        }

        var map = JourneyMapInference.Infer(log);
        var report = JourneyDiagnostician.Diagnose(map, JourneyAnalyzer.Analyze(log, map));
        _ = DiagnosticReportJson.SerializeToUtf8(report);
    }

    private static void Map(byte[] input)
    {
        const string Source = "fuzz.json";
        JourneyMap map;
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            map = JourneyMapJson.Read(stream, Source);
        }
        catch (JourneyMapException e)
        {
            Check(e.Message.StartsWith(Source + ": $", StringComparison.Ordinal), $"the message does not start with the source and a JSON path: {e.Message}");
            Check(e.SourceName == Source && e.Element.StartsWith('$') && e.Reason.Length > 0, $"the exception does not say where or what: {e.Message}");
            return;
        }

        var text = JourneyMapJson.Serialize(map);
        JourneyMap again;
        try
        {
            again = JourneyMapJson.Parse(text, "rewritten.json");
        }
        catch (JourneyMapException e)
        {
            throw new FuzzCheckException($"the map written back does not read: {e.Message}\n--- written:\n{text}", e);
        }

        Check(again.Equals(map), "the map written and read back is not equal to the map read");
        Check(JourneyMapJson.Serialize(again) == text, "writing the map again gives other bytes");
        _ = JourneyMapRenderer.ToMarkdown(map);
        _ = JourneyMapRenderer.ToMermaid(map);
        _ = JourneyMapRenderer.ToText(map);
        _ = JourneyDiagnostician.Diagnose(map);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzCheckException(message);
        }
    }
}
