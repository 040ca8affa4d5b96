using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Events;

public class XesEventReaderTest
{
    private const string Open = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n";

    internal static EventLog Read(string text, EventLogOptions? options = null) =>
        EventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), EventLogFormat.Xes, options, "test.xes", TestContext.Current.CancellationToken);

    [Fact]
    public void Read_TracesAndEvents_MapToCustomersAndActivities()
    {
        var xes = Open +
                  "<global scope=\"event\"><string key=\"concept:name\" value=\"GLOBAL\"/><date key=\"time:timestamp\" value=\"1970-01-01T00:00:00+01:00\"/></global>\n" +
                  "<classifier name=\"x\" keys=\"concept:name\"/>\n" +
                  "<trace><string key=\"concept:name\" value=\"c1\"/><string key=\"creator\" value=\"ignored\"/>\n" +
                  "<event><string key=\"concept:name\" value=\"browse@web\"/><date key=\"time:timestamp\" value=\"2024-01-01T10:00:00.123+02:00\"/><string key=\"org:resource\" value=\"Pete\"/></event>\n" +
                  "<event><string key=\"concept:name\" value=\"ignored\"/><string key=\"stage\" value=\"pay\"/><string key=\"channel\" value=\"app\"/><date key=\"time:timestamp\" value=\"2024-01-01T11:00:00Z\"/>" +
                  "<float key=\"sentiment\" value=\"-0.5\"/><int key=\"rating\" value=\"2\"/><int key=\"nps\" value=\"3\"/><string key=\"status\" value=\"abandoned\"/><string key=\"emotion\" value=\"anger\"/><string key=\"segment\" value=\"new\"/></event>\n" +
                  "<event><string key=\"concept:name\" value=\"bare\"/><date key=\"time:timestamp\" value=\"2024-01-01T12:00:00Z\"/><list key=\"l\"><values><string key=\"a\" value=\"b\"/></values></list></event>\n" +
                  "</trace></log>";
        var log = Read(xes);
        Assert.Equal(3, log.Count);
        var a = log.GetEvent(0);
        Assert.Equal("c1", a.CustomerId);
        Assert.Equal(("browse", "web"), (a.StageId, a.ChannelId));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, 123, TimeSpan.FromHours(2)), a.Timestamp);
        Assert.Equal("Pete", a.Attributes["org:resource"]);
        Assert.False(a.Attributes.ContainsKey("creator"));
        var b = log.GetEvent(1);
        Assert.Equal(("pay", "app"), (b.StageId, b.ChannelId));
        Assert.Equal(-0.5, b.Sentiment);
        Assert.Equal(2, b.Rating);
        Assert.Equal(3, b.Nps);
        Assert.Equal(EventStatus.Abandoned, b.Status);
        Assert.Equal("anger", b.Emotion);
        Assert.Equal("new", b.Segment);
        Assert.Equal(("bare", "default"), (log.GetEvent(2).StageId, log.GetEvent(2).ChannelId));
    }

    [Fact]
    public void Read_KeyAndValueAttributes_AreFoundAsGetAttributeFindsThem()
    {
        // Value before key, a prefixed key (another attribute than key), extra attributes, entities and character
        // references, attribute-value normalization of line breaks and tabs, and surrogate pairs where the reader's
        // char buffers (64 chars for keys, 256 for values) end, before and after they grow.
        var long1 = new string('a', 255) + "😀b";
        var long2 = new string('c', 511) + "😀" + new string('d', 600);
        var longKey = new string('k', 63) + "😀";
        var xes = Open +
                  "<trace><string value=\"c&amp;1\" key=\"concept:name\"/>\n" +
                  "<event><string value=\"browse@web\" key=\"concept:name\"/><date key=\"time:timestamp\" value=\"2024-01-01T10:00:00Z\"/>" +
                  "<string xmlns:p=\"urn:p\" p:key=\"ignored\" key=\"note\" p:value=\"no\" value=\"&lt;&#x1F600;&gt; a&#10;b\tc\nd\" extra=\"x\"/>" +
                  "<string key=\"" + longKey + "\" value=\"" + long1 + "\"/><string key=\"long\" value=\"" + long2 + "\"/>" +
                  "<string key=\"" + long1 + "\" value=\"" + longKey + "\"/></event>\n" +
                  "</trace></log>";
        var e = Assert.Single(Read(xes).ToEvents());
        Assert.Equal("c&1", e.CustomerId);
        Assert.Equal(("browse", "web"), (e.StageId, e.ChannelId));
        var expected = ExpectedAttributes(xes);
        Assert.Equal("<😀> a\nb c d", expected["note"]);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), e.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    // The attributes of the first event as XmlReader.GetAttribute gives them: the reader's contract before it copied
    // values into buffers.
    private static Dictionary<string, string> ExpectedAttributes(string xes)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = System.Xml.XmlReader.Create(new StringReader(xes));
        reader.ReadToFollowing("event");
        using var inner = reader.ReadSubtree();
        inner.Read();
        while (inner.Read())
        {
            if (inner.NodeType == System.Xml.XmlNodeType.Element && inner.GetAttribute("key") is { } key && key is not "concept:name" and not "time:timestamp")
            {
                attributes.Add(key, inner.GetAttribute("value")!);
            }
        }

        return attributes;
    }

    [Fact]
    public void Read_EventWithoutTimestamp_IsMissingFieldAtItsXmlLine()
    {
        var xes = Open + "<trace>\n<string key=\"concept:name\" value=\"c1\"/>\n<event>\n<string key=\"concept:name\" value=\"a\"/>\n</event>\n</trace></log>";
        var ex = Assert.Throws<EventLogException>(() => Read(xes));
        Assert.Equal(RejectionReason.MissingField, ex.Reason);
        Assert.Equal(5, ex.Line);
        Assert.Equal("time:timestamp", ex.Field);
        Assert.Contains("test.xes", ex.Message, StringComparison.Ordinal);
        var log = Read(xes, new EventLogOptions { ErrorMode = ErrorMode.Lenient });
        Assert.Equal(0, log.Count);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.MissingField));
    }

    [Fact]
    public void Read_BadScore_NamesTheAttributeKey()
    {
        var xes = Open + "<trace><string key=\"concept:name\" value=\"c1\"/>\n<event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/><int key=\"nps\" value=\"11\"/></event></trace></log>";
        var ex = Assert.Throws<EventLogException>(() => Read(xes));
        Assert.Equal(RejectionReason.OutOfRange, ex.Reason);
        Assert.Equal("nps", ex.Field);
        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void Read_TraceWithoutName_RejectsItsEvents()
    {
        var xes = Open + "<trace><event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace></log>";
        var log = Read(xes, new EventLogOptions { ErrorMode = ErrorMode.Lenient });
        Assert.Equal(0, log.Count);
        Assert.Equal(0, log.CustomerCount);
        Assert.Equal(1, log.Rejections.Count(RejectionReason.MissingField));
    }

    [Theory]
    [InlineData("<!DOCTYPE log [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")]
    [InlineData("<!DOCTYPE log [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>")]
    [InlineData("<!DOCTYPE log SYSTEM \"http://example.invalid/xes.dtd\">")]
    public void Read_DtdOrEntities_AreRejectedWithoutExpansion(string doctype)
    {
        var xes = "<?xml version=\"1.0\"?>\n" + doctype + "\n<log><trace><string key=\"concept:name\" value=\"&d;&xxe;\"/></trace></log>";
        var ex = Assert.Throws<EventLogException>(() => Read(xes, new EventLogOptions { ErrorMode = ErrorMode.Lenient }));
        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test.xes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotXesOrBrokenXml_IsMalformed()
    {
        Assert.Equal(RejectionReason.Malformed, Assert.Throws<EventLogException>(() => Read("<html/>")).Reason);
        Assert.Equal(RejectionReason.Malformed, Assert.Throws<EventLogException>(() => Read(Open + "<trace>")).Reason);
        Assert.Equal(RejectionReason.Malformed, Assert.Throws<EventLogException>(() => Read(string.Empty)).Reason);
    }
}
