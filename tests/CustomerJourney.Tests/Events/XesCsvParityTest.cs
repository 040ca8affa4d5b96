using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Events;

/// <summary>
/// The XES reader against the CSV reader on the same generated events: every column of the two logs, value by value, so
/// that reading XES attribute text through reusable char buffers (rather than strings) is proven to change nothing.
/// </summary>
/// <remarks>
/// The events are grouped by customer, as XES traces group them, so both files hold them in the same order. The log is
/// larger than the 8,192 events after which the XES reader sizes its columns from the stream, and its text crosses the
/// reader's buffer sizes: long values and keys, surrogate pairs, markup that XML escapes, line breaks.
/// </remarks>
public class XesCsvParityTest
{
    private static readonly string[] s_texts =
    {
        "a", "b c", " padded ", "x,y", "q\"uote", "two\nlines", "tab\there", "héllo", "日本語", "emoji 😀", "<tag>&amp;", "'apos'",
        "=SUM(A1)", "-minus", new string('l', 300), "😀" + new string('s', 254) + "😀😀", new string('é', 700) + "end",
    };

    private static readonly string[] s_stages = { "browse", "pay", "sign up", "étape", "a@b", "x" + new string('y', 100) };
    private static readonly string[] s_channels = { "default", "web", "app", "call center", "ça" };
    private static readonly string[] s_keys = { "note", "org:resource", "x y", "k" + new string('e', 80) + "y", "clé😀" };

    [Fact]
    public void Xes_ReadsEveryColumnAsCsvDoes()
    {
        var log = EventLog.FromEvents(Generate(20_000, seed: 7));
        var csv = Read(Write(log, EventLogFormat.Csv), EventLogFormat.Csv);
        var xes = Read(Write(log, EventLogFormat.Xes), EventLogFormat.Xes);
        AssertSameColumns(csv, xes);
        Assert.Equal(log.Count, xes.Count);
    }

    [Fact]
    public void Xes_FromAStreamThatCannotSeek_ReadsEveryColumnAsCsvDoes()
    {
        var log = EventLog.FromEvents(Generate(10_000, seed: 11));
        var csv = Read(Write(log, EventLogFormat.Csv), EventLogFormat.Csv);
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            var bytes = Write(log, EventLogFormat.Xes);
            zip.Write(bytes, 0, bytes.Length);
        }

