using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Events;

/// <summary>
/// The CSV read on several threads must build exactly the log one reader builds: same ids, events, rejections, lines and
/// first error. Small parts put part boundaries inside quoted fields, bad records and limits.
/// </summary>
public class ParallelCsvReaderTest
{
    private const string Header = "customer_id,timestamp,stage,channel,sentiment,emotion,segment,note";

    private static readonly string[] s_customers = { "c1", "c2", "c3", "c4", "c5", "c6", "\"c,7\"", "\"c\n8\"", "héloïse", " " };
    private static readonly string[] s_times = { "2024-03-01T10:00:00Z", "2024-03-01 10:00:05+01:00", "2024-03-02T09:00:00.1234567-05:00", "2024-03-01T10:00:00", "yesterday", "" };
    private static readonly string[] s_stages = { "discover", "buy", "pay", "\"deliver\"", "\"re\r\nturn\"", "unknown", "" };
    private static readonly string[] s_channels = { "web", "app", "store", "\"call, centre\"", "" };
    private static readonly string[] s_sentiments = { "", "", "0.5", "-1", "1.5", "x" };
    private static readonly string[] s_emotions = { "", "", "joy", "anger", "\"fear\nand loathing\"" };
    private static readonly string[] s_segments = { "", "gold", "silver", "\"\"\"quoted\"\"\"" };
    private static readonly string[] s_notes = { "", "a note", "\"multi\nline\nnote\"", "\"x\"\"y\"", "bad\"quote", "\"closed\"junk", "\"" };

    private static Gen<string> Row() =>
        from customer in Gen.Elements(s_customers)
        from time in Gen.Elements(s_times)
        from stage in Gen.Elements(s_stages)
        from channel in Gen.Elements(s_channels)
        from sentiment in Gen.Elements(s_sentiments)
        from emotion in Gen.Elements(s_emotions)
        from segment in Gen.Elements(s_segments)
        from note in Gen.Elements(s_notes)
        from shape in Gen.Choose(0, 19)
        select shape switch
        {
            0 => string.Empty, // a blank line
            1 => $"{customer},{time},{stage}", // too few fields
            _ => string.Join(",", customer, time, stage, channel, sentiment, emotion, segment, note),
        };

    private static Gen<string> Csv() =>
        from rows in Gen.ListOf(Row())
        from crlf in Gen.Elements(false, true)
        from finalNewline in Gen.Elements(false, true)
        select Header + "\n" + string.Join(crlf ? "\r\n" : "\n", rows) + (finalNewline ? "\n" : string.Empty);

    private static EventLogOptions Options(ErrorMode mode, int maxTouchpoints, bool map) => new()
    {
        ErrorMode = mode,
        MaxDistinctTouchpoints = maxTouchpoints,
        MaxExamplesPerReason = 3,
        Map = map ? SmallMap() : null,
    };

    private static JourneyMap SmallMap() =>
        JourneyMap.CreateBuilder("shop")
            .AddStage("discover", "Discover", order: 1).AddStage("buy", "Buy", order: 2).AddStage("pay", "Pay", order: 3).AddStage("deliver", "Deliver", order: 4)
            .AddChannel("web", "Web").AddChannel("app", "App").AddChannel("store", "Store").AddChannel("call, centre", "Call centre")
            .Build();

    private static string Sequential(byte[] csv, EventLogOptions options) => LogDump.OfRead(() =>
        new CsvEventReader(new MemoryStream(csv), new EventLogBuilder(options, "in.csv"), TestContext.Current.CancellationToken).Read());

    private static string Parallel(byte[] csv, EventLogOptions options, int partBytes, int workers = 2) => LogDump.OfRead(() =>
        new ParallelEventReader(new MemoryStream(csv), new EventLogBuilder(options, "in.csv"), CsvEventReader.Create, workers, TestContext.Current.CancellationToken, partBytes).Read());

