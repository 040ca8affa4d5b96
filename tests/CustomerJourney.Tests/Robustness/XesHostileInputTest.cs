using System;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using static CustomerJourney.Tests.Robustness.Hostile;

namespace CustomerJourney.Tests.Robustness;

/// <summary>
/// The hostile-input checklist (docs/robustness.md) for the XES reader: each refusal is an <see cref="EventLogException"/>
/// naming the file, the XML line and the attribute key. Broken XML stops even a lenient read: what follows it cannot be
/// trusted to be where it seems.
/// </summary>
public class XesHostileInputTest
{
    private const string File = "hostile.xes";
    private const string Open = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849-2016\">\n";
    private const EventLogFormat Xes = EventLogFormat.Xes;

    private static string Event(string extra = "", string timestamp = "2024-01-01T00:00:00Z") =>
        "<event><string key=\"concept:name\" value=\"s@web\"/><date key=\"time:timestamp\" value=\"" + timestamp + "\"/>" + extra + "</event>\n";

    private static string Trace(params string[] events) => "<trace><string key=\"concept:name\" value=\"c1\"/>\n" + string.Concat(events) + "</trace>\n";

    [Fact]
    public void Truncated_IsMalformedAtTheLineWhereTheXmlEnds()
    {
        var text = Open + Trace(Event()) + "<trace><string key=\"concept:name\" value=\"c2\"/>\n<event><string key=\"concept:na";
        var ex = Refused(text, Xes, File, RejectionReason.Malformed, 7, null);
        Assert.Contains("invalid XML", ex.Message, StringComparison.Ordinal);
        Assert.Throws<EventLogException>(() => Read(text, Xes, File, Lenient()));
    }

