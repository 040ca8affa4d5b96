using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CustomerJourney.Analysis;

namespace CustomerJourney.Json.Internal;

/// <summary>Deterministic JSON text: two-space indentation, <c>\n</c> line ends on every platform, invariant numbers.</summary>
internal static class JsonOutput
{
    // Non-ASCII letters stay readable (French stage names); HTML-sensitive characters are still escaped.
    private static readonly JavaScriptEncoder s_encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    private static readonly JsonEncodedText s_path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText s_count = JsonEncodedText.Encode("count");

    public static JsonWriterOptions WriterOptions => new()
    {
        Indented = true,
        Encoder = s_encoder,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    /// <summary>Runs <paramref name="write"/> into a buffer and returns its UTF-8 bytes, with <c>\n</c> line ends and a final <c>\n</c>.</summary>
    public static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        ToStream(buffer, write);
        return buffer.ToArray();
    }

    /// <summary>
    /// Runs <paramref name="write"/> into <paramref name="stream"/> (left open), with <c>\n</c> line ends and a final <c>\n</c>.
    /// The writer holds what has not been flushed: a long list should call <see cref="FlushIfFull"/> per item, so that a
    /// large output streams through a small buffer rather than being held whole.
    /// </summary>
    public static void ToStream(Stream stream, Action<Utf8JsonWriter> write)
    {
#if NET9_0_OR_GREATER
        var target = stream;
#else
        // Before .NET 9 the writer ends lines with Environment.NewLine.
        var target = Environment.NewLine == "\n" ? stream : new CarriageReturnFilter(stream);
#endif
        using (var writer = new Utf8JsonWriter(target, WriterOptions))
        {
            write(writer);
        }

        target.WriteByte((byte)'\n');
        target.Flush();
    }

    /// <summary>Hands what the writer holds to its stream once it passes 64 KiB.</summary>
    public static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }

    private const int FlushThreshold = 1 << 16;

    public static string ToText(Action<Utf8JsonWriter> write) => new UTF8Encoding(false).GetString(ToUtf8(write));

    /// <summary>Writes a double as the shortest invariant text that reads back to it; null for NaN or infinity.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            writer.WriteNullValue();
            return;
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture); // .NET Framework's "R" misses a few values
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        WriteNumber(writer, value);
    }

    /// <summary>An object of counts by name, in the dictionary's order.</summary>
    public static void WriteCounts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, long> counts)
    {
        w.WriteStartObject(name);
        foreach (var c in counts)
        {
            w.WriteNumber(c.Key, c.Value);
        }

        w.WriteEndObject();
    }

    /// <summary>An array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>An array of integers.</summary>
    public static void WriteLongs(Utf8JsonWriter w, string name, IReadOnlyList<long> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// <c>variants</c> [{path, count}], the first <paramref name="top"/> of the set, as both the paths view and the full
    /// statistics write it; returns the journeys listed. Written straight from the compact set and flushed as it goes: a
    /// log of a million distinct journeys makes a million variants, and neither a <see cref="PathVariant"/> per variant nor
    /// the whole text is held at once.
    /// </summary>
    public static long WriteVariants(Utf8JsonWriter w, VariantSet variants, int top)
    {
        var names = new JsonEncodedText[variants.Names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = JsonEncodedText.Encode(variants.Names[i], s_encoder);
        }

        var kept = Math.Min(top, variants.Count);
        var listed = 0L;
        w.WriteStartArray("variants");
        for (var p = 0; p < kept; p++)
        {
            w.WriteStartObject();
            w.WriteStartArray(s_path);
            var path = variants.PathAt(p, out var offset, out var length);
            for (var i = offset; i < offset + length; i++)
            {
                w.WriteStringValue(names[path[i]]);
            }

            w.WriteEndArray();
            var count = variants.CountAt(p);
            w.WriteNumber(s_count, count);
            listed += count;
            w.WriteEndObject();
            FlushIfFull(w);
        }

        w.WriteEndArray();
        return listed;
    }

    /// <summary><c>transitionKinds</c>, as both the paths view and the full statistics write it.</summary>
    public static void WriteTransitionKinds(Utf8JsonWriter w, TransitionCounts t)
    {
        w.WriteStartObject("transitionKinds");
        w.WriteNumber("forward", t.Forward);
        w.WriteNumber("skip", t.Skip);
        w.WriteNumber("skippedStages", t.SkippedStages);
        w.WriteNumber("repeat", t.Repeat);
        w.WriteNumber("back", t.Back);
        w.WriteEndObject();
    }

    /// <summary><c>channelSwitches</c> [{stage, from, to, count}], as both the paths view and the full statistics write it.</summary>
    public static void WriteChannelSwitches(Utf8JsonWriter w, IReadOnlyList<ChannelSwitch> switches)
    {
        w.WriteStartArray("channelSwitches");
        foreach (var c in switches)
        {
            w.WriteStartObject();
            w.WriteString("stage", c.Stage);
            w.WriteString("from", c.FromChannel);
            w.WriteString("to", c.ToChannel);
            w.WriteNumber("count", c.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
