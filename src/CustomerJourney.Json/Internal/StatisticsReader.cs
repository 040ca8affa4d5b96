using System;
using System.Collections.Generic;
using System.Text.Json;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

namespace CustomerJourney.Json.Internal;

/// <summary>Reads the full-fidelity form back through the same builder the analyzer uses, so the result is sorted and checked alike.</summary>
internal static class StatisticsReader
{
    public static JourneyStatistics Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "$");
        var schema = Get(root, "schema", "$");
        if (schema.ValueKind != JsonValueKind.String || schema.GetString() != JourneyStatisticsJson.Schema)
        {
            throw new JsonException($"$.schema: expected \"{JourneyStatisticsJson.Schema}\".");
        }

        var context = ReadContext(Get(root, "context", "$"));
        var b = new StatisticsBuilder(context);
        var accuracy = context.RelativeAccuracy;
        b.Events = Long(root, "events", "$");
        b.Journeys = Long(root, "journeys", "$");
        b.OutcomeJourneys = Long(root, "outcomeJourneys", "$");
        foreach (var r in Object(root, "rejected", "$"))
        {
            b.AddRejections(Reason(r.Name), Long(r.Value, "$.rejected." + r.Name));
        }

        foreach (var a in Object(root, "activities", "$"))
        {
            b.AddActivity(a.Name, Long(a.Value, "$.activities." + a.Name), 0, 0);
        }

        foreach (var a in Object(root, "startActivities", "$"))
        {
            b.AddActivity(a.Name, 0, Long(a.Value, "$.startActivities." + a.Name), 0);
        }

        foreach (var a in Object(root, "endActivities", "$"))
        {
            b.AddActivity(a.Name, 0, 0, Long(a.Value, "$.endActivities." + a.Name));
        }

        var i = 0;
        foreach (var e in Array(root, "dfg", "$"))
        {
            var at = $"$.dfg[{i++}]";
            b.Edge(String(e, "from", at), String(e, "to", at)).Add(Sketch(Get(e, "durations", at), accuracy, at + ".durations"));
        }

        i = 0;
        foreach (var v in Array(root, "variants", "$"))
        {
            var at = $"$.variants[{i++}]";
            var path = new List<string>();
            var k = 0;
            foreach (var p in Array(v, "path", at))
            {
                path.Add(StringValue(p, $"{at}.path[{k++}]"));
            }

            b.AddVariant(path.ToArray(), Long(v, "count", at));
        }

        var kinds = Get(root, "transitionKinds", "$");
        b.AddTransitions(Guarded("$.transitionKinds", () => new TransitionCounts(
            Long(kinds, "forward", "$.transitionKinds"), Long(kinds, "skip", "$.transitionKinds"), Long(kinds, "skippedStages", "$.transitionKinds"),
            Long(kinds, "repeat", "$.transitionKinds"), Long(kinds, "back", "$.transitionKinds"))));
        i = 0;
        foreach (var c in Array(root, "channelSwitches", "$"))
        {
            var at = $"$.channelSwitches[{i++}]";
            b.AddSwitch(String(c, "stage", at), String(c, "from", at), String(c, "to", at), Long(c, "count", at));
        }

        i = 0;
        foreach (var m in Array(root, "channelTransitions", "$"))
        {
            var at = $"$.channelTransitions[{i++}]";
            var count = Long(m, "count", at);
            var lost = Long(m, "lostContext", at);
            if (lost > count)
            {
                throw new JsonException($"{at}.lostContext: more than count.");
            }

            b.AddChannelTransition(String(m, "stage", at), String(m, "from", at), String(m, "to", at), count, lost);
        }

        var funnel = new List<long>();
        i = 0;
        foreach (var f in Array(root, "funnel", "$"))
        {
            funnel.Add(Long(f, $"$.funnel[{i++}]"));
        }

        if (funnel.Count != context.Stages.Length)
        {
            throw new JsonException($"$.funnel: {funnel.Count} entries for {context.Stages.Length} stages.");
        }

        for (var k = 0; k < funnel.Count; k++)
        {
            b.AddReach(k, funnel[k]);
        }

        b.TimeToConvert.Add(Sketch(Get(root, "timeToConvert", "$"), accuracy, "$.timeToConvert"));
        b.Between.Add(Sketch(Get(root, "betweenEvents", "$"), accuracy, "$.betweenEvents"));
        foreach (var d in Object(root, "durationsByStage", "$"))
        {
            b.ByStage(d.Name).Add(Sketch(d.Value, accuracy, "$.durationsByStage." + d.Name));
        }

        i = 0;
        foreach (var t in Array(root, "touchpoints", "$"))
        {
            var at = $"$.touchpoints[{i++}]";
            var tp = b.Touchpoint(String(t, "activity", at), String(t, "stage", at), String(t, "channel", at));
            tp.Events += Long(t, "events", at);
            var sentiment = Get(t, "sentiment", at);
            tp.Positive += Long(sentiment, "positive", at + ".sentiment");
            tp.Neutral += Long(sentiment, "neutral", at + ".sentiment");
            tp.Negative += Long(sentiment, "negative", at + ".sentiment");
            tp.SumMicros += SignedLong(Get(sentiment, "sumMicros", at + ".sentiment"), at + ".sentiment.sumMicros");
            StatisticsBuilder.AddInto(tp.Nps, Histogram(t, at), 0);
            var experience = Get(t, "experience", at);
            var cells = new[] { "good", "neutral", "bad", "unrated" };
            for (var k = 0; k < cells.Length; k++)
            {
                var cellAt = $"{at}.experience.{cells[k]}";
                var cell = Get(experience, cells[k], at + ".experience");
                var journeys = Long(cell, "journeys", cellAt);
                var reached = Long(cell, "reachedOutcome", cellAt);
                if (reached > journeys)
                {
                    throw new JsonException($"{cellAt}.reachedOutcome: more than journeys.");
                }

                tp.Experience[k * 2] += journeys - reached;
                tp.Experience[(k * 2) + 1] += reached;
            }

            tp.Attempts += Long(t, "attempts", at);
            tp.ForcedCompletions += Long(t, "forcedCompletions", at);
            StatisticsBuilder.AddInto(tp.Ratings, Counts(t, "ratings", 5, at, required: true), 0);
            StatisticsBuilder.AddInto(tp.Efforts, Counts(t, "efforts", 7, at, required: false), 0);
        }

        b.AddNps(Histogram(root, "$"));
        i = 0;
        foreach (var g in Array(root, "segments", "$"))
        {
            var at = $"$.segments[{i++}]";
            b.AddSegment(
                String(g, "segment", at), Long(g, "journeys", at), Histogram(g, at), 0,
                Counts(g, "ratings", 5, at, required: false), 0, Counts(g, "efforts", 7, at, required: false), 0);
        }

        foreach (var u in Object(root, "unknownEmotions", "$"))
        {
            b.AddUnknownEmotion(u.Name, Long(u.Value, "$.unknownEmotions." + u.Name));
        }

        return b.Build();
    }

    private static StatisticsContext ReadContext(JsonElement c)
    {
        const string At = "$.context";
        var stages = new List<string>();
        foreach (var s in Array(c, "stages", At))
        {
            stages.Add(StringValue(s, At + ".stages[]"));
        }

        var channels = new List<string>();
        foreach (var s in Array(c, "channels", At))
        {
            channels.Add(StringValue(s, At + ".channels[]"));
        }

        var conversion = Get(c, "conversionStage", At);
        var outcomeText = String(c, "outcome", At);
        var outcome = outcomeText switch
        {
            "conversion" => JourneyOutcome.Conversion,
            "promoter" => JourneyOutcome.Promoter,
            _ when outcomeText.StartsWith("stage:", StringComparison.Ordinal) && outcomeText.Length > 6 => JourneyOutcome.StageReached(outcomeText.Substring(6)),
            _ => throw new JsonException($"{At}.outcome: expected conversion, promoter or stage:<id>, not '{outcomeText}'."),
        };
        var options = new AnalyzerOptions();
        Guarded(At, () =>
        {
            options.Outcome = outcome;
            options.DefaultChannel = String(c, "defaultChannel", At);
            options.PositiveThreshold = Double(c, "positiveThreshold", At);
            options.NegativeThreshold = Double(c, "negativeThreshold", At);
            options.SketchRelativeAccuracy = Double(c, "sketchRelativeAccuracy", At);
            return options;
        });
        return new StatisticsContext(stages.ToArray(), channels.ToArray(),
            conversion.ValueKind == JsonValueKind.Null ? null : StringValue(conversion, At + ".conversionStage"),
            options.Outcome, options.DefaultChannel, options.PositiveThreshold, options.NegativeThreshold, options.SketchRelativeAccuracy);
    }

    private static DurationSketch Sketch(JsonElement e, double accuracy, string at)
    {
        Expect(e, JsonValueKind.Object, at);
        var count = Long(e, "count", at);
        var zero = Long(e, "zeroCount", at);
        var sumElement = Get(e, "sumTicks", at);
        if (sumElement.ValueKind != JsonValueKind.Number || !sumElement.TryGetDecimal(out var sum))
        {
            throw new JsonException($"{at}.sumTicks: expected a number.");
        }

        var indexes = new List<int>();
        var counts = new List<long>();
        long total = zero;
        var i = 0;
        foreach (var bucket in Array(e, "buckets", at))
        {
            var bucketAt = $"{at}.buckets[{i++}]";
            Expect(bucket, JsonValueKind.Array, bucketAt);
            if (bucket.GetArrayLength() != 2 || !bucket[0].TryGetInt32(out var index) || !bucket[1].TryGetInt64(out var n) || n <= 0
                || (indexes.Count > 0 && index <= indexes[indexes.Count - 1]))
            {
                throw new JsonException($"{bucketAt}: expected [index, count] with ascending indexes and a positive count.");
            }

            indexes.Add(index);
            counts.Add(n);
            total = checked(total + n);
        }

        if (total != count)
        {
            throw new JsonException($"{at}: the buckets hold {total} durations, not count {count}.");
        }

        return count == 0
            ? DurationSketch.Empty(accuracy)
            : new DurationSketch(accuracy, count, zero, sum, Long(e, "minTicks", at), Long(e, "maxTicks", at), indexes.ToArray(), counts.ToArray());
    }

    /// <summary>A fixed-length array of counts; all zeros when absent and not required (files written before the field).</summary>
    private static long[] Counts(JsonElement parent, string name, int length, string at, bool required)
    {
        var counts = new long[length];
        if (!required && !parent.TryGetProperty(name, out _))
        {
            return counts;
        }

        var i = 0;
        foreach (var v in Array(parent, name, at))
        {
            if (i == length)
            {
                throw new JsonException($"{at}.{name}: expected {length} counts.");
            }

            counts[i] = Long(v, $"{at}.{name}[{i}]");
            i++;
        }

        return i == length ? counts : throw new JsonException($"{at}.{name}: expected {length} counts.");
    }

    private static long[] Histogram(JsonElement parent, string at)
    {
        var counts = new long[11];
        var i = 0;
        foreach (var v in Array(parent, "nps", at))
        {
            if (i == 11)
            {
                throw new JsonException($"{at}.nps: expected 11 counts.");
            }

            counts[i] = Long(v, $"{at}.nps[{i}]");
            i++;
        }

        return i == 11 ? counts : throw new JsonException($"{at}.nps: expected 11 counts.");
    }

    private static RejectionReason Reason(string name)
    {
        for (var r = RejectionReason.Malformed; r <= RejectionReason.LimitExceeded; r++)
        {
            if (JourneyStatisticsJson.ReasonName(r) == name)
            {
                return r;
            }
        }

        throw new JsonException($"$.rejected.{name}: unknown rejection reason.");
    }

    private static T Guarded<T>(string at, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{at}: {ex.Message}", ex);
        }
    }

    private static JsonElement Get(JsonElement parent, string name, string at)
    {
        Expect(parent, JsonValueKind.Object, at);
        return parent.TryGetProperty(name, out var value) ? value : throw new JsonException($"{at}.{name}: required.");
    }

    private static JsonElement.ObjectEnumerator Object(JsonElement parent, string name, string at)
    {
        var e = Get(parent, name, at);
        Expect(e, JsonValueKind.Object, at + "." + name);
        return e.EnumerateObject();
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string name, string at)
    {
        var e = Get(parent, name, at);
        Expect(e, JsonValueKind.Array, at + "." + name);
        return e.EnumerateArray();
    }

    private static string String(JsonElement parent, string name, string at) => StringValue(Get(parent, name, at), at + "." + name);

    private static string StringValue(JsonElement e, string at)
    {
        Expect(e, JsonValueKind.String, at);
        return e.GetString()!;
    }

    private static long Long(JsonElement parent, string name, string at) => Long(Get(parent, name, at), at + "." + name);

    private static long Long(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) && v >= 0 ? v : throw new JsonException($"{at}: expected a count (integer, 0 or more).");

    /// <summary>A sum that may be negative (sentiment in millionths).</summary>
    private static long SignedLong(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : throw new JsonException($"{at}: expected an integer.");

    private static double Double(JsonElement parent, string name, string at)
    {
        var e = Get(parent, name, at);
        return e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw new JsonException($"{at}.{name}: expected a number.");
    }

    private static void Expect(JsonElement e, JsonValueKind kind, string at)
    {
        if (e.ValueKind != kind)
        {
            throw new JsonException($"{at}: expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }
}