    [Fact]
    public void UnterminatedAttributeQuote_IsMalformedWithItsLine()
    {
        var text = Open + Trace(Event(), "<event><string key=\"concept:name\" value=\"never closed/></event>\n", Event()) + "</log>";
        var ex = Assert.Throws<EventLogException>(() => Read(text, Xes, File));
        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.True(ex.Line >= 5, ex.Message);
        Assert.StartsWith(File + ": line " + ex.Line, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsMalformedWithItsLine()
    {
        var bytes = Encoding.UTF8.GetBytes(Open + Trace(Event(), Event().Replace("s@web", "s@#", StringComparison.Ordinal)) + "</log>");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        var ex = Refused(bytes, Xes, File, RejectionReason.Malformed, 5, null);
        Assert.Contains("invalid XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryGarbage_IsMalformedAtLineOne()
    {
        var random = new Random(3);
        var bytes = Enumerable.Range(0, 1024).Select(_ => (byte)random.Next(256)).ToArray();
        bytes[0] = 0x89; // not '<', not a byte order mark
        var ex = Refused(bytes, Xes, File, RejectionReason.Malformed, 1, null);
        Assert.Throws<EventLogException>(() => Read(bytes, Xes, File, Lenient()));
        Assert.Contains("invalid XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsMalformed_EvenWhenLenient()
    {
        var ex = Assert.Throws<EventLogException>(() => Read(string.Empty, Xes, File, Lenient()));
        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.StartsWith(File + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid XML", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<log/>")]
    [InlineData("<log xes.version=\"1.0\"><extension name=\"Concept\" prefix=\"concept\" uri=\"x\"/><global scope=\"trace\"/></log>")]
    public void LogWithoutTraces_IsAnEmptyLog(string xes)
    {
        var log = Read(xes, Xes, File);
        Assert.Equal(0, log.Count);
        Assert.Equal(0, log.Rejections.Total);
    }

    [Fact]
    public void NotXesRoot_NamesTheElementAndTheFile()
    {
        var ex = Refused("<?xml version=\"1.0\"?>\n<html/>", Xes, File, RejectionReason.Malformed, 2, null);
        Assert.Contains("the root element is 'html'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stage", "<string key=\"stage\" value=\"a\"/><string key=\"stage\" value=\"b\"/><string key=\"channel\" value=\"web\"/>")]
    [InlineData("time:timestamp", "<date key=\"time:timestamp\" value=\"2024-01-02T00:00:00Z\"/>")]
    [InlineData("org:resource", "<string key=\"org:resource\" value=\"a\"/><string key=\"org:resource\" value=\"b\"/>")]
    public void DuplicatedAttributeKey_IsMalformedNamingIt(string key, string extra)
    {
        var text = Open + Trace(Event(), "<event><string key=\"concept:name\" value=\"s@web\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/>\n" + extra + "</event>\n", Event()) + "</log>";
        var ex = Refused(text, Xes, File, RejectionReason.Malformed, 5, key);
        Assert.Contains("attribute twice", ex.Message, StringComparison.Ordinal);
        Skipped(text, Xes, File, RejectionReason.Malformed, 5, key, kept: 2);
    }

    [Fact]
    public void EmptyKey_IsIgnoredLikeAnUnnamedCsvColumn_FoundByFuzzing()
    {
        // Found by the xes fuzz target (fuzz/corpus/xes/found-empty-key.xes): key="" became an attribute no writer can write.
        var log = Read(Open + Trace(Event("<string key=\"\" value=\"x\"/>")) + "</log>", Xes, File);
        Assert.Empty(Assert.Single(log.ToEvents()).Attributes);
    }

    [Fact]
    public void ExtremelyLongValue_NamesFileLineAndKey()
    {
        var text = Open + Trace(Event(), Event("<string key=\"note\" value=\"" + new string('x', 70_000) + "\"/>"), Event()) + "</log>";
        var ex = Refused(text, Xes, File, RejectionReason.LimitExceeded, 5, "note");
        Assert.Contains("longer than 65536 characters", ex.Message, StringComparison.Ordinal);
        Skipped(text, Xes, File, RejectionReason.LimitExceeded, 5, "note", kept: 2);
    }

    [Fact]
    public void ExtremelyLongKey_IsALimitNamingItsStart()
    {
        var key = new string('k', 70_000);
        var text = Open + Trace(Event("<string key=\"" + key + "\" value=\"v\"/>")) + "</log>";
        var ex = Refused(text, Xes, File, RejectionReason.LimitExceeded, 4, new string('k', 100) + "…");
        Assert.True(ex.Message.Length < 1000, "the message quotes the start of the key, not all of it");
    }

    [Fact]
    public void DeepNesting_InsideAnEvent_IsSkippedWithoutRecursion()
    {
        var nested = string.Concat(Enumerable.Repeat("<container key=\"c\">", 20_000)) + string.Concat(Enumerable.Repeat("</container>", 20_000));
        var log = Read(Open + Trace(Event(nested)) + "</log>", Xes, File);
        Assert.Equal(1, log.Count);
        Assert.Empty(log.GetEvent(0).Attributes);
    }

    [Theory]
    [InlineData("float", "sentiment", "NaN")]
    [InlineData("float", "sentiment", "INF")]
    [InlineData("float", "sentiment", "-Infinity")]
    [InlineData("int", "nps", "1e400")]
    [InlineData("int", "rating", "Infinity")]
    public void NaNOrInfinity_IsOutOfRangeNamingTheKey(string type, string key, string value)
    {
        var text = Open + Trace(Event(), Event($"<{type} key=\"{key}\" value=\"{value}\"/>")) + "</log>";
        Refused(text, Xes, File, RejectionReason.OutOfRange, 5, key);
        Skipped(text, Xes, File, RejectionReason.OutOfRange, 5, key, kept: 1);
    }

    [Theory]
    [InlineData("sentiment", "1.5")]
    [InlineData("rating", "6")]
    [InlineData("nps", "-1")]
    public void OutOfRangeScore_NamesFileLineAndKey(string key, string value) =>
        Refused(Open + Trace(Event(), Event($"<float key=\"{key}\" value=\"{value}\"/>")) + "</log>", Xes, File, RejectionReason.OutOfRange, 5, key);

    [Fact]
    public void TimestampWithoutOffset_IsRejectedUnlessAZoneIsNamed()
    {
        var text = Open + Trace(Event(), Event(timestamp: "2024-01-01T12:00:00.000")) + "</log>";
        var ex = Refused(text, Xes, File, RejectionReason.TimestampWithoutOffset, 5, "time:timestamp");
        Assert.Contains("no UTC offset", ex.Message, StringComparison.Ordinal);
        var zoned = Read(text, Xes, File, new EventLogOptions { AssumedTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") });
        Assert.Equal(TimeSpan.FromHours(1), zoned.GetEvent(1).Timestamp.Offset);
    }

    [Fact]
    public void WhiteSpaceOnlyTraceName_IsAMissingCustomer_FoundByFuzzing()
    {
        var text = Open + "<trace><string key=\"concept:name\" value=\"   \"/>\n" + Event() + "</trace>\n</log>";
        Refused(text, Xes, File, RejectionReason.MissingField, 4, "concept:name");
    }

    [Fact]
    public void DtdAfterTheRoot_IsMalformedAtTheLineWhereTheLogEnds_FoundByFuzzing()
    {
        // Found by the xes fuzz target (fuzz/corpus/xes/found-dtd-after-root.xes): the XML reader reports this error at
        // line 0, so lenient mode seemed to fail before the first event strict mode rejected.
        var text = Open + Trace(Event()) + "</log>\n<!DOCTYPE log [<!ENTITY e \"x\">]>";
        var ex = Refused(text, Xes, File, RejectionReason.Malformed, 6, null);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkInsideTheXmlDeclaration_IsMalformed_FoundByFuzzing()
    {
        // Found by the xes fuzz target (fuzz/corpus/xes/found-bom-in-xml-declaration.xes): System.Xml's own reader throws
        // ArgumentOutOfRangeException (from Buffer.BlockCopy) on this declaration instead of an XmlException.
        var ex = Refused("<?xml version=\"1.0\uFEFF\" encoding=\"UTF-8\"?>\n", Xes, File, RejectionReason.Malformed, 1, null);
        Assert.Contains("invalid XML: the XML reader failed on this input", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException!.InnerException);
    }

    [Fact]
    public void CharacterReferenceToNul_IsMalformed()
    {
        var ex = Refused(Open + Trace(Event("<string key=\"note\" value=\"&#0;\"/>")) + "</log>", Xes, File, RejectionReason.Malformed, 4, null);
        Assert.Contains("invalid XML", ex.Message, StringComparison.Ordinal);
    }
}
