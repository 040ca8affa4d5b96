using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Events;

/// <summary>
/// XES read on several threads must build exactly the log one reader builds: same ids, events, rejections, lines and
/// first error. Small parts put part boundaries inside traces, comments, CDATA and broken XML, which must fall back to
/// one reader rather than read differently.
/// </summary>
public class ParallelXesReaderTest
{
    private static readonly string[] s_customers = { "c1", "c2", "c3", "héloïse", "a&amp;b", " " };
    private static readonly string[] s_times = { "2024-03-01T10:00:00Z", "2024-03-01T10:00:05.123+01:00", "2024-03-01T10:00:00", "yesterday" };
    private static readonly string[] s_activities = { "discover", "buy", "pay", "&lt;deliver&gt;", "" };

    private static Gen<string> Event() =>
        from time in Gen.Elements(s_times)
        from activity in Gen.Elements(s_activities)
        from resource in Gen.Elements("", "<string key=\"org:resource\" value=\"r1\"/>", "<int key=\"cost\" value=\"3\"/>")
        from shape in Gen.Choose(0, 14)
        select shape switch
        {
            0 => $"<event><string key=\"concept:name\" value=\"{activity}\"/></event>", // no timestamp
            1 => $"<event><date key=\"time:timestamp\" value=\"{time}\"/><date key=\"time:timestamp\" value=\"{time}\"/></event>", // twice
            2 => "<event/>",
            _ => $"<event>\n      <string key=\"concept:name\" value=\"{activity}\"/>{resource}\n      <date key=\"time:timestamp\" value=\"{time}\"/>\n    </event>",
        };

    private static Gen<string> Trace() =>
        from customer in Gen.Elements(s_customers)
        from events in Gen.ListOf(Event())
        from named in Gen.Choose(0, 9)
        from indent in Gen.Elements("", "  ", "\t", " \t ")
        select named switch
        {
            0 => indent + "<trace>" + string.Join("\n", events) + "</trace>", // no customer
            1 => indent + "<trace>" + string.Join("\n", events) + $"<string key=\"concept:name\" value=\"{customer}\"/></trace>", // named last
            _ => indent + $"<trace>\n    <string key=\"concept:name\" value=\"{customer}\"/>\n    " + string.Join("\n    ", events) + "\n" + indent + "</trace>",
        };

    /// <summary>What may sit between traces: nothing, a comment or CDATA holding trace lines, broken XML, a nested trace.</summary>
    private static Gen<string> Between() =>
        Gen.Frequency(
            (12, Gen.Constant(string.Empty)),
            (1, Gen.Constant("<!-- a comment\n<trace>\n<event/>\n</trace>\n -->")),
            (1, Gen.Constant("<?pi \n<trace> ?>")),
            (1, Gen.Constant("<string key=\"note\"><![CDATA[\n<trace>\n]]></string>")),
            (1, Gen.Constant("<trace><string key=\"concept:name\" value=\"x\"/><event>\n<trace>\n</event></trace>")),
            (1, Gen.Constant("<trace>\n<event></trace>")), // broken
            (1, Gen.Constant("</log>")), // a second root after this
            (1, Gen.Constant("<trace><event><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\" /></event><bad")));

