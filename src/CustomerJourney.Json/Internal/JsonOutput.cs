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
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        var bytes = buffer.ToArray();
        // Before .NET 9 the writer ends lines with Environment.NewLine. Raw CR only ever appears there: strings escape it.
        return Environment.NewLine == "\n" ? bytes : RemoveCarriageReturns(bytes);
    }

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

    private static byte[] RemoveCarriageReturns(byte[] bytes)
    {
        var result = new byte[bytes.Length];
        var n = 0;
        foreach (var b in bytes)
        {
            if (b != (byte)'\r')
            {
                result[n++] = b;
            }
        }

        Array.Resize(ref result, n);
        return result;
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