    [Property(MaxTest = 300)]
    public Property AnyCsv_AnyPartSize_ReadsExactlyAsOneReader() =>
        Prop.ForAll(
            (from text in Csv()
             from partBytes in Gen.Choose(1, 300)
             from mode in Gen.Elements(ErrorMode.Lenient, ErrorMode.Strict)
             from maxTouchpoints in Gen.Elements(2, 4, 10_000)
             from map in Gen.Elements(false, true)
             select (text, partBytes, options: Options(mode, maxTouchpoints, map))).ToArbitrary(),
            c =>
            {
                var csv = Encoding.UTF8.GetBytes(c.text);
                var expected = Sequential(csv, c.options);
                return (expected == Parallel(csv, c.options, c.partBytes)).Label(expected);
            });

    [Fact]
    public void QuotedNewline_AcrossAPartBoundary_IsReadAsOneField()
    {
        var rows = new StringBuilder(Header + "\n");
        for (var i = 0; i < 50; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 7},2024-03-01T10:{i % 60:00}:00Z,buy,web,,,,\"line one\nline two {i}\"\n");
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        var options = Options(ErrorMode.Strict, 10_000, map: false);
        var expected = Sequential(csv, options);
        Assert.DoesNotContain("error", expected.Substring(0, 6), StringComparison.Ordinal);
        for (var partBytes = 16; partBytes < 200; partBytes += 7)
        {
            Assert.Equal(expected, Parallel(csv, options, partBytes));
        }
    }

    [Fact]
    public void StrictError_InALaterPart_NamesItsLineInTheWholeFile()
    {
        var rows = new StringBuilder(Header + "\n");
        for (var i = 0; i < 2_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 13},2024-03-01T10:00:00Z,buy,web,{(i == 1_733 ? "7" : "0.1")},,,\n");
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        var error = Assert.Throws<EventLogException>(() =>
            new ParallelEventReader(new MemoryStream(csv), new EventLogBuilder(null, "in.csv"), CsvEventReader.Create, 2, TestContext.Current.CancellationToken, 1_000).Read());
        Assert.Equal(1_733 + 2, error.Line);
        Assert.Equal("sentiment", error.Field);
        Assert.Equal(RejectionReason.OutOfRange, error.Reason);
    }

    [Fact]
    public void LenientRejections_InEveryPart_KeepTheirLinesAndTheFirstExamples()
    {
        var rows = new StringBuilder(Header + "\n");
        for (var i = 0; i < 3_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 17},2024-03-01T10:00:00Z,buy,web,{(i % 500 == 499 ? "9" : "0.2")},,,\n");
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        var options = Options(ErrorMode.Lenient, 10_000, map: false);
        var builder = new EventLogBuilder(options, "in.csv");
        var log = new ParallelEventReader(new MemoryStream(csv), builder, CsvEventReader.Create, 2, TestContext.Current.CancellationToken, 2_000).Read();
        Assert.Equal(2_994, log.Count);
        Assert.Equal(6, log.Rejections.Count(RejectionReason.OutOfRange));
        Assert.Equal(new long[] { 501, 1_001, 1_501 }, log.Rejections.Examples(RejectionReason.OutOfRange).Select(r => r.Line));
        Assert.Equal(Sequential(csv, options), LogDump.Of(log));
    }

    [Fact]
    public void TouchpointLimit_ReachedInALaterPart_RejectsExactlyTheRowsOneReaderRejects()
    {
        var rows = new StringBuilder(Header + "\n");
        for (var i = 0; i < 1_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 11},2024-03-01T10:00:00Z,stage{i / 100},web,,,,\n");
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        var lenient = Options(ErrorMode.Lenient, 5, map: false);
        var log = new ParallelEventReader(new MemoryStream(csv), new EventLogBuilder(lenient, "in.csv"), CsvEventReader.Create, 2, TestContext.Current.CancellationToken, 500).Read();
        Assert.Equal(500, log.Count);
        Assert.Equal(500, log.Rejections.Count(RejectionReason.LimitExceeded));
        Assert.Equal(Sequential(csv, lenient), LogDump.Of(log));

        var strict = Options(ErrorMode.Strict, 5, map: false);
        var error = Assert.Throws<EventLogException>(() =>
            new ParallelEventReader(new MemoryStream(csv), new EventLogBuilder(strict, "in.csv"), CsvEventReader.Create, 2, TestContext.Current.CancellationToken, 500).Read());
        Assert.Equal(502, error.Line);
    }

    [Fact]
    public void StrictTouchpointLimit_WhenAPartStopsOnItsOwnLimit_TheWholeLogsEarlierRowIsNamed()
    {
        // Touchpoints a, b in the first part; the second part brings c, d, e: the part alone stops at e (its third), one
        // reader at c (the log's third).
        var csv = Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(new[] { "a", "b", "a", "b", "c", "d", "e", "c" }
            .Select((stage, i) => $"c{i},2024-03-01T10:00:00Z,{stage},web,,,,\n")));
        var strict = Options(ErrorMode.Strict, 2, map: false);
        var expected = Sequential(csv, strict);
        Assert.Contains("line 6", expected, StringComparison.Ordinal);
        for (var partBytes = 16; partBytes < 200; partBytes += 5)
        {
            Assert.Equal(expected, Parallel(csv, strict, partBytes));
        }
    }

    [Fact]
    public void OptionalColumns_FirstSetInALaterPart_AreAbsentBeforeAndPresentAfter()
    {
        var rows = new StringBuilder(Header + "\n");
        for (var i = 0; i < 600; i++)
        {
            var late = i >= 450;
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 9},2024-03-01T10:00:{i % 60:00}+02:00,buy,web,{(late ? "0.5" : string.Empty)},{(late ? "joy" : string.Empty)},{(late ? "gold" : string.Empty)},{(late ? "n" : string.Empty)}\n");
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        var options = Options(ErrorMode.Strict, 10_000, map: false);
        var log = new ParallelEventReader(new MemoryStream(csv), new EventLogBuilder(options, "in.csv"), CsvEventReader.Create, 3, TestContext.Current.CancellationToken, 700).Read();
        Assert.NotNull(log.Sentiment);
        Assert.True(float.IsNaN(log.Sentiment![0]));
        Assert.Equal(0.5f, log.Sentiment[599]);
        Assert.Equal(-1, log.Segment![0]);
        Assert.Equal(Sequential(csv, options), LogDump.Of(log));
    }

    [Fact]
    public void PublicReader_WithTwoThreads_GivesTheSameLogAsOne()
    {
        // Larger than the first block and several parts, through EventLogReader as callers use it.
        var rows = new StringBuilder(Header + "\n");
        var random = new System.Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            rows.Append("cust").Append(random.Next(20_000)).Append(",2024-03-0").Append(1 + random.Next(9)).Append("T10:").Append(random.Next(10, 60))
                .Append(":00Z,").Append(s_stages[random.Next(3)]).Append(',').Append(s_channels[random.Next(3)]).Append(",0.").Append(random.Next(10))
                .Append(',').Append(random.Next(4) == 0 ? "joy" : string.Empty).Append(",gold,").Append(random.Next(100) == 0 ? "\"a\nb\"" : "n").Append('\n');
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        Assert.True(csv.Length > 2 * ParallelEventReader.PartBytes);
        var one = EventLogReader.Read(new MemoryStream(csv), EventLogFormat.Csv, new EventLogOptions(), "in.csv", TestContext.Current.CancellationToken);
        var two = EventLogReader.Read(new MemoryStream(csv), EventLogFormat.Csv, new EventLogOptions { MaxDegreeOfParallelism = 2 }, "in.csv", TestContext.Current.CancellationToken);
        Assert.Equal(200_000, two.Count);
        Assert.Equal(LogDump.Of(one), LogDump.Of(two));
    }

    [Theory]
    [InlineData("running-example.csv")]
    [InlineData("roadtraffic100traces.csv")]
    [InlineData("receipt.csv")]
    public void PublicLogs_ReadInParts_AreIdentical(string file)
    {
        var csv = File.ReadAllBytes(TestData.EventLog(file));
        var options = new EventLogOptions { ErrorMode = ErrorMode.Lenient, AssumedTimeZone = TimeZoneInfo.Utc };
        var expected = Sequential(csv, options);
        Assert.Equal(expected, Parallel(csv, options, 4_096));
        Assert.Equal(expected, Parallel(csv, options, 65_536, workers: 3));
    }

    [Fact]
    public void Cancellation_StopsTheRead()
    {
        var rows = new StringBuilder(Header + "\n");
        for (var i = 0; i < 5_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 13},2024-03-01T10:00:00Z,buy,web,,,,\n");
        }

        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ParallelEventReader(new MemoryStream(Encoding.UTF8.GetBytes(rows.ToString())), new EventLogBuilder(null, "in.csv"), CsvEventReader.Create, 2, cancelled.Token, 1_000).Read());
    }

    [Fact]
    public void MaxDegreeOfParallelism_BelowOne_IsRefused()
    {
        var options = new EventLogOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDegreeOfParallelism = 0);
        Assert.Equal(1, options.MaxDegreeOfParallelism);
    }
}

