using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using static CustomerJourney.Tests.Robustness.Hostile;

namespace CustomerJourney.Tests.Robustness;

/// <summary>
/// The hostile-input checklist (docs/robustness.md) for the CSV reader: each refusal is an <see cref="EventLogException"/>
/// naming the file, the line and the field. Items already proven in Events/CsvEventReaderTest are not repeated here.
/// </summary>
public class CsvHostileInputTest
{
    private const string File = "hostile.csv";
    private const string Header = "customer_id,timestamp,stage,channel";
    private const string Row = "c1,2024-01-01T00:00:00Z,s,web";
    private const EventLogFormat Csv = EventLogFormat.Csv;

    [Fact]
    public void Truncated_LastRowCutMidField_IsMalformedAtItsLine()
    {
        var text = Header + "\n" + Row + "\n" + Row + "\nc2,2024-01-0";
        var ex = Refused(text, Csv, File, RejectionReason.Malformed, 4, null);
        Assert.Contains("expected 4 fields, found 2", ex.Message, StringComparison.Ordinal);
        Skipped(text, Csv, File, RejectionReason.Malformed, 4, null, kept: 2);
    }

    [Fact]
    public void Truncated_InsideAQuotedField_IsMalformedNamingTheField()
    {
        var text = Header + "\n" + Row + "\nc2,2024-01-01T00:00:00Z,\"unfinished stage";
        var ex = Refused(text, Csv, File, RejectionReason.Malformed, 3, "stage");
        Assert.Contains("quoted field is not closed", ex.Message, StringComparison.Ordinal);
        Skipped(text, Csv, File, RejectionReason.Malformed, 3, "stage", kept: 1);
    }

    [Fact]
    public void UnterminatedQuote_SwallowingLaterRows_IsReportedAtTheLineItOpens()
    {
        // The quote opened on line 3 swallows lines 4 and 5: the error points at where the record began.
        var text = Header + "\n" + Row + "\nc2,2024-01-01T00:00:00Z,\"open,web\n" + Row + "\n" + Row + "\n";
        Refused(text, Csv, File, RejectionReason.Malformed, 3, "stage");
        Skipped(text, Csv, File, RejectionReason.Malformed, 3, "stage", kept: 1);
    }