        gz.Position = 0;
        using var unzip = new GZipStream(gz, CompressionMode.Decompress);
        var xes = EventLogReader.Read(unzip, EventLogFormat.Xes, null, "parity.xes.gz", TestContext.Current.CancellationToken);
        AssertSameColumns(csv, xes);
    }

    private static IEnumerable<JourneyEvent> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var n = 0;
        for (var c = 0; n < count; c++)
        {
            var customer = random.Next(10) == 0 ? s_texts[random.Next(s_texts.Length)] + "#" + c : "C" + c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var length = random.Next(1, 20);
            for (var e = 0; e < length && n < count; e++, n++)
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var key in s_keys)
                {
                    if (random.Next(4) == 0)
                    {
                        attributes[key] = s_texts[random.Next(s_texts.Length)];
                    }
                }

                yield return new JourneyEvent(
                    customer,
                    new DateTimeOffset(start.AddSeconds(random.Next(0, 90 * 24 * 3600)).AddTicks(random.Next(10_000_000)), TimeSpan.FromMinutes(15 * random.Next(-56, 57))),
                    s_stages[random.Next(s_stages.Length)],
                    s_channels[random.Next(s_channels.Length)],
                    random.Next(3) == 0 ? Math.Round((random.NextDouble() * 2) - 1, random.Next(1, 8)) : null,
                    random.Next(3) == 0 ? random.Next(1, 6) : null,
                    random.Next(4) == 0 ? s_texts[random.Next(s_texts.Length)] : null,
                    random.Next(3) == 0 ? random.Next(0, 11) : null,
                    (EventStatus)random.Next(3),
                    random.Next(4) == 0 ? s_texts[random.Next(s_texts.Length)] : null,
                    attributes,
                    random.Next(3) == 0 ? random.Next(1, 8) : null);
            }
        }
    }

    private static byte[] Write(EventLog log, EventLogFormat format)
    {
        using var stream = new MemoryStream();
        EventLogWriter.Write(log, stream, format, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static EventLog Read(byte[] bytes, EventLogFormat format) =>
        EventLogReader.Read(new MemoryStream(bytes, writable: false), format, null, "parity", TestContext.Current.CancellationToken);

    private static void AssertSameColumns(EventLog csv, EventLog xes)
    {
        Assert.Equal(0, csv.Rejections.Total);
        Assert.Equal(0, xes.Rejections.Total);
        var count = csv.Count;
        Assert.Equal(count, xes.Count);

        // Ids are interned in first-seen order by both readers: the same ids, and the same names behind them.
        Assert.Equal(csv.CustomerNames, xes.CustomerNames);
        Assert.Equal(csv.StageNames, xes.StageNames);
        Assert.Equal(csv.ChannelNames, xes.ChannelNames);
        Assert.Equal(csv.ActivityStage, xes.ActivityStage);
        Assert.Equal(csv.ActivityChannel, xes.ActivityChannel);
        Assert.Equal(csv.EmotionNames, xes.EmotionNames);
        Assert.Equal(csv.SegmentNames, xes.SegmentNames);
        Assert.Equal(csv.AttributeValues.OrderBy(v => v, StringComparer.Ordinal), xes.AttributeValues.OrderBy(v => v, StringComparer.Ordinal));

        AssertColumn(csv.Customer, xes.Customer, count, nameof(EventLog.Customer));
        AssertColumn(csv.Activity, xes.Activity, count, nameof(EventLog.Activity));
        AssertColumn(csv.UtcTicks, xes.UtcTicks, count, nameof(EventLog.UtcTicks));
        AssertColumn(csv.OffsetMinutes, xes.OffsetMinutes, count, nameof(EventLog.OffsetMinutes));
        AssertColumn(csv.Sentiment, xes.Sentiment, count, nameof(EventLog.Sentiment));
        AssertColumn(csv.Rating, xes.Rating, count, nameof(EventLog.Rating));
        AssertColumn(csv.Nps, xes.Nps, count, nameof(EventLog.Nps));
        AssertColumn(csv.Effort, xes.Effort, count, nameof(EventLog.Effort));
        AssertColumn(csv.Status, xes.Status, count, nameof(EventLog.Status));
        AssertColumn(csv.Emotion, xes.Emotion, count, nameof(EventLog.Emotion));
        AssertColumn(csv.Segment, xes.Segment, count, nameof(EventLog.Segment));

        // Attribute keys: CSV interns them from its header, XES as events bring them, so match them by name.
        Assert.Equal(csv.AttributeNameArray.OrderBy(k => k, StringComparer.Ordinal), xes.AttributeNameArray.OrderBy(k => k, StringComparer.Ordinal));
        for (var k = 0; k < csv.AttributeNameArray.Length; k++)
        {
            var key = csv.AttributeNameArray[k];
            var x = Array.IndexOf(xes.AttributeNameArray, key);
            var a = csv.AttributeColumns[k];
            var b = xes.AttributeColumns[x];
            for (var i = 0; i < count; i++)
            {
                var va = a is null || a[i] < 0 ? null : csv.AttributeValues[a[i]];
                var vb = b is null || b[i] < 0 ? null : xes.AttributeValues[b[i]];
                Assert.True(va == vb, $"attribute '{key}' of event {i}: CSV '{va}', XES '{vb}'");
            }
        }

        Assert.Equal(csv.ToEvents(), xes.ToEvents());
    }

    private static void AssertColumn<T>(T[]? csv, T[]? xes, int count, string name)
    {
        Assert.True((csv is null) == (xes is null), $"{name}: the column is {(csv is null ? "absent" : "present")} from CSV, {(xes is null ? "absent" : "present")} from XES");
        if (csv is null || xes is null)
        {
            return;
        }

        // The arrays may be longer than the log: compare the events only.
        for (var i = 0; i < count; i++)
        {
            Assert.True(EqualityComparer<T>.Default.Equals(csv[i], xes[i]), $"{name} of event {i}: CSV {csv[i]}, XES {xes[i]}");
        }
    }
}
