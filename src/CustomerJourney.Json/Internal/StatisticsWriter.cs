using System.Text.Json;
using CustomerJourney.Analysis;

namespace CustomerJourney.Json.Internal;

/// <summary>The full-fidelity form of statistics: every figure, sketches bucket by bucket.</summary>
internal static class StatisticsWriter
{
    public static void Write(Utf8JsonWriter w, JourneyStatistics s)
    {
        w.WriteStartObject();
        w.WriteString("schema", JourneyStatisticsJson.Schema);
        w.WriteStartObject("context");
        JsonOutput.WriteStrings(w, "stages", s.Stages);
        JsonOutput.WriteStrings(w, "channels", s.Channels);
        if (s.ConversionStage is null)
        {
            w.WriteNull("conversionStage");
        }
        else
        {
            w.WriteString("conversionStage", s.ConversionStage);
        }

        w.WriteString("outcome", s.Outcome.ToString());
        w.WriteString("defaultChannel", s.DefaultChannel);
        JsonOutput.WriteNumber(w, "positiveThreshold", s.PositiveThreshold);
        JsonOutput.WriteNumber(w, "negativeThreshold", s.NegativeThreshold);
        JsonOutput.WriteNumber(w, "sketchRelativeAccuracy", s.SketchRelativeAccuracy);
        w.WriteEndObject();
        w.WriteNumber("events", s.Events);
        w.WriteNumber("journeys", s.Journeys);
        w.WriteNumber("outcomeJourneys", s.OutcomeJourneys);
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
            w.WritePropertyName("durations");
            WriteSketch(w, e.Durations);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteVariants(w, s.VariantSet, int.MaxValue);
        JsonOutput.WriteTransitionKinds(w, s.Transitions);
        JsonOutput.WriteChannelSwitches(w, s.ChannelSwitches);
        w.WriteStartArray("channelTransitions");
        foreach (var m in s.ChannelTransitions)
        {
            w.WriteStartObject();
            w.WriteString("stage", m.Stage);
            w.WriteString("from", m.FromChannel);
            w.WriteString("to", m.ToChannel);
            w.WriteNumber("count", m.Count);
            w.WriteNumber("lostContext", m.LostContext);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("funnel");
        foreach (var f in s.Funnel)
        {
            w.WriteNumberValue(f.Journeys);
        }

        w.WriteEndArray();
        w.WritePropertyName("timeToConvert");
        WriteSketch(w, s.TimeToConvert);
        w.WritePropertyName("betweenEvents");
        WriteSketch(w, s.DurationBetweenEvents);
        w.WriteStartObject("durationsByStage");
        foreach (var d in s.DurationsByStage)
        {
            w.WritePropertyName(d.Key);
            WriteSketch(w, d.Value);
        }

        w.WriteEndObject();
        w.WriteStartArray("touchpoints");
        foreach (var t in s.Touchpoints)
        {
            w.WriteStartObject();
            w.WriteString("activity", t.Activity);
            w.WriteString("stage", t.Stage);
            w.WriteString("channel", t.Channel);
            w.WriteNumber("events", t.Events);
            w.WriteStartObject("sentiment");
            w.WriteNumber("positive", t.Sentiment.Positive);
            w.WriteNumber("neutral", t.Sentiment.Neutral);
            w.WriteNumber("negative", t.Sentiment.Negative);
            w.WriteNumber("sumMicros", t.Sentiment.SumMicros);
            w.WriteEndObject();
            JsonOutput.WriteLongs(w, "nps", t.Nps.Counts);
            w.WriteStartObject("experience");
            WriteCell(w, "good", t.Experience.Good);
            WriteCell(w, "neutral", t.Experience.Neutral);
            WriteCell(w, "bad", t.Experience.Bad);
            WriteCell(w, "unrated", t.Experience.Unrated);
            w.WriteEndObject();
            w.WriteNumber("attempts", t.Attempts);
            w.WriteNumber("forcedCompletions", t.ForcedCompletions);
            JsonOutput.WriteLongs(w, "ratings", t.Ratings);
            JsonOutput.WriteLongs(w, "efforts", t.Efforts);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteLongs(w, "nps", s.Nps.Counts);
        w.WriteStartArray("segments");
        foreach (var g in s.Segments)
        {
            w.WriteStartObject();
            w.WriteString("segment", g.Segment);
            w.WriteNumber("journeys", g.Journeys);
            JsonOutput.WriteLongs(w, "nps", g.Nps.Counts);
            JsonOutput.WriteLongs(w, "ratings", g.Ratings);
            JsonOutput.WriteLongs(w, "efforts", g.Efforts);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonOutput.WriteCounts(w, "unknownEmotions", s.UnknownEmotions);
        w.WriteEndObject();
    }

    private static void WriteSketch(Utf8JsonWriter w, DurationSketch sketch)
    {
        w.WriteStartObject();
        w.WriteNumber("count", sketch.Count);
        w.WriteNumber("zeroCount", sketch.ZeroCount);
        w.WriteNumber("sumTicks", sketch.SumTicks);
        w.WriteNumber("minTicks", sketch.MinTicks);
        w.WriteNumber("maxTicks", sketch.MaxTicks);
        w.WriteStartArray("buckets");
        for (var i = 0; i < sketch.BucketIndexes.Length; i++)
        {
            w.WriteStartArray();
            w.WriteNumberValue(sketch.BucketIndexes[i]);
            w.WriteNumberValue(sketch.BucketCounts[i]);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, string name, OutcomeCounts cell)
    {
        w.WriteStartObject(name);
        w.WriteNumber("journeys", cell.Journeys);
        w.WriteNumber("reachedOutcome", cell.ReachedOutcome);
        w.WriteEndObject();
    }
}
