using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using CustomerJourney.Diagnostics;
using CustomerJourney.Json.Internal;

namespace CustomerJourney.Json;

/// <summary>A <see cref="DiagnosticReport"/> as JSON: what <c>cj diagnose --format json</c> prints, for scripts and dashboards.</summary>
/// <remarks>
/// <para>
/// Members, in this order: <c>schema</c> (<see cref="Schema"/>), <c>journeys</c>, <c>events</c>, <c>findings</c>
/// [{kind, subkind, stage, channel, fromChannel, toChannel, score, support, rate, baseline, ciLow, ciHigh, explanation}]
/// (camelCase kinds <c>enchantment</c>, <c>irritant</c>, <c>rupturePoint</c>, <c>momentOfTruth</c>; subkinds
/// <c>missing</c>, <c>dissatisfying</c>, <c>forcedCompletion</c>, <c>impossibleSwitch</c>, <c>forcedSwitch</c>, or null;
/// absent places and map-only figures null), <c>funnel</c> [{stage, journeys, conversion}], <c>nps</c> {overall,
/// byTouchpoint, bySegment, byPersona} with {answers, promoters, detractors, score, low, high}, <c>csat</c> {overall,
/// byTouchpoint, bySegment, byPersona} with {satisfied, ratings, rate, low, high}, <c>ces</c> {overall, byTouchpoint,
/// bySegment, byPersona} with {easy, answers, rate, low, high}, <c>experienceGaps</c> [{stage, channel, desired, observed, gap,
/// ratedEvents}], <c>variants</c> {top: [{path, count}], otherVariants, otherJourneys}, <c>coverage</c> [{stage, offered,
/// expected, missing}], <c>continuity</c> [{from, to, stage}], <c>referenceModel</c> {unusedTouchpoints: [{stage, channel,
/// count}], unmappedTransitions: [{from, to, reason, count}]}.
/// </para>
/// <para>
/// Deterministic: the report's own order, two-space indentation, <c>\n</c> line ends and a final <c>\n</c>, shortest
/// round-tripping invariant numbers; equal reports give the same bytes. No reflection; stateless and thread-safe.
/// </para>
/// </remarks>
public static class DiagnosticReportJson
{
    /// <summary>The <c>schema</c> member.</summary>
    public const string Schema = "cj/report/1";

    /// <summary>Writes a report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, ending with <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Serialize(DiagnosticReport report)
    {
        NotNull(report);
        return JsonOutput.ToText(w => Write(w, report));
    }

    /// <summary>Writes a report as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The bytes; see <see cref="Serialize(DiagnosticReport)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static byte[] SerializeToUtf8(DiagnosticReport report)
    {
        NotNull(report);
        return JsonOutput.ToUtf8(w => Write(w, report));
    }

