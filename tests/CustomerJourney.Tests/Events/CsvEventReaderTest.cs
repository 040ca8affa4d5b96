using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Events;

public class CsvEventReaderTest
{
    private const string Header = "customer_id,timestamp,stage,channel";

    internal static EventLog Read(string text, EventLogOptions? options = null, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        }

        return EventLogReader.Read(new MemoryStream(bytes), EventLogFormat.Csv, options, "test.csv", TestContext.Current.CancellationToken);
    }

    internal static EventLogException Fails(string text, EventLogOptions? options = null) =>
        Assert.Throws<EventLogException>(() => Read(text, options));

    private static EventLogOptions Lenient() => new() { ErrorMode = ErrorMode.Lenient };

    [Fact]
    public void Read_SimpleFile_GivesEventsInInputOrder()
    {
        var log = Read(Header + "\nc1,2024-01-02T03:04:05Z,browse,web\nc2,2024-01-02T03:04:06+01:00,buy,store\n");
        Assert.Equal(2, log.Count);
        Assert.Equal(2, log.CustomerCount);
        var e = log.GetEvent(1);
        Assert.Equal("c2", e.CustomerId);
        Assert.Equal("buy", e.StageId);
        Assert.Equal("store", e.ChannelId);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 6, TimeSpan.FromHours(1)), e.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), e.Timestamp.Offset);
        Assert.Equal("test.csv", log.SourceName);
    }

    [Fact]
    public void Read_Rfc4180QuotesEscapedQuotesCrlfBomAndQuotedNewline_AreDecoded()
    {
        var text = Header + ",note\r\n\"c,1\",2024-01-01T00:00:00Z,\"say \"\"hi\"\"\",web,\"two\r\nlines\"\r\nc2,2024-01-01T00:00:01Z,b,web,plain\r\n";
        var log = Read(text, bom: true);
        Assert.Equal(2, log.Count);
        var e = log.GetEvent(0);
        Assert.Equal("c,1", e.CustomerId);
        Assert.Equal("say \"hi\"", e.StageId);
        Assert.Equal("two\r\nlines", e.Attributes["note"]);
    }

    [Fact]
    public void Read_QuotedNewline_ErrorsGiveTheLineWhereTheRecordStarts()
    {
        var text = Header + ",note\nc1,2024-01-01T00:00:00Z,a,web,\"x\ny\nz\"\nc2,not-a-time,a,web,n\n";
        var ex = Fails(text);
        Assert.Equal(5, ex.Line);
        Assert.Equal("timestamp", ex.Field);
        Assert.Equal(RejectionReason.InvalidTimestamp, ex.Reason);
        Assert.Contains("test.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnsInAnyOrder_GiveTheSameEvents()
    {
        var a = Read(Header + ",sentiment\nc1,2024-01-01T00:00:00Z,s,web,0.5\n");
        var b = Read("sentiment,channel,stage,timestamp,customer_id\n0.5,web,s,2024-01-01T00:00:00Z,c1\n");
        Assert.Equal(a.ToEvents(), b.ToEvents());
    }

    [Fact]
    public void Read_ProcessMiningColumns_SplitActivityAtLastAt()
    {
        var log = Read(",case:concept:name,concept:name,time:timestamp,org:resource\n0,1,register@phone@web,2010-12-30 14:32:00+01:00,Pete\n1,1,decide,2010-12-30 15:00:00+01:00,Sara\n");
        Assert.Equal(2, log.Count);
        Assert.Equal("register@phone", log.GetEvent(0).StageId);
        Assert.Equal("web", log.GetEvent(0).ChannelId);
        Assert.Equal("decide", log.GetEvent(1).StageId);
        Assert.Equal("default", log.GetEvent(1).ChannelId);
        Assert.Equal(new[] { "org:resource" }, log.AttributeNames); // the unnamed index column is ignored
        Assert.Equal("Sara", log.GetEvent(1).Attributes["org:resource"]);
    }

    [Fact]
    public void Read_ProcessMiningColumnsWithChannelColumn_KeepActivityWhole()
    {
        var log = Read("case:concept:name,concept:name,time:timestamp,channel\n1,a@b,2010-12-30T14:32:00Z,app\n");
        Assert.Equal("a@b", log.GetEvent(0).StageId);
        Assert.Equal("app", log.GetEvent(0).ChannelId);
    }

    [Fact]
    public void Read_ConfiguredColumnNames_AreUsed()
    {
        var options = new EventLogOptions();
        options.Columns.CustomerId = "who";
        options.Columns.Timestamp = "when";
        var log = Read("who,when,stage,channel\nc1,2024-01-01T00:00:00Z,s,web\n", options);
        Assert.Equal("c1", log.GetEvent(0).CustomerId);
    }

    [Fact]
    public void Read_OptionalColumns_AreParsed()
    {
        var log = Read(Header + ",sentiment,rating,emotion,nps,status,segment\nc1,2024-01-01T00:00:00Z,s,web,-0.25,4,joy,9,FAILED,vip\nc1,2024-01-01T00:00:01Z,s,web,,,,,,\n");
        var e = log.GetEvent(0);
        Assert.Equal(-0.25, e.Sentiment);
        Assert.Equal(4, e.Rating);
        Assert.Equal("joy", e.Emotion);
        Assert.Equal(9, e.Nps);
        Assert.Equal(EventStatus.Failed, e.Status);
        Assert.Equal("vip", e.Segment);
        var empty = log.GetEvent(1);
        Assert.Null(empty.Sentiment);
        Assert.Null(empty.Rating);
        Assert.Null(empty.Emotion);
        Assert.Equal(EventStatus.Completed, empty.Status);
    }

    [Fact]
    public void Read_KeepAttributesOff_DropsUnknownColumns()
    {
        var log = Read(Header + ",x\nc1,2024-01-01T00:00:00Z,s,web,1\n", new EventLogOptions { KeepAttributes = false });
        Assert.Empty(log.AttributeNames);
        Assert.Empty(log.GetEvent(0).Attributes);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsNoHeader()
    {
        var ex = Fails(string.Empty);
        Assert.Contains("no header", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderOnly_GivesEmptyLog()
    {
        Assert.Equal(0, Read(Header + "\n").Count);
        Assert.Equal(0, Read(Header).Count);
    }

    [Theory]
    [InlineData("customer_id,timestamp,stage", "channel")]
    [InlineData("timestamp,stage,channel", "customer_id")]
    [InlineData("customer_id,stage,channel", "timestamp")]
    [InlineData("customer_id,timestamp,channel", "stage")]
    public void Read_MissingRequiredColumn_ThrowsNamingFileAndColumn(string header, string missing)
    {
        var ex = Fails(header + "\n");
        Assert.Equal(RejectionReason.MissingField, ex.Reason);
        Assert.Equal(1, ex.Line);
        Assert.Equal(missing, ex.Field);
        Assert.Contains("test.csv", ex.Message, StringComparison.Ordinal);
        Assert.Throws<EventLogException>(() => Read(header + "\n", Lenient()));
    }

    [Fact]
    public void Read_DuplicateHeader_Throws()
    {
        var ex = Fails(Header + ",stage\n");
        Assert.Equal("stage", ex.Field);
        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [InlineData("c1,2024-01-01T00:00:00,s,web", RejectionReason.TimestampWithoutOffset, "timestamp")]
    [InlineData("c1,2024-13-01T00:00:00Z,s,web", RejectionReason.InvalidTimestamp, "timestamp")]
    [InlineData("c1,yesterday,s,web", RejectionReason.InvalidTimestamp, "timestamp")]
    [InlineData("c1,2024-01-01T00:00:00.12345678Z,s,web", RejectionReason.InvalidTimestamp, "timestamp")]
    [InlineData(",2024-01-01T00:00:00Z,s,web", RejectionReason.MissingField, "customer_id")]
    [InlineData("c1,,s,web", RejectionReason.MissingField, "timestamp")]
    [InlineData("c1,2024-01-01T00:00:00Z,,web", RejectionReason.MissingField, "stage")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,", RejectionReason.MissingField, "channel")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,1.5,,", RejectionReason.OutOfRange, "sentiment")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,NaN,,", RejectionReason.OutOfRange, "sentiment")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,Infinity,,", RejectionReason.OutOfRange, "sentiment")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,abc,,", RejectionReason.InvalidValue, "sentiment")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,,6,", RejectionReason.OutOfRange, "rating")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,,3.5,", RejectionReason.InvalidValue, "rating")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,,,maybe", RejectionReason.InvalidValue, "status")]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,0", RejectionReason.Malformed, null)]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,0,1,completed,extra", RejectionReason.Malformed, null)]
    [InlineData("c1,2024-01-01T00:00:00Z,s,web,0,1,\"completed\"x", RejectionReason.Malformed, "status")]
    public void Read_BadRow_StrictThrowsWithReasonLineAndField(string row, RejectionReason reason, string? field)
    {
        var text = Header + ",sentiment,rating,status\nok,2024-01-01T00:00:00Z,s,web,,,\n" + FixFieldCount(row) + "\n";
        var ex = Fails(text);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(3, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains("test.csv: line 3", ex.Message, StringComparison.Ordinal);

        var log = Read(text + "ok,2024-01-01T00:00:01Z,s,web,,,\n", Lenient());
        Assert.Equal(2, log.Count);
        Assert.Equal(1, log.Rejections.Count(reason));
        Assert.Equal(1, log.Rejections.Total);
        var example = Assert.Single(log.Rejections.Examples(reason));
        Assert.Equal(3, example.Line);
        Assert.Equal(field, example.Field);
        Assert.Equal(1, log.CustomerCount); // a rejected row leaves no customer behind
    }

    private static string FixFieldCount(string row)
    {
        // Rows written for four columns get the three optional ones; the wrong-count cases are left alone.
        var fields = row.Split(',').Length;
        return fields == 4 ? row + ",,," : row;
    }

    [Fact]
    public void Read_UnterminatedQuoteAtEof_IsMalformedAtTheRecordLine()
    {
        var ex = Fails(Header + "\nc1,2024-01-01T00:00:00Z,s,web\nc2,2024-01-01T00:00:00Z,\"open,web\n\n");
        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.Equal(3, ex.Line);
        Assert.Equal("stage", ex.Field);
        var log = Read(Header + "\nc1,2024-01-01T00:00:00Z,s,web\nc2,2024-01-01T00:00:00Z,\"open,web\n", Lenient());
        Assert.Equal(1, log.Count);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.Malformed));
    }

    [Fact]
    public void Read_InvalidUtf8_IsMalformedNamingTheField()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\nc1,2024-01-01T00:00:00Z,s,web\nc\u00e9,2024-01-01T00:00:00Z,X,web\n").ToList();
        var x = bytes.LastIndexOf((byte)'X');
        bytes[x] = 0xC3; // a lead byte followed by ',' is not UTF-8
        var ex = Assert.Throws<EventLogException>(() => EventLogReader.Read(new MemoryStream(bytes.ToArray()), EventLogFormat.Csv, null, "bad.csv", TestContext.Current.CancellationToken));
        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.Equal(3, ex.Line);
        Assert.Equal("stage", ex.Field);
        var log = EventLogReader.Read(new MemoryStream(bytes.ToArray()), EventLogFormat.Csv, Lenient(), "bad.csv", TestContext.Current.CancellationToken);
        Assert.Equal(1, log.Count);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.Malformed));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Read_UnquotedFieldsOfAnyLength_WithNonAsciiAnywhere_AreSplitAndCheckedExactly(string newline)
    {
        // Unquoted fields are scanned many bytes at a time on modern targets: every length across a few vector widths,
        // with a non-ASCII character (valid or not) at either end or around a vector's width, must end where the byte-by-byte scan ends; the
        // last record also ends at the end of the input.
        int[] near = { 0, 1, 2, 3, 14, 15, 16, 17, 30, 31, 32, 33, 62, 63, 64, 65 }; // around 16-, 32- and 64-byte vectors
        for (var length = 0; length <= 70; length++)
        {
            var positions = near.Concat(Enumerable.Range(length - 4, 4)).Where(at => at >= 0 && at < length).Distinct().Prepend(-1);
            foreach (var at in positions)
            {
                var stage = new StringBuilder(new string('s', length));
                if (at >= 0)
                {
                    stage[at] = 'é';
                }

                var valid = Read(Header + ",note" + newline + "c1,2024-01-01T00:00:00Z,x" + stage + ",web," + stage + newline
                                 + "c2,2024-01-01T00:00:01Z,y,web," + stage, Lenient());
                Assert.Equal(2, valid.Count);
                Assert.Equal("x" + stage, valid.GetEvent(0).StageId);
                Assert.Equal(length == 0 ? null : stage.ToString(), valid.GetEvent(1).Attributes.TryGetValue("note", out var note) ? note : null);
                if (at < 0)
                {
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(Header + newline + "c1,2024-01-01T00:00:00Z,x" + stage.ToString().Replace('é', '#') + ",web" + newline
                                                   + "c2,2024-01-01T00:00:01Z,y,web" + newline);
                bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3; // a lead byte without its continuation
                var log = EventLogReader.Read(new MemoryStream(bytes), EventLogFormat.Csv, Lenient(), "bad.csv", TestContext.Current.CancellationToken);
                Assert.Equal(1, log.Count);
                Assert.Equal(1, log.Rejections.Count(RejectionReason.Malformed));
            }
        }
    }

    [Fact]
    public void Read_FieldLongerThanLimit_IsRejectedAndTheRestIsRead()
    {
        var options = new EventLogOptions { MaxFieldLength = 30, ErrorMode = ErrorMode.Lenient };
        var longQuoted = "\"" + new string('x', 100) + "\n" + new string('y', 100) + "\"";
        var text = Header + "\nc1," + "2024-01-01T00:00:00Z,s,web\nc2,2024-01-01T00:00:00Z," + longQuoted + ",web\nc3,2024-01-01T00:00:00Z,s,web\n";
        var log = Read(text, options);
        Assert.Equal(2, log.Count);
        var example = Assert.Single(log.Rejections.Examples(RejectionReason.LimitExceeded));
        Assert.Equal(3, example.Line);
        Assert.Equal("stage", example.Field);
        Assert.Equal("c3", log.GetEvent(1).CustomerId);

        var strict = new EventLogOptions { MaxFieldLength = 30 };
        var ex = Fails(text, strict);
        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Read_HugeUnquotedField_IsNotBufferedWhole()
    {
        var options = new EventLogOptions { MaxFieldLength = 1000, ErrorMode = ErrorMode.Lenient };
        var text = Header + "\nc1,2024-01-01T00:00:00Z," + new string('x', 5_000_000) + ",web\nc3,2024-01-01T00:00:00Z,s,web\n";
        var log = Read(text, options);
        Assert.Equal(1, log.Count);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.LimitExceeded));
        Assert.Equal(2, log.Rejections.Examples(RejectionReason.LimitExceeded)[0].Line);
    }

    [Fact]
    public void Read_UnknownStageOrChannelWithMap_IsRejected()
    {
        var map = JourneyMap.CreateBuilder("m").AddStage("browse", "Browse", order: 1).AddChannel("web", "Web").Build();
        var ex = Fails(Header + "\nc1,2024-01-01T00:00:00Z,pay,web\n", new EventLogOptions { Map = map });
        Assert.Equal(RejectionReason.UnknownStage, ex.Reason);
        Assert.Equal("stage", ex.Field);
        ex = Fails(Header + "\nc1,2024-01-01T00:00:00Z,browse,fax\n", new EventLogOptions { Map = map });
        Assert.Equal(RejectionReason.UnknownChannel, ex.Reason);
        Assert.Equal("channel", ex.Field);
        var log = Read(Header + "\nc1,2024-01-01T00:00:00Z,browse,web\nc1,2024-01-01T00:00:00Z,pay,web\n", new EventLogOptions { Map = map, ErrorMode = ErrorMode.Lenient });
        Assert.Equal(1, log.Count);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.UnknownStage));
    }

    [Fact]
    public void Read_LenientMode_CountsEveryRejectionAndKeepsFirstExamples()
    {
        var rows = string.Concat(Enumerable.Range(0, 20).Select(i => $"c{i},bad,s,web\n"));
        var log = Read(Header + "\n" + rows + "c,2024-01-01T00:00:00Z,s,web\n", new EventLogOptions { ErrorMode = ErrorMode.Lenient, MaxExamplesPerReason = 3 });
        Assert.Equal(1, log.Count);
        Assert.Equal(20, log.Rejections.Count(RejectionReason.InvalidTimestamp));
        Assert.Equal(new long[] { 2, 3, 4 }, log.Rejections.Examples(RejectionReason.InvalidTimestamp).Select(r => r.Line).ToArray());
    }

    [Theory]
    [InlineData("2024-03-05T06:07:08Z", 0, 0)]
    [InlineData("2024-03-05 06:07:08Z", 0, 0)]
    [InlineData("2024-03-05T06:07:08.1Z", 1_000_000, 0)]
    [InlineData("2024-03-05T06:07:08.123456+02:00", 1_234_560, 120)]
    [InlineData("2024-03-05T06:07:08.1234567-0530", 1_234_567, -330)]
    [InlineData("2024-03-05T06:07:08+09", 0, 540)]
    [InlineData("2024-03-05T06:07:08.000-00:00", 0, 0)]
    public void Read_Timestamps_ParseFractionAndOffset(string text, long fractionTicks, int offsetMinutes)
    {
        var e = Read(Header + "\nc," + text + ",s,web\n").GetEvent(0);
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var expected = new DateTimeOffset(new DateTime(2024, 3, 5, 6, 7, 8).AddTicks(fractionTicks), offset);
        Assert.True(expected.EqualsExact(e.Timestamp), $"{e.Timestamp:o} != {expected:o}");
    }

    [Fact]
    public void Read_NoOffsetWithAssumedZone_ConvertsAcrossDst()
    {
        var zone = FindZone("Europe/Paris", "Romance Standard Time");
        var options = new EventLogOptions { AssumedTimeZone = zone, ErrorMode = ErrorMode.Lenient };
        // 2024-03-31: clocks go from 02:00 to 03:00 (+01:00 -> +02:00); 02:30 does not exist.
        // 2024-10-27: clocks go from 03:00 back to 02:00; 02:30 happens twice and is taken as the first (+02:00).
        var log = Read(Header + "\nc,2024-03-31T01:30:00,s,web\nc,2024-03-31T03:30:00,s,web\nc,2024-03-31T02:30:00,s,web\nc,2024-10-27T02:30:00,s,web\n", options);
        Assert.Equal(3, log.Count);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.FromHours(1)), log.GetEvent(0).Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), log.GetEvent(0).Timestamp.Offset);
        Assert.Equal(TimeSpan.FromHours(2), log.GetEvent(1).Timestamp.Offset);
        Assert.Equal(TimeSpan.FromHours(1), log.GetEvent(1).Timestamp - log.GetEvent(0).Timestamp);
        Assert.True(new DateTimeOffset(2024, 10, 27, 2, 30, 0, TimeSpan.FromHours(2)).EqualsExact(log.GetEvent(2).Timestamp));
        var invalid = Assert.Single(log.Rejections.Examples(RejectionReason.InvalidTimestamp));
        Assert.Equal(4, invalid.Line);
    }

    internal static TimeZoneInfo FindZone(string iana, string windows)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(iana);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(windows);
        }
    }

    [Fact]
    public void Read_NeutralisedCells_LoseExactlyOneApostrophe()
    {
        var log = Read(Header + ",note\n'=c,2024-01-01T00:00:00Z,''-s,web,'plain\n");
        var e = log.GetEvent(0);
        Assert.Equal("=c", e.CustomerId);
        Assert.Equal("'-s", e.StageId);
        Assert.Equal("'plain", e.Attributes["note"]);
    }

    [Fact]
    public void Read_LargeInput_CrossesBlockBoundariesWithoutLosingRows()
    {
        var sb = new StringBuilder(Header + ",note\n");
        for (var i = 0; i < 60_000; i++)
        {
            sb.Append("cust").Append(i % 977).Append(",2024-01-01T00:00:00.5+01:00,stage").Append(i % 7).Append(",web,\"q\"\"").Append(i).Append("\nx\"\r\n");
        }

        var log = Read(sb.ToString());
        Assert.Equal(60_000, log.Count);
        Assert.Equal(977, log.CustomerCount);
        Assert.Equal("q\"59999\nx", log.GetEvent(59_999).Attributes["note"]);
        Assert.Equal("cust" + (59_999 % 977), log.GetEvent(59_999).CustomerId);
    }

    [Fact]
    public void Read_CancelledToken_Throws()
    {
        var sb = new StringBuilder(Header + "\n");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("c,2024-01-01T00:00:00Z,s,web\n");
        }

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            EventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), EventLogFormat.Csv, null, "x.csv", cts.Token));
    }

    [Fact]
    public void Load_GzipAndExtension_PickTheReader()
    {
        var dir = Directory.CreateTempSubdirectory("cj-readers-");
        try
        {
            var path = Path.Combine(dir.FullName, "events.csv.gz");
            using (var file = File.Create(path))
            using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            {
                var bytes = Encoding.UTF8.GetBytes(Header + "\nc1,2024-01-01T00:00:00Z,s,web\n");
                gz.Write(bytes, 0, bytes.Length);
            }

            var log = EventLogReader.Load(path, null, TestContext.Current.CancellationToken);
            Assert.Equal(1, log.Count);
            Assert.Equal(path, log.SourceName);
            var ex = Assert.Throws<ArgumentException>(() => EventLogReader.Load(Path.Combine(dir.FullName, "events.txt"), null, TestContext.Current.CancellationToken));
            Assert.Contains(".txt", ex.Message, StringComparison.Ordinal);
            Assert.Throws<NotSupportedException>(() => EventLogReader.Load(Path.Combine(dir.FullName, "events.jsonl"), null, TestContext.Current.CancellationToken));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_LargeSeekableAndUnseekableStreams_GiveTheSameLog()
    {
        // Past the event count at which a seekable stream's columns are sized from its length; quoted and escaped fields
        // on the way, and rows much longer after the estimate than before it (so the estimate falls short and the columns grow).
        var text = new StringBuilder(Header + ",note\n");
        for (var i = 0; i < 30_000; i++)
        {
            var note = i % 7 == 0 ? "\"say \"\"hi\"\", then go\"" : i < 10_000 ? "x" : new string('y', 200);
            text.Append(FormattableString.Invariant($"c{i % 997},2024-01-02T03:{i / 600 % 60:D2}:{i % 60:D2}Z,s{i % 5},\"w{i % 3}\",{note}\n"));
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var options = new EventLogOptions { KeepAttributes = true };
        var seekable = EventLogReader.Read(new MemoryStream(bytes), EventLogFormat.Csv, options, "a.csv", TestContext.Current.CancellationToken);
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(bytes, 0, bytes.Length);
        }

        gz.Position = 0;
        using var unseekable = new GZipStream(gz, CompressionMode.Decompress);
        var streamed = EventLogReader.Read(unseekable, EventLogFormat.Csv, options, "a.csv", TestContext.Current.CancellationToken);
        Assert.Equal(30_000, seekable.Count);
        Assert.Equal(Enumerable.Range(0, streamed.Count).Select(streamed.GetEvent), Enumerable.Range(0, seekable.Count).Select(seekable.GetEvent));
        Assert.Equal("say \"hi\", then go", seekable.GetEvent(7).Attributes["note"]);
        Assert.Equal("w1", seekable.GetEvent(29_998).ChannelId);
    }
}