/// <summary>Every column, name table and rejection of a log as text, so two logs compare exactly and a difference shows.</summary>
internal static class LogDump
{
    /// <summary>The dump of the log a read returns, or the message of the <see cref="EventLogException"/> it throws.</summary>
    public static string OfRead(Func<EventLog> read)
    {
        try
        {
            return Of(read());
        }
        catch (EventLogException e)
        {
            return "error: " + e.Message;
        }
    }

    public static string Of(EventLog log)
    {
        var s = new StringBuilder();
        s.Append("count ").Append(log.Count).Append('\n');
        Names(s, "customers", log.CustomerNames);
        Names(s, "stages", log.StageNames);
        Names(s, "channels", log.ChannelNames);
        Names(s, "emotions", log.EmotionNames);
        Names(s, "segments", log.SegmentNames);
        Names(s, "attributes", log.AttributeNameArray);
        Names(s, "values", log.AttributeValues);
        Column(s, "activityStage", log.ActivityStage, log.ActivityStage.Length);
        Column(s, "activityChannel", log.ActivityChannel, log.ActivityChannel.Length);
        Column(s, "customer", log.Customer, log.Count);
        Column(s, "activity", log.Activity, log.Count);
        Column(s, "ticks", log.UtcTicks, log.Count);
        Column(s, "offset", log.OffsetMinutes, log.Count);
        Column(s, "sentiment", log.Sentiment, log.Count);
        Column(s, "rating", log.Rating, log.Count);
        Column(s, "nps", log.Nps, log.Count);
        Column(s, "status", log.Status, log.Count);
        Column(s, "emotion", log.Emotion, log.Count);
        Column(s, "segment", log.Segment, log.Count);
        Column(s, "effort", log.Effort, log.Count);
        for (var k = 0; k < log.AttributeColumns.Length; k++)
        {
            Column(s, "attribute" + k, log.AttributeColumns[k], log.Count);
        }

        s.Append("rejections ").Append(log.Rejections.Total).Append('\n');
        foreach (var reason in log.Rejections.Reasons())
        {
            s.Append(reason).Append(' ').Append(log.Rejections.Count(reason)).Append('\n');
            foreach (var example in log.Rejections.Examples(reason))
            {
                s.Append("  ").Append(example).Append('\n');
            }
        }

        return s.ToString();
    }

    private static void Names(StringBuilder s, string what, IReadOnlyList<string> names) =>
        s.Append(what).Append(": ").Append(string.Join("|", names)).Append('\n');

    private static void Column<T>(StringBuilder s, string what, T[]? column, int count)
    {
        s.Append(what).Append(": ");
        if (column is null)
        {
            s.Append("none\n");
            return;
        }

        for (var i = 0; i < count; i++)
        {
            s.Append(column[i]).Append(' ');
        }

        s.Append('\n');
    }
}