    [Fact]
    public void InvalidUtf8_InAField_NamesFileLineAndField()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\n" + Row + "\nc2,2024-01-01T00:00:00Z,s,#\n" + Row + "\n");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        var ex = Refused(bytes, Csv, File, RejectionReason.Malformed, 3, "channel");
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
        Skipped(bytes, Csv, File, RejectionReason.Malformed, 3, "channel", kept: 2);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })] // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })] // cut short
    public void InvalidUtf8_EveryKind_IsMalformed(byte[] bad)
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\nc1,2024-01-01T00:00:00Z,").Concat(bad).Concat(Encoding.UTF8.GetBytes(",web\n")).ToArray();
        Refused(bytes, Csv, File, RejectionReason.Malformed, 2, "stage");
    }

    [Fact]
    public void InvalidUtf8_InTheHeader_IsMalformedAtLineOne()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + ",#\n" + Row + ",x\n");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFE;
        var ex = Refused(bytes, Csv, File, RejectionReason.Malformed, 1, null);
        Assert.Contains("column 5 of the header", ex.Message, StringComparison.Ordinal);
        Assert.Throws<EventLogException>(() => Read(bytes, Csv, File, Lenient())); // no header, no columns: lenient cannot go on
    }

    [Fact]
    public void BinaryGarbage_HasNoUsableHeader_AndNamesTheFirstMissingColumn()
    {
        var random = new Random(42);
        var bytes = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.Concat(Enumerable.Range(0, 512).Select(_ => (byte)random.Next(256))).ToArray();
        var ex = Assert.Throws<EventLogException>(() => Read(bytes, Csv, File));
        Assert.Equal(File, ex.SourceName);
        Assert.Equal(1, ex.Line);
        Assert.StartsWith(File + ": line 1", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Reason is RejectionReason.Malformed or RejectionReason.MissingField, ex.Message);
        Assert.Throws<EventLogException>(() => Read(bytes, Csv, File, Lenient()));
    }

    [Fact]
    public void DuplicatedHeaderColumn_NamesTheColumnInTheMessage()
    {
        var ex = Refused(Header + ",channel\n" + Row + ",web\n", Csv, File, RejectionReason.Malformed, 1, "channel");
        Assert.Contains("appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsMalformedAtLineOne_EvenWhenLenient()
    {
        var ex = Refused(string.Empty, Csv, File, RejectionReason.Malformed, 1, null);
        Assert.Contains("the file is empty", ex.Message, StringComparison.Ordinal);
        Assert.Throws<EventLogException>(() => Read(string.Empty, Csv, File, Lenient()));
        Assert.Throws<EventLogException>(() => Read("\n\r\n\n", Csv, File)); // only blank lines is empty too
    }

    [Fact]
    public void ExtremelyLongField_StrictNamesFileLineAndField()
    {
        var text = Header + "\n" + Row + "\nc2,2024-01-01T00:00:00Z,s," + new string('w', 70_000) + "\n" + Row + "\n";
        var ex = Refused(text, Csv, File, RejectionReason.LimitExceeded, 3, "channel");
        Assert.Contains("longer than 65536 characters", ex.Message, StringComparison.Ordinal);
        Skipped(text, Csv, File, RejectionReason.LimitExceeded, 3, "channel", kept: 2);
    }

    [Fact]
    public void ExtremelyLongLine_OfShortFields_IsMalformedNotBuffered()
    {
        // A million commas: too many fields, counted without keeping each one.
        var text = Header + "\n" + Row + new string(',', 1_000_000) + "\n" + Row + "\n";
        var ex = Refused(text, Csv, File, RejectionReason.Malformed, 2, null);
        Assert.Contains("expected 4 fields, found 1000004", ex.Message, StringComparison.Ordinal);
        Skipped(text, Csv, File, RejectionReason.Malformed, 2, null, kept: 1);
    }

    [Theory]
    [InlineData(" ", "stage")]
    [InlineData("\t", "stage")]
    [InlineData("\u00A0\u3000", "stage")] // no-break and ideographic spaces
    public void WhiteSpaceOnlyId_IsAMissingField_FoundByFuzzing(string blank, string field)
    {
        // Found by the csv fuzz target (fuzz/corpus/csv/found-whitespace-stage.csv): the reader took " " as a stage, and the
        // log then failed to give the event back, since an event id must not be white space.
        var text = Header + "\n" + Row + "\nc2,2024-01-01T00:00:00Z," + blank + ",web\n";
        Refused(text, Csv, File, RejectionReason.MissingField, 3, field);
        var log = Skipped(text, Csv, File, RejectionReason.MissingField, 3, field, kept: 1);
        Assert.Single(log.ToEvents());
    }

    [Fact]
    public void PrintableAscii_IsNeverWhiteSpace_SoAnIdStartingWithItIsNotBlank()
    {
        // EventRow decides "not blank" inline from a first byte in '!'..'~': that holds only while char.IsWhiteSpace agrees.
        Assert.DoesNotContain(Enumerable.Range('!', '~' - '!' + 1), c => char.IsWhiteSpace((char)c));
        Assert.Equal(2, EventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n" + Row + "\n~,2024-01-01T00:00:00Z,s,!\n")), EventLogFormat.Csv, cancellationToken: TestContext.Current.CancellationToken).Count);
    }

    [Theory]
    [InlineData("\u000B,2024-01-01T00:00:00Z,s,web", "customer_id")] // vertical tab: white space below the printable range
    [InlineData("\u0085,2024-01-01T00:00:00Z,s,web", "customer_id")] // next line: white space above it, two UTF-8 bytes
    [InlineData("  ,2024-01-01T00:00:00Z,s,web", "customer_id")]
    [InlineData("c2,2024-01-01T00:00:00Z,s,\t", "channel")]
    public void WhiteSpaceOnlyCustomerOrChannel_IsAMissingField(string row, string field) =>
        Refused(Header + "\n" + Row + "\n" + row + "\n", Csv, File, RejectionReason.MissingField, 3, field);

    [Theory]
    [InlineData(" @web", " @web", "default")]
    [InlineData("pay@ ", "pay@ ", "default")]
    [InlineData("pay@web", "pay", "web")]
    public void ActivityWithABlankSide_IsNotSplit(string activity, string stage, string channel)
    {
        var log = Read("case:concept:name,time:timestamp,concept:name\nc1,2024-01-01T00:00:00Z," + activity + "\n", Csv, File);
        var e = Assert.Single(log.ToEvents());
        Assert.Equal((stage, channel), (e.StageId, e.ChannelId));
    }

    [Fact]
    public void TooManyDistinctTouchpoints_StrictNamesFileLineAndStage()
    {
        var options = new EventLogOptions { MaxDistinctTouchpoints = 3 };
        var rows = string.Concat(Enumerable.Range(0, 5).Select(i => $"c1,2024-01-01T00:00:0{i}Z,s{i},web\n"));
        var ex = Refused(Header + "\n" + rows, Csv, File, RejectionReason.LimitExceeded, 5, "stage", options);
        Assert.Contains("beyond the 3 distinct ones allowed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDistinctTouchpoints", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyDistinctTouchpoints_LenientKeepsTheKnownTouchpointsAndCountsTheRest()
    {
        var options = Lenient(o => o.MaxDistinctTouchpoints = 2);
        var text = Header + "\nc1,2024-01-01T00:00:00Z,a,web\nc1,2024-01-01T00:00:01Z,b,web\nc1,2024-01-01T00:00:02Z,c,web\n" +
                   "c2,2024-01-01T00:00:03Z,a,web\nc2,2024-01-01T00:00:04Z,a,app\n";
        var log = Read(text, Csv, File, options);
        Assert.Equal(3, log.Count); // a@web, b@web, a@web again
        Assert.Equal(2, log.ActivityStage.Length);
        Assert.Equal(2, log.Rejections.Count(RejectionReason.LimitExceeded));
        Assert.Equal(new long[] { 4, 6 }, log.Rejections.Examples(RejectionReason.LimitExceeded).Select(r => r.Line).ToArray());
        Assert.All(log.Rejections.Examples(RejectionReason.LimitExceeded), r => Assert.Equal("stage", r.Field));
    }

    [Fact]
    public void TooManyDistinctTouchpoints_ProcessMiningColumns_NameTheActivityColumn()
    {
        var options = new EventLogOptions { MaxDistinctTouchpoints = 1 };
        var text = "case:concept:name,time:timestamp,concept:name\nc1,2024-01-01T00:00:00Z,a\nc1,2024-01-01T00:00:01Z,b\n";
        Refused(text, Csv, File, RejectionReason.LimitExceeded, 3, "concept:name", options);
    }

    [Fact]
    public void MaxDistinctTouchpoints_DefaultsToTenThousandAndRefusesLessThanOne()
    {
        Assert.Equal(10_000, new EventLogOptions().MaxDistinctTouchpoints);
        Assert.Equal(EventLogOptions.DefaultMaxDistinctTouchpoints, new EventLogOptions().MaxDistinctTouchpoints);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventLogOptions { MaxDistinctTouchpoints = 0 });
        var rows = string.Concat(Enumerable.Range(0, 10_001).Select(i => $"c,2024-01-01T00:00:00Z,s{i},web\n"));
        Refused(Header + "\n" + rows, Csv, File, RejectionReason.LimitExceeded, 10_002, "stage");
    }

    [Fact]
    public void TooManyDistinctTouchpoints_FromEvents_NamesTheEventPosition()
    {
        var events = Enumerable.Range(0, 3).Select(i => new JourneyEvent("c", DateTimeOffset.UnixEpoch, "s" + i, "web"));
        var ex = Assert.Throws<EventLogException>(() => EventLog.FromEvents(events, new EventLogOptions { MaxDistinctTouchpoints = 2 }));
        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Equal("stage", ex.Field);
        Assert.Equal(3, ex.Line);
    }
}
