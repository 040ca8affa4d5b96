using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using CustomerJourney.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Events;

public class RoundTripTest
{
    // Text that exercises quoting, escaping, neutralisation and UTF-8 in every format.
    private static readonly string[] s_texts =
    {
        "a", "b c", " padded ", "x,y", "q\"uote", "two\nlines", "cr\r\nlf", "=SUM(A1)", "-minus", "+plus", "@at", "'=quoted",
        "''-twice", "'plain", "héllo", "日本語", "emoji 😀", "a@b", "<tag>&amp;",
    };

    private static readonly string[] s_keys = { "note", "org:resource", "x y" };

    private static readonly double[] s_sentiments = { -1, -0.5, 0, 0.3, 0.1234567, 0.987654321, 1, -0.000123 };

    private static Gen<JourneyEvent> EventGen(Gen<string> customers) =>
        from customer in customers
        from ticks in Gen.Choose(0, int.MaxValue)
        from fraction in Gen.Choose(0, 9_999_999)
        from offsetQuarters in Gen.Choose(-14 * 4, 14 * 4)
        from stage in Gen.Elements(s_texts)
        from channel in Gen.Elements(s_texts)
        from sentiment in Gen.OneOf(Gen.Constant<double?>(null), Gen.Elements(s_sentiments).Select(s => (double?)s))
        from rating in Gen.Choose(0, 5)
        from nps in Gen.Choose(-1, 10)
        from emotion in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(s_texts).Select(s => (string?)s))
        from status in Gen.Choose(0, 2)
        from segment in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(s_texts).Select(s => (string?)s))
        from attributeCount in Gen.Choose(0, 3)
        from values in Gen.ArrayOf(Gen.Elements(s_texts), 3)
        from effort in Gen.Choose(0, 7)
        select new JourneyEvent(
            customer,
            new DateTimeOffset(new DateTime(1990, 1, 1).AddSeconds(ticks).AddTicks(fraction), TimeSpan.FromMinutes(offsetQuarters * 15)),
            stage,
            channel,
            sentiment,
            rating == 0 ? null : rating,
            emotion,
            nps < 0 ? null : nps,
            (EventStatus)status,
            segment,
            Enumerable.Range(0, attributeCount).ToDictionary(k => s_keys[k], k => values[k]),
            effort == 0 ? null : effort);

    private static Arbitrary<EventLog> Logs() =>
        (from events in Gen.ArrayOf(EventGen(Gen.Elements(s_texts)))
         select EventLog.FromEvents(events)).ToArbitrary();

    private static byte[] Write(EventLog log, EventLogFormat format)
    {
        using var stream = new MemoryStream();
        EventLogFiles.Write(log, stream, format);
        return stream.ToArray();
    }

    private static EventLog RoundTrip(EventLog log, EventLogFormat format) =>
        EventLogFiles.Read(new MemoryStream(Write(log, format)), format, null, "roundtrip");

    [Property(MaxTest = 200)]
    public Property Csv_WriteThenRead_GivesEqualEvents() =>
        Prop.ForAll(Logs(), log => log.ToEvents().SequenceEqual(RoundTrip(log, EventLogFormat.Csv).ToEvents()));

    [Property(MaxTest = 200)]
    public Property JsonLines_WriteThenRead_GivesEqualEvents() =>
        Prop.ForAll(Logs(), log => log.ToEvents().SequenceEqual(RoundTrip(log, EventLogFormat.JsonLines).ToEvents()));

    [Property(MaxTest = 200)]
    public Property Xes_WriteThenRead_GivesEqualEventsGroupedByCustomer() =>
        Prop.ForAll(Logs(), log => ByCustomer(log.ToEvents()).SequenceEqual(RoundTrip(log, EventLogFormat.Xes).ToEvents()));

    [Property(MaxTest = 50)]
    public Property Writers_AreDeterministic() =>
        Prop.ForAll(Logs(), log =>
            Write(log, EventLogFormat.Csv).SequenceEqual(Write(log, EventLogFormat.Csv))
            && Write(log, EventLogFormat.Xes).SequenceEqual(Write(log, EventLogFormat.Xes))
            && Write(log, EventLogFormat.JsonLines).SequenceEqual(Write(log, EventLogFormat.JsonLines)));

    // XES holds one trace per customer in first-seen order: reading it back groups the events, input order kept inside.
    private static IEnumerable<JourneyEvent> ByCustomer(IEnumerable<JourneyEvent> events)
    {
        var list = events.ToList();
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in list)
        {
            if (!firstSeen.ContainsKey(e.CustomerId))
            {
                firstSeen.Add(e.CustomerId, firstSeen.Count);
            }
        }

        return list.Select((e, i) => (e, i)).OrderBy(p => firstSeen[p.e.CustomerId]).ThenBy(p => p.i).Select(p => p.e);
    }

    [Fact]
    public void Csv_Writer_NeutralisesTextButNotNumbers()
    {
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("=cmd|' /C calc'!A0", new DateTimeOffset(2024, 1, 2, 3, 4, 5, 600, TimeSpan.FromHours(-5)), "+stage", "@web", sentiment: -0.5,
                nps: 0, attributes: new Dictionary<string, string> { ["note"] = "-2+3", ["tab"] = "\tx" }),
        });
        var text = Encoding.UTF8.GetString(Write(log, EventLogFormat.Csv));
        Assert.Equal(
            "customer_id,timestamp,stage,channel,sentiment,nps,note,tab\n" +
            "'=cmd|' /C calc'!A0,2024-01-02T03:04:05.6-05:00,'+stage,'@web,-0.5,0,'-2+3,'\tx\n",
            text);
        Assert.Equal(log.ToEvents(), RoundTrip(log, EventLogFormat.Csv).ToEvents());
    }

    [Fact]
    public void Csv_Writer_RejectsAttributesNamedLikeFields()
    {
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("c", DateTimeOffset.UnixEpoch, "s", "web", attributes: new Dictionary<string, string> { ["stage"] = "x" }),
        });
        Assert.Throws<ArgumentException>(() => Write(log, EventLogFormat.Csv));
    }

    [Fact]
    public void Xes_Writer_WritesAValidLogWithExtensions()
    {
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("c1", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "browse", "default", rating: 5),
            new JourneyEvent("c1", new DateTimeOffset(2024, 1, 2, 3, 4, 6, TimeSpan.Zero), "pay", "web", status: EventStatus.Failed),
        });
        var xml = Encoding.UTF8.GetString(Write(log, EventLogFormat.Xes));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<log xes.version=\"1849-2016\"", xml, StringComparison.Ordinal);
        Assert.Contains("<extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<string key=\"concept:name\" value=\"browse\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<string key=\"concept:name\" value=\"pay@web\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<date key=\"time:timestamp\" value=\"2024-01-02T03:04:05+00:00\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<int key=\"rating\" value=\"5\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<string key=\"status\" value=\"failed\" />", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", xml, StringComparison.Ordinal);
    }
}