    /// <summary>Writes a report to a stream as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="utf8Json">The stream written to.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Serialize(Stream utf8Json, DiagnosticReport report)
    {
        Guard.NotNull(utf8Json);
        var bytes = SerializeToUtf8(report);
        utf8Json.Write(bytes, 0, bytes.Length);
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static void NotNull(DiagnosticReport report) => Guard.NotNull(report);

    private static void Write(Utf8JsonWriter w, DiagnosticReport r)
    {
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteNumber("journeys", r.Journeys);
        w.WriteNumber("events", r.Events);
        w.WriteStartArray("findings");
        foreach (var f in r.Findings)
        {
            w.WriteStartObject();
            w.WriteString("kind", Camel(f.Kind.ToString()));
            if (f.Subkind == FindingSubkind.None)
            {
                w.WriteNull("subkind");
            }
            else
            {
                w.WriteString("subkind", Camel(f.Subkind.ToString()));
            }

            w.WriteString("stage", f.StageId);
            StringOrNull(w, "channel", f.ChannelId);
            StringOrNull(w, "fromChannel", f.FromChannelId);
            StringOrNull(w, "toChannel", f.ToChannelId);
            JsonOutput.WriteNumber(w, "score", f.Score);
            w.WriteNumber("support", f.Support);
            NumberOrNull(w, "rate", f.Rate);
            NumberOrNull(w, "baseline", f.Baseline);
            NumberOrNull(w, "ciLow", f.CiLow);
            NumberOrNull(w, "ciHigh", f.CiHigh);
            w.WriteString("explanation", f.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("funnel");
        foreach (var s in r.Funnel)
        {
            w.WriteStartObject();
            w.WriteString("stage", s.Stage);
            w.WriteNumber("journeys", s.Journeys);
            JsonOutput.WriteNumber(w, "conversion", s.Conversion);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("nps");
        w.WritePropertyName("overall");
        WriteNps(w, r.Nps);
        WriteNpsMap(w, "byTouchpoint", r.NpsByTouchpoint);
        WriteNpsMap(w, "bySegment", r.NpsBySegment);
        WriteNpsMap(w, "byPersona", r.NpsByPersona);
        w.WriteEndObject();
        WriteShares(w, "csat", "satisfied", "ratings", r.Csat, r.CsatByTouchpoint, r.CsatBySegment, r.CsatByPersona);
        WriteShares(w, "ces", "easy", "answers", r.Ces, r.CesByTouchpoint, r.CesBySegment, r.CesByPersona);
        w.WriteStartArray("experienceGaps");
        foreach (var g in r.ExperienceGaps)
        {
            w.WriteStartObject();
            w.WriteString("stage", g.StageId);
            w.WriteString("channel", g.ChannelId);
            JsonOutput.WriteNumber(w, "desired", g.Desired);
            JsonOutput.WriteNumber(w, "observed", g.Observed);
            JsonOutput.WriteNumber(w, "gap", g.Gap);
            w.WriteNumber("ratedEvents", g.RatedEvents);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("variants");
        w.WriteStartArray("top");
        if (r.TopVariants is { } top)
        {
            foreach (var v in top.Variants)
            {
                w.WriteStartObject();
                w.WriteStartArray("path");
                foreach (var a in v.Path)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
                w.WriteNumber("count", v.Count);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteNumber("otherVariants", r.TopVariants?.OtherVariants ?? 0);
        w.WriteNumber("otherJourneys", r.TopVariants?.OtherJourneys ?? 0);
        w.WriteEndObject();
        w.WriteStartArray("coverage");
        foreach (var c in r.Coverage)
        {
            w.WriteStartObject();
            w.WriteString("stage", c.StageId);
            Strings(w, "offered", c.OfferedChannels);
            Strings(w, "expected", c.ExpectedChannels);
            Strings(w, "missing", c.MissingChannels);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("continuity");
        foreach (var h in r.Continuity)
        {
            w.WriteStartObject();
            w.WriteString("from", h.FromChannelId);
            w.WriteString("to", h.ToChannelId);
            StringOrNull(w, "stage", h.StageId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("referenceModel");
        w.WriteStartArray("unusedTouchpoints");
        foreach (var t in r.UnusedTouchpoints)
        {
            w.WriteStartObject();
            w.WriteString("stage", t.StageId);
            w.WriteString("channel", t.ChannelId);
            w.WriteNumber("count", 0);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmappedTransitions");
        foreach (var u in r.UnmappedTransitions)
        {
            w.WriteStartObject();
            w.WriteString("from", u.From);
            w.WriteString("to", u.To);
            w.WriteString("reason", Camel(u.Reason.ToString()));
            w.WriteNumber("count", u.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNps(Utf8JsonWriter w, NpsEstimate? e)
    {
        if (e is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteNumber("answers", e.Answers);
        w.WriteNumber("promoters", e.Promoters);
        w.WriteNumber("detractors", e.Detractors);
        JsonOutput.WriteNumber(w, "score", e.Score);
        JsonOutput.WriteNumber(w, "low", e.Low);
        JsonOutput.WriteNumber(w, "high", e.High);
        w.WriteEndObject();
    }

    private static void WriteNpsMap(Utf8JsonWriter w, string name, System.Collections.Generic.IReadOnlyDictionary<string, NpsEstimate> map)
    {
        w.WriteStartObject(name);
        foreach (var p in map)
        {
            w.WritePropertyName(p.Key);
            WriteNps(w, p.Value);
        }

        w.WriteEndObject();
    }

    private static void WriteShares(
        Utf8JsonWriter w, string name, string successes, string trials, ProportionEstimate? overall,
        IReadOnlyDictionary<string, ProportionEstimate> byTouchpoint, IReadOnlyDictionary<string, ProportionEstimate> bySegment,
        IReadOnlyDictionary<string, ProportionEstimate> byPersona)
    {
        w.WriteStartObject(name);
        w.WritePropertyName("overall");
        WriteShare(w, overall, successes, trials);
        WriteShareMap(w, "byTouchpoint", byTouchpoint, successes, trials);
        WriteShareMap(w, "bySegment", bySegment, successes, trials);
        WriteShareMap(w, "byPersona", byPersona, successes, trials);
        w.WriteEndObject();
    }

    private static void WriteShareMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, ProportionEstimate> map, string successes, string trials)
    {
        w.WriteStartObject(name);
        foreach (var c in map)
        {
            w.WritePropertyName(c.Key);
            WriteShare(w, c.Value, successes, trials);
        }

        w.WriteEndObject();
    }

    private static void WriteShare(Utf8JsonWriter w, ProportionEstimate? e, string successes, string trials)
    {
        if (e is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteNumber(successes, e.Successes);
        w.WriteNumber(trials, e.Trials);
        JsonOutput.WriteNumber(w, "rate", e.Rate);
        JsonOutput.WriteNumber(w, "low", e.Low);
        JsonOutput.WriteNumber(w, "high", e.High);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, System.Collections.Generic.IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void NumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            JsonOutput.WriteNumber(w, name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
