using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using CustomerJourney.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Events;

/// <summary>JSON Lines read on several threads must build exactly the log one reader builds.</summary>
public class ParallelJsonLinesReaderTest
{
    private static readonly string[] s_lines =
    {
        "{\"customer_id\":\"c1\",\"timestamp\":\"2024-03-01T10:00:00Z\",\"stage\":\"buy\",\"channel\":\"web\",\"sentiment\":0.5}",
        "{\"customer_id\":\"c2\",\"timestamp\":\"2024-03-01T10:00:01+01:00\",\"stage\":\"pay\",\"channel\":\"app\",\"emotion\":\"joy\",\"note\":\"a\\nb\"}",
        "{\"customer_id\":\"c\\u00e9\",\"timestamp\":\"2024-03-01T10:00:02Z\",\"concept:name\":\"ship@store\",\"segment\":\"gold\"}",
        "{\"customer_id\":\"c3\",\"timestamp\":\"2024-03-01T10:00:03Z\",\"stage\":\"buy\",\"channel\":\"web\",\"rating\":9}",
        "{\"customer_id\":\"c4\",\"timestamp\":\"yesterday\",\"stage\":\"buy\",\"channel\":\"web\"}",
        "{\"customer_id\":\"c5\",\"timestamp\":\"2024-03-01T10:00:05Z\",\"stage\":\"new\",\"channel\":\"fax\"}",
        "{\"customer_id\":\"c6\",\"timestamp\":",
        "[1]",
        "",
        "   ",
        "{\"customer_id\":\"c7\",\"timestamp\":\"2024-03-01T10:00:07Z\",\"stage\":\"buy\",\"channel\":\"web\",\"x\":{\"y\":[1,2]}}",
    };

    private static string Sequential(byte[] jsonl, EventLogOptions options) => LogDump.OfRead(() =>
        new JsonLinesEventReader(new MemoryStream(jsonl), new EventLogBuilder(options, "in.jsonl"), TestContext.Current.CancellationToken).Read());

    private static string Parallel(byte[] jsonl, EventLogOptions options, int partBytes) => LogDump.OfRead(() =>
        new ParallelEventReader(new MemoryStream(jsonl), new EventLogBuilder(options, "in.jsonl"), JsonLinesEventReader.Create, 2, TestContext.Current.CancellationToken, partBytes).Read());

    [Property(MaxTest = 300)]
    public Property AnyLines_AnyPartSize_ReadExactlyAsOneReader() =>
        Prop.ForAll(
            (from lines in Gen.ListOf(Gen.Elements(s_lines))
             from crlf in Gen.Elements(false, true)
             from bom in Gen.Elements(false, true)
             from partBytes in Gen.Choose(1, 400)
             from mode in Gen.Elements(ErrorMode.Lenient, ErrorMode.Strict)
             from maxTouchpoints in Gen.Elements(2, 10_000)
             select (text: (bom ? "\uFEFF" : string.Empty) + string.Join(crlf ? "\r\n" : "\n", lines), partBytes,
                 options: new EventLogOptions { ErrorMode = mode, MaxDistinctTouchpoints = maxTouchpoints, MaxExamplesPerReason = 2 })).ToArbitrary(),
            c =>
            {
                var jsonl = Encoding.UTF8.GetBytes(c.text);
                var expected = Sequential(jsonl, c.options);
                return (expected == Parallel(jsonl, c.options, c.partBytes)).Label(expected);
            });

    [Fact]
    public void LinesLongerThanTheLimit_AreRefusedWhereverTheyFall()
    {
        // Lines of 600 KB and 1.5 MB, over the 512 KB line limit of a 1 KiB MaxFieldLength: whether or not a line's end is
        // already in the buffer (the first fits in one reader's first MiB, the second does not), both are refused, and the
        // parallel read agrees whatever the part size.
        var options = new EventLogOptions { ErrorMode = ErrorMode.Lenient, MaxFieldLength = 1024 };
        static string Long(int length) =>
            "{\"customer_id\":\"c9\",\"timestamp\":\"2024-03-01T10:00:00Z\",\"stage\":\"buy\",\"channel\":\"web\",\"x\":\"" + new string('a', length) + "\"}";
        var text = string.Join("\n", Enumerable.Repeat(s_lines[0], 3_000).Append(Long(600_000)).Concat(Enumerable.Repeat(s_lines[1], 3_000))
            .Append(Long(1_500_000)).Concat(Enumerable.Repeat(s_lines[2], 3_000))) + "\n";
        var jsonl = Encoding.UTF8.GetBytes(text);
        var expected = Sequential(jsonl, options);
        Assert.Contains("the line is longer than", expected, StringComparison.Ordinal);
        Assert.Contains("\nLimitExceeded 2\n", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Parallel(jsonl, options, 64 * 1024));
        Assert.Equal(expected, Parallel(jsonl, options, 1 << 20));
    }

    [Fact]
    public void ARowRefusedInAPart_KeepsTheStringsOneReaderInterns()
    {
        // Line 4 is refused for a third touchpoint after its emotion was interned: one reader lists "joy" among the log's
        // emotions, so the part that refused it must pass it on although no kept row uses it (found by the property above).
        var text = string.Join("\n", "   ", s_lines[5].Replace("c5", "c0"), s_lines[0], s_lines[1], s_lines[3], s_lines[5], s_lines[4]);
        var jsonl = Encoding.UTF8.GetBytes(text);
        var options = new EventLogOptions { ErrorMode = ErrorMode.Lenient, MaxDistinctTouchpoints = 2 };
        var expected = Sequential(jsonl, options);
        Assert.Contains("emotions: joy\n", expected, StringComparison.Ordinal);
        for (var partBytes = 1; partBytes < 700; partBytes += 3)
        {
            Assert.Equal(expected, Parallel(jsonl, options, partBytes));
        }
    }

    [Fact]
    public void PublicReader_WithTwoThreads_GivesTheSameLogAsOne()
    {
        var events = Enumerable.Range(0, 120_000).Select(i => new JourneyEvent(
            "c" + (i % 9_973), DateTimeOffset.UnixEpoch.AddMinutes(i), i % 3 == 0 ? "buy" : "pay", i % 5 == 0 ? "web" : "app", sentiment: i % 7 / 7.0));
        using var stream = new MemoryStream();
        EventLogFiles.Write(EventLog.FromEvents(events), stream, EventLogFormat.JsonLines, TestContext.Current.CancellationToken);
        var jsonl = stream.ToArray();
        Assert.True(jsonl.Length > 2 * ParallelEventReader.PartBytes);
        var one = EventLogFiles.Read(new MemoryStream(jsonl), EventLogFormat.JsonLines, new EventLogOptions(), "in.jsonl", TestContext.Current.CancellationToken);
        var two = EventLogFiles.Read(new MemoryStream(jsonl), EventLogFormat.JsonLines, new EventLogOptions { MaxDegreeOfParallelism = 2 }, "in.jsonl", TestContext.Current.CancellationToken);
        Assert.Equal(120_000, two.Count);
        Assert.Equal(LogDump.Of(one), LogDump.Of(two));
    }
}
