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
        ToStream(buffer, write);
        return buffer.ToArray();
    }

    /// <summary>
    /// Runs <paramref name="write"/> into <paramref name="stream"/> (left open), with <c>\n</c> line ends and a final <c>\n</c>.
    /// The writer holds what has not been flushed: a long list should call <see cref="FlushIfFull"/> per item, so that a
    /// large output streams through a small buffer rather than being held whole.
    /// </summary>
    public static void ToStream(Stream stream, Action<Utf8JsonWriter> write) => ToStream(stream, (w, _) => write(w));

    /// <summary>
    /// As <see cref="ToStream(Stream, Action{Utf8JsonWriter})"/>, also handing <paramref name="write"/> the stream the writer
    /// writes to, for text made elsewhere to go straight there once the writer is flushed.
    /// </summary>
    public static void ToStream(Stream stream, Action<Utf8JsonWriter, Stream> write)
    {
#if NET9_0_OR_GREATER
        var target = stream;
#else
        // Before .NET 9 the writer ends lines with Environment.NewLine.
        var target = Environment.NewLine == "\n" ? stream : new CarriageReturnFilter(stream);
#endif
        using (var writer = new Utf8JsonWriter(target, WriterOptions))
        {
            write(writer, target);
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
    /// the whole text is held at once. Items are laid out a chunk at a time by <see cref="VariantLayout"/> and handed to
    /// <paramref name="w"/> as raw values. With <paramref name="parallelism"/> above 1 and the <paramref name="stream"/>
    /// <paramref name="w"/> writes to, a long list is laid out on that many threads (<see cref="WriteVariantsInParallel"/>),
    /// the same bytes.
    /// </summary>
    public static long WriteVariants(Utf8JsonWriter w, VariantSet variants, int top, int parallelism = 1, Stream? stream = null)
    {
        var names = new JsonEncodedText[variants.Names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = JsonEncodedText.Encode(variants.Names[i], s_encoder);
        }

        var kept = Math.Min(top, variants.Count);
        var listed = 0L;
        for (var p = 0; p < kept; p++)
        {
            listed += variants.CountAt(p);
        }

        w.WriteStartArray("variants");
        if (parallelism > 1 && stream is not null && kept >= 2 * VariantsPerChunk)
        {
            WriteVariantsInParallel(w, stream, variants, names, kept, parallelism);
        }
        else if (kept > 0)
        {
            // About 64 KiB of items at a time as one raw value, then flushed: the writer puts the comma between them.
            var layout = new VariantLayout(names, w.CurrentDepth);
            var buffer = new ChunkBuffer();
            for (var p = 0; p < kept; p++)
            {
                layout.Write(buffer, variants, p);
                if (buffer.WrittenCount >= FlushThreshold || p == kept - 1)
                {
                    w.WriteRawValue(buffer.Written(0), skipInputValidation: true);
                    w.Flush();
                    buffer.Clear();
                }
            }
        }

        w.WriteEndArray();
        return listed;
    }

    /// <summary>Variants a thread formats at a time: about a megabyte of text, held per thread until the stream's writer takes it.</summary>
    internal const int VariantsPerChunk = 4096;

    private const int MaxThreads = 64;

    /// <summary>
    /// Writes variants [0, kept) batch by batch: each thread lays out a chunk of a batch (<see cref="VariantLayout"/>, at
    /// <paramref name="w"/>'s depth). The first chunk goes through <paramref name="w"/> as one raw value, so that
    /// <paramref name="w"/> knows its array has items; <paramref name="w"/> is then flushed, and each later chunk goes, in
    /// order, straight to <paramref name="stream"/> after a comma: the bytes <paramref name="w"/> would write for a raw value
    /// (raw values get no indentation of their own, and the chunk's text starts with the newline and indentation before its
    /// first item). A chunk is written as soon as it and the ones before it are formatted, mostly by the thread that
    /// formatted it (<see cref="ChunkTurn"/>), rather than copied by the calling thread into <paramref name="w"/> once the
    /// batch is done.
    /// </summary>
    private static void WriteVariantsInParallel(Utf8JsonWriter w, Stream stream, VariantSet variants, JsonEncodedText[] names, int kept, int parallelism)
    {
        // No more threads than chunks, nor than MaxThreads: each holds a chunk's text (about a megabyte) until it is written.
        parallelism = Math.Min(Math.Min(parallelism, MaxThreads), (kept + VariantsPerChunk - 1) / VariantsPerChunk);
        var buffers = new ChunkBuffer[parallelism];
        var layout = new VariantLayout(names, w.CurrentDepth);
        var batch = VariantsPerChunk * parallelism;
        var turn = new ChunkTurn(parallelism, WriteChunk);
        for (var first = 0; first < kept; first += batch)
        {
            var batchStart = first;
            JourneyOrdering.ForEachPart(parallelism, t =>
            {
                var from = batchStart + (t * VariantsPerChunk);
                var to = Math.Min(kept, from + VariantsPerChunk);
                if (from >= to)
                {
                    return;
                }

                // One buffer per thread, reused for every batch: a chunk is about a megabyte of text.
                var buffer = buffers[t] ??= new ChunkBuffer();
                buffer.Clear();
                layout.Write(buffer, variants, from, to);
                turn.Ready(from / VariantsPerChunk);
            });
        }

        // Chunk c of the whole list was formatted by thread c % parallelism, in the batch being written.
        void WriteChunk(int c)
        {
            var t = c % parallelism;
            if (c == 0)
            {
                w.WriteRawValue(buffers[t].Written(0), skipInputValidation: true);
                w.Flush();
            }
            else
            {
                stream.WriteByte((byte)',');
                buffers[t].WriteTo(stream, 0);
            }
        }
    }

    /// <summary>
    /// Chunks written in order as they become ready: the thread that readies the next chunk to write writes it, and any
    /// ready ones after it. No thread waits for another to format, so no order of running the threads can stall; most
    /// chunks are written by the thread that formatted them. Chunk c uses slot c % slots: a batch's chunks are all written
    /// before the next batch starts.
    /// </summary>
    private sealed class ChunkTurn
    {
        private readonly object _gate = new();
        private readonly bool[] _ready;
        private readonly Action<int> _write;
        private int _next;
        private bool _failed;

        public ChunkTurn(int slots, Action<int> write)
        {
            _ready = new bool[slots];
            _write = write;
        }

        /// <summary>Marks chunk <paramref name="chunk"/> formatted and writes, in order, every chunk now ready to go.</summary>
        public void Ready(int chunk)
        {
            lock (_gate)
            {
                _ready[chunk % _ready.Length] = true;
                while (!_failed && _ready[_next % _ready.Length])
                {
                    _ready[_next % _ready.Length] = false;
                    try
                    {
                        _write(_next);
                    }
                    catch
                    {
                        _failed = true; // nothing after a chunk that failed to be written
                        throw;
                    }

                    _next++;
                }
            }
        }
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
