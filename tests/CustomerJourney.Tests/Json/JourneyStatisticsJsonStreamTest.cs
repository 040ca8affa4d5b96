using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json;
using CustomerJourney.Json.Internal;

namespace CustomerJourney.Tests.Json;

/// <summary>Statistics written to a stream: the same bytes as in memory, sent as they are made rather than held whole.</summary>
public sealed class JourneyStatisticsJsonStreamTest
{
    private static readonly JourneyStatistics s_manyVariants = ManyVariants();

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1_000_000)]
    public void WritePathsJson_GivesTheBytesOfToPathsJsonUtf8_InSmallWrites(int? top)
    {
        var stream = new RecordingStream();

        JourneyStatisticsJson.WritePathsJson(stream, s_manyVariants, top);

        Assert.Equal(JourneyStatisticsJson.ToPathsJsonUtf8(s_manyVariants, top), stream.ToArray());
        if (top is null)
        {
            // Every variant listed is over 2 MB of text; the writer hands it on in pieces of about 64 KiB.
            Assert.True(stream.Length > 2_000_000, $"{stream.Length} bytes");
            Assert.True(stream.Writes > 20, $"{stream.Writes} writes");
            Assert.True(stream.LargestWrite < 80 * 1024, $"largest write {stream.LargestWrite} bytes");
        }
    }

    [Theory]
    [InlineData(2, null)] // 20,000 variants: three batches of two chunks, the last chunk of the last batch empty
    [InlineData(3, null)] // two batches of three chunks
    [InlineData(2, 2 * JsonOutput.VariantsPerChunk - 1)] // below the threshold: one thread
    [InlineData(2, 2 * JsonOutput.VariantsPerChunk)] // at it
    [InlineData(4, 10_000)] // cut inside a chunk
    public void WritePathsJson_OnSeveralThreads_GivesTheSameBytes(int threads, int? top)
    {
        var stream = new RecordingStream();

        JourneyStatisticsJson.WritePathsJson(stream, s_manyVariants, top, threads);

        Assert.True(JourneyStatisticsJson.ToPathsJsonUtf8(s_manyVariants, top).AsSpan().SequenceEqual(stream.ToArray()), "the bytes differ from one thread's");
        if (top is null)
        {
            // Five chunks of variants: handed on a chunk at a time, not held whole.
            Assert.True(stream.LargestWrite < stream.Length / 3, $"largest write {stream.LargestWrite} of {stream.Length} bytes");
        }
    }

    [Fact]
    public void WritePathsJson_OnSeveralThreads_StreamFailure_ReachesTheCallerAsItself()
    {
        // The stream fails after a few chunks: the caller gets the stream's exception, not a wrapper.
        var stream = new RecordingStream(failAfter: 300_000);

        var ex = Assert.Throws<IOException>(() => JourneyStatisticsJson.WritePathsJson(stream, s_manyVariants, null, 3));

        Assert.Equal("disk full", ex.Message);
    }

    [Fact]
    public void SerializeToStream_GivesTheBytesOfSerialize_InSmallWrites()
    {
        var stream = new RecordingStream();

        JourneyStatisticsJson.Serialize(stream, s_manyVariants);

        Assert.Equal(Encoding.UTF8.GetBytes(JourneyStatisticsJson.Serialize(s_manyVariants)), stream.ToArray());
        Assert.True(stream.LargestWrite < 80 * 1024, $"largest write {stream.LargestWrite} bytes");
        Assert.Equal(s_manyVariants, JourneyStatisticsJson.Deserialize(new MemoryStream(stream.ToArray())));
    }

    [Fact]
    public void PathsAndFullForm_AreLaidOutExactlyAsTheWriterLaysOutTheirValues()
    {
        // The variants' path arrays are assembled from bytes encoded ahead: re-writing the parsed document with the writer
        // itself must give the same bytes.
        foreach (var bytes in new[] { JourneyStatisticsJson.ToPathsJsonUtf8(s_manyVariants), Encoding.UTF8.GetBytes(JourneyStatisticsJson.Serialize(s_manyVariants)) })
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            var rewritten = JsonOutput.ToUtf8(w => document.WriteTo(w));
            Assert.True(rewritten.AsSpan().SequenceEqual(bytes), "the layout differs from the writer's");
        }
    }

    [Fact]
    public void PathsJson_NamesThatNeedEscaping_AreLaidOutAsTheWriterWritesThem()
    {
        // The path elements are laid out from names encoded once: quotes, backslashes, HTML-sensitive and control
        // characters are escaped as the writer escapes them, and non-ASCII letters stay readable.
        var names = new[] { "say \"hi\"", "back\\slash", "<b>&amp;</b>", "tab\tand\u0001", "étape ü", "emoji 😀", "plain" };
        var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var events = new List<JourneyEvent>();
        for (var c = 0; c < 40; c++)
        {
            for (var step = 0; step <= c % names.Length; step++)
            {
                events.Add(new JourneyEvent("c" + c, start.AddMinutes(step), names[(c + step) % names.Length], "default"));
            }
        }

        var stats = JourneyAnalyzer.Analyze(EventLog.FromEvents(events), cancellationToken: TestContext.Current.CancellationToken);
        var bytes = JourneyStatisticsJson.ToPathsJsonUtf8(stats);

        using var document = System.Text.Json.JsonDocument.Parse(bytes);
        Assert.True(JsonOutput.ToUtf8(w => document.WriteTo(w)).AsSpan().SequenceEqual(bytes), "the layout differs from the writer's");
        var listed = new List<string>();
        foreach (var variant in document.RootElement.GetProperty("variants").EnumerateArray())
        {
            foreach (var name in variant.GetProperty("path").EnumerateArray())
            {
                listed.Add(name.GetString()!);
            }
        }

        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), listed.Distinct().OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("\\u003Cb\\u003E", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("étape ü", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void WritePathsJson_RefusesNullsANegativeTopAndNoThread()
    {
        Assert.Throws<ArgumentNullException>("utf8Json", () => JourneyStatisticsJson.WritePathsJson(null!, s_manyVariants));
        Assert.Throws<ArgumentNullException>("statistics", () => JourneyStatisticsJson.WritePathsJson(new MemoryStream(), null!));
        Assert.Throws<ArgumentOutOfRangeException>("top", () => JourneyStatisticsJson.WritePathsJson(new MemoryStream(), s_manyVariants, -1));
        Assert.Throws<ArgumentOutOfRangeException>("maxDegreeOfParallelism", () => JourneyStatisticsJson.WritePathsJson(new MemoryStream(), s_manyVariants, null, 0));
    }

    [Fact]
    public void CarriageReturnFilter_DropsEveryCrAndNothingElse()
    {
        using var inner = new MemoryStream();
        var filter = new CarriageReturnFilter(inner);
        var bytes = Encoding.UTF8.GetBytes("{\r\n  \"é\": \"\\r\"\r\n}\r");

        filter.Write(bytes, 0, 5);
        filter.Write(bytes, 5, bytes.Length - 5);

        Assert.Equal("{\n  \"é\": \"\\r\"\n}", Encoding.UTF8.GetString(inner.ToArray()));
    }

    /// <summary>20,000 journeys over five activities with non-ASCII names, nearly each a variant of its own.</summary>
    private static JourneyStatistics ManyVariants()
    {
        var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var events = new List<JourneyEvent>();
        for (var c = 0; c < 20_000; c++)
        {
            var code = c;
            for (var step = 0; step < 7; step++, code /= 5)
            {
                events.Add(new JourneyEvent("c" + c, start.AddMinutes(step), "étape " + (code % 5), "default"));
            }
        }

        return JourneyAnalyzer.Analyze(EventLog.FromEvents(events));
    }

    /// <summary>A memory stream that remembers how many writes it took and the largest and, past <c>failAfter</c> bytes, fails as a full disk would.</summary>
    private sealed class RecordingStream(long failAfter = long.MaxValue) : MemoryStream
    {
        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Record(buffer.Length);
            base.Write(buffer);
        }

        private void Record(int count)
        {
            if (Length + count > failAfter)
            {
                throw new IOException("disk full");
            }

            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
        }
    }
}
