using System;
using System.IO;
using System.Text.Json;
using CustomerJourney.Analysis;

namespace CustomerJourney.Json.Internal;

/// <summary>The <c>cj paths --format json</c> view (DESIGN §3).</summary>
internal static class PathsWriter
{
    public static void Write(Utf8JsonWriter w, JourneyStatistics s, int? top, int parallelism = 1, Stream? stream = null)
    {
        w.WriteStartObject();
        w.WriteNumber("events", s.Events);
        w.WriteNumber("journeys", s.Journeys);
        w.WriteStartObject("rejected");
        foreach (var r in JourneyStatisticsJson.ReasonsByName(s))
        {
            w.WriteNumber(r.Key, r.Value);
        }

        w.WriteEndObject();
        JsonOutput.WriteCounts(w, "activities", s.Activities);
        JsonOutput.WriteCounts(w, "startActivities", s.StartActivities);
        JsonOutput.WriteCounts(w, "endActivities", s.EndActivities);
        w.WriteStartArray("dfg");
        foreach (var e in s.DirectlyFollows)
        {
            w.WriteStartObject();
            w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            w.WriteNumber("count", e.Count);
            JsonOutput.WriteNumber(w, "medianSeconds", Seconds(e.Durations.Quantile(0.5)));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var listed = JsonOutput.WriteVariants(w, s.VariantSet, top ?? int.MaxValue, parallelism, stream);
        w.WriteNumber("otherVariants", s.VariantSet.Journeys - listed);
        w.WriteStartArray("funnel");
        foreach (var f in s.Funnel)
        {
            w.WriteStartObject();
            w.WriteString("stage", f.Stage);
            w.WriteNumber("journeys", f.Journeys);
            JsonOutput.WriteNumber(w, "conversion", Math.Round(f.Conversion, 6, MidpointRounding.AwayFromZero));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteTransitionKinds(w, s.Transitions);
        JsonOutput.WriteChannelSwitches(w, s.ChannelSwitches);
        w.WriteStartObject("durations");
        w.WritePropertyName("betweenEvents");
        WriteSummary(w, null, s.DurationBetweenEvents);
        w.WriteStartArray("perStage");
        foreach (var d in s.DurationsByStage)
        {
            WriteSummary(w, d.Key, d.Value);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, string? stage, DurationSketch sketch)
    {
        w.WriteStartObject();
        if (stage is not null)
        {
            w.WriteString("stage", stage);
        }

        w.WriteNumber("count", sketch.Count);
        JsonOutput.WriteNumber(w, "medianSeconds", Seconds(sketch.Quantile(0.5)));
        JsonOutput.WriteNumber(w, "p90Seconds", Seconds(sketch.Quantile(0.9)));
        w.WriteEndObject();
    }

    private static double Seconds(double value) => double.IsNaN(value) ? value : Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