    private static Gen<string> Prologue() =>
        from declaration in Gen.Elements(string.Empty, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n", "<?xml version=\"1.0\"?>", "\uFEFF<?xml version='1.0' encoding='utf-8'?>\r\n", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n")
        from comment in Gen.Elements(string.Empty, "<!-- OpenXES -->\n<!-- <trace> -->\n", "<?target data?>\n")
        from log in Gen.Elements("<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">", "<log\n  xes.version=\"1.0\"\r\n  note='a > b'>", "<log>", "<xes:log xmlns:xes=\"http://www.xes-standard.org/\">", "<log/>")
        from globals in Gen.Elements(string.Empty, "\n<extension name=\"Concept\" prefix=\"concept\" uri=\"http://x/concept.xesext\"/>\n<global scope=\"event\">\n<string key=\"concept:name\" value=\"UNKNOWN\"/>\n</global>\n<string key=\"meta\" value=\"1\"/>")
        select declaration + comment + log + globals;

    private static Gen<string> Xes() =>
        from prologue in Prologue()
        from traces in Gen.ListOf(from between in Between() from trace in Trace() select between + "\n" + trace)
        from lineEnd in Gen.Elements("\n", "\r\n", "\r", string.Empty)
        from end in Gen.Elements("\n</log>\n", "</log>", "\n</log>\n<!-- after -->\n", "\n")
        let text = prologue.EndsWith("/>", StringComparison.Ordinal) ? prologue : prologue + string.Join(string.Empty, traces) + (prologue.Contains("xes:log", StringComparison.Ordinal) ? end.Replace("</log>", "</xes:log>", StringComparison.Ordinal) : end)
        select text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", lineEnd, StringComparison.Ordinal);

    private static EventLogOptions Options(ErrorMode mode, int maxTouchpoints) => new()
    {
        ErrorMode = mode,
        MaxDistinctTouchpoints = maxTouchpoints,
        MaxExamplesPerReason = 3,
        AssumedTimeZone = mode == ErrorMode.Lenient ? null : TimeZoneInfo.Utc,
    };

    private static string Sequential(byte[] xes, EventLogOptions options) => LogDump.OfRead(() =>
        new XesEventReader(new MemoryStream(xes), new EventLogBuilder(options, "in.xes"), TestContext.Current.CancellationToken).Read());

    private static string Parallel(byte[] xes, EventLogOptions options, int partBytes, int workers = 2) => LogDump.OfRead(() =>
        new ParallelEventReader(new MemoryStream(xes), new EventLogBuilder(options, "in.xes"), XesPartReader.Create, workers, TestContext.Current.CancellationToken, partBytes, XesPartReader.PartEnd).Read());

    [Property(MaxTest = 300)]
    public Property AnyXes_AnyPartSize_ReadsExactlyAsOneReader() =>
        Prop.ForAll(
            (from text in Xes()
             from partBytes in Gen.Choose(1, 2000)
             from mode in Gen.Elements(ErrorMode.Lenient, ErrorMode.Strict)
             from maxTouchpoints in Gen.Elements(2, 10_000)
             from workers in Gen.Choose(2, 4)
             select (text, partBytes, mode, maxTouchpoints, workers)).ToArbitrary(),
            c =>
            {
                var xes = Encoding.UTF8.GetBytes(c.text);
                var options = Options(c.mode, c.maxTouchpoints);
                var expected = Sequential(xes, options);
                var actual = Parallel(xes, options, c.partBytes, c.workers);
                return (expected == actual).Label($"parts of {c.partBytes} bytes, {c.mode}:\n{c.text}\n--- one reader:\n{expected}\n--- parallel:\n{actual}");
            });

    [Fact]
    public void ManyTraces_AreReadInSeveralParts_AsOneReaderReadsThem()
    {
        // Not a fallback in disguise: the parts are read on their own, and the log is the same.
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!-- made by a test -->\n<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n");
        for (var c = 0; c < 2_000; c++)
        {
            text.Append("\t<trace>\n\t\t<string key=\"concept:name\" value=\"c").Append(c % 700).Append("\"/>\n");
            for (var e = 0; e < 3; e++)
            {
                text.Append("\t\t<event><string key=\"concept:name\" value=\"step ").Append((c + e) % 5)
                    .Append("\"/><date key=\"time:timestamp\" value=\"2024-03-01T10:0").Append(e).Append(":00Z\"/></event>\n");
            }

            text.Append("\t</trace>\n");
        }

        text.Append("</log>\n");
        var xes = Encoding.UTF8.GetBytes(text.ToString());
        var parts = 0;
        var log = new ParallelEventReader(new MemoryStream(xes), new EventLogBuilder(null, "in.xes"), (s, b, n, t) => new CountingReader(XesPartReader.Create(s, b, n, t), () => parts++), 2, TestContext.Current.CancellationToken, 16_000, XesPartReader.PartEnd).Read();

        Assert.Equal(Sequential(xes, new EventLogOptions()), LogDump.Of(log));
        Assert.Equal(6_000, log.Count);
        Assert.True(parts > 10, $"{parts} parts");
    }

    [Theory]
    [InlineData("<trace>\n<event></trace>\n</log>")] // broken in a later part
    [InlineData("</log>\n<trace>\n</trace>\n")] // a second root
    [InlineData("<trace><string key=\"concept:name\" value=\"late\"/><event><date key=\"time:timestamp\" value=\"soon\"/></event></trace>\n</log>")] // a bad value, strict
    public void AnError_InALaterPart_IsReportedWhereOneReaderReportsIt(string tail)
    {
        var text = new StringBuilder("<log>\n");
        for (var c = 0; c < 300; c++)
        {
            text.Append("<trace><string key=\"concept:name\" value=\"c").Append(c).Append("\"/><event><string key=\"concept:name\" value=\"step\"/><date key=\"time:timestamp\" value=\"2024-03-01T10:00:00Z\"/></event></trace>\n");
        }

        var xes = Encoding.UTF8.GetBytes(text + tail);
        var one = Assert.Throws<EventLogException>(() => new XesEventReader(new MemoryStream(xes), new EventLogBuilder(null, "in.xes"), TestContext.Current.CancellationToken).Read());
        var several = Assert.Throws<EventLogException>(() =>
            new ParallelEventReader(new MemoryStream(xes), new EventLogBuilder(null, "in.xes"), XesPartReader.Create, 2, TestContext.Current.CancellationToken, 2_000, XesPartReader.PartEnd).Read());

        Assert.Equal(one.Message, several.Message);
        Assert.Equal(one.Line, several.Line);
        Assert.True(one.Line > 300, $"line {one.Line}: {one.Message}");
    }

    [Fact]
    public void SharedLogs_ReadOnTwoThreads_InSmallAndDefaultParts_AsOneReaderReadsThem()
    {
        foreach (var file in Directory.GetFiles(TestData.EventLogs).Where(f => f.Contains(".xes", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            var xes = Decompressed(file);
            var expected = Sequential(xes, new EventLogOptions());
            foreach (var partBytes in new[] { 64 * 1024, ParallelEventReader.PartBytes })
            {
                Assert.True(expected == Parallel(xes, new EventLogOptions(), partBytes), $"{Path.GetFileName(file)} in parts of {partBytes} bytes");
            }

            // And through the public entry points, which read XES on several threads when allowed: from memory, and from
            // the file itself (a gzip stream hands out short reads).
            var options = new EventLogOptions { MaxDegreeOfParallelism = 2 };
            Assert.True(expected == LogDump.Of(EventLogReader.Read(new MemoryStream(xes), EventLogFormat.Xes, options, "in.xes", TestContext.Current.CancellationToken)), Path.GetFileName(file));
            var loaded = EventLogReader.Load(file, options, TestContext.Current.CancellationToken);
            var alone = EventLogReader.Load(file, new EventLogOptions(), TestContext.Current.CancellationToken);
            Assert.True(LogDump.Of(alone) == LogDump.Of(loaded), Path.GetFileName(file) + " loaded");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void NoPartEndFound_TheRestIsReadByOneReader_AsOneReaderReadsIt(int splits)
    {
        // A part end of -1 (no trace start in the most a part may hold) stops the splitting: what is left is read by one reader.
        var text = new StringBuilder("<log>\n");
        for (var c = 0; c < 200; c++)
        {
            text.Append("<trace><string key=\"concept:name\" value=\"c").Append(c % 37).Append("\"/><event><string key=\"concept:name\" value=\"s").Append(c % 3)
                .Append("\"/><date key=\"time:timestamp\" value=\"2024-03-01T10:00:0").Append(c % 10).Append("Z\"/></event></trace>\n");
        }

        var xes = Encoding.UTF8.GetBytes(text + "</log>\n");
        var calls = 0;
        var log = new ParallelEventReader(new MemoryStream(xes), new EventLogBuilder(null, "in.xes"), XesPartReader.Create, 2, TestContext.Current.CancellationToken, 1_000, (b, n) => calls++ < splits ? XesPartReader.PartEnd(b, n) : -1).Read();

        Assert.Equal(Sequential(xes, new EventLogOptions()), LogDump.Of(log));
        Assert.Equal(200, log.Count);
    }

    [Fact]
    public void PartEnd_IsTheStartOfTheLastTraceLine_PastTheFirst()
    {
        static int End(string text) => XesPartReader.PartEnd(Encoding.ASCII.GetBytes(text), text.Length);

        Assert.Equal(9, End("<trace/>\n\t<trace>\n<tr"));
        Assert.Equal(9, End("<trace/>\n<trace >\n<tracer>\n"));
        Assert.Equal(0, End("\t<trace>\n<event/>"));   // only the part's own first line
        Assert.Equal(0, End("<a/><trace>\n<event/>")); // not at a line's start: minified XML is read by one reader
        Assert.Equal(4, End("<a>\r<trace\t/>"));
        Assert.Equal(0, End("<a>\n<trace"));           // the name may go on past the buffer
        Assert.Equal(0, End("<a>\n<traces>"));
        Assert.Equal(-1, XesPartReader.PartEnd(new byte[XesPartReader.MaxPartBytes], XesPartReader.MaxPartBytes));
    }

    private static byte[] Decompressed(string file)
    {
        using var input = File.OpenRead(file);
        using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(input, CompressionMode.Decompress) : input;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Counts the parts a reader is asked to read on their own.</summary>
    private sealed class CountingReader(IPartReader inner, Action onPart) : IPartReader
    {
        public bool InputExhausted => inner.InputExhausted;

        public long LinesRead => inner.LinesRead;

        public bool EndedInsideRecord => inner.EndedInsideRecord;

        public void ReadPrologue() => inner.ReadPrologue();

        public void TakeBuffered(out byte[] buffer, out int start, out int end, out long line, out long consumed) => inner.TakeBuffered(out buffer, out start, out end, out line, out consumed);

        public EventLog ReadRecords() => inner.ReadRecords();

        public void ReadRecordsOnly() => inner.ReadRecordsOnly();

        public IPartReader ForPart(EventLogBuilder part, byte[] buffer, int end, bool final, System.Threading.CancellationToken cancellationToken)
        {
            lock (this)
            {
                onPart();
            }

            return inner.ForPart(part, buffer, end, final, cancellationToken);
        }

        public IPartReader ForRest(Stream rest, EventLogBuilder builder, long line, System.Threading.CancellationToken cancellationToken)
        {
            Assert.Fail("read again by one reader");
            return inner.ForRest(rest, builder, line, cancellationToken);
        }
    }
}
