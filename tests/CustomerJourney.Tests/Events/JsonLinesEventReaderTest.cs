using System;
using System.IO;
using System.Text;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Events;

public class JsonLinesEventReaderTest
{
    private static EventLog Read(string text, EventLogOptions? options = null) =>
        EventLogFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), EventLogFormat.JsonLines, options, "test.jsonl", TestContext.Current.CancellationToken);

    [Fact]
    public void Read_Lines_GiveEventsWithTypedFieldsAndRawAttributes()
    {
        var text = "{\"customer_id\":\"c\\u0031\",\"timestamp\":\"2024-01-01T00:00:00+01:00\",\"stage\":\"s\",\"channel\":\"web\",\"sentiment\":0.5,\"rating\":\"4\",\"nps\":10,\"status\":\"Failed\",\"x\":{\"a\":[1,2]},\"n\":12.50,\"b\":true,\"z\":null}\r\n\n" +
                   "{\"customer_id\":7,\"timestamp\":\"2024-01-01T00:00:01Z\",\"concept:name\":\"pay@app\"}\n";
        var log = Read(text);
        Assert.Equal(2, log.Count);
        var e = log.GetEvent(0);
        Assert.Equal("c1", e.CustomerId);
        Assert.Equal(0.5, e.Sentiment);
        Assert.Equal(4, e.Rating);
        Assert.Equal(10, e.Nps);
        Assert.Equal(EventStatus.Failed, e.Status);
        Assert.Equal("{\"a\":[1,2]}", e.Attributes["x"]);
        Assert.Equal("12.50", e.Attributes["n"]);
        Assert.Equal("true", e.Attributes["b"]);
        Assert.False(e.Attributes.ContainsKey("z"));
        var f = log.GetEvent(1);
        Assert.Equal(("7", "pay", "app"), (f.CustomerId, f.StageId, f.ChannelId));
    }

    [Fact]
    public void Read_BadLines_NameLineAndProperty()
    {
        var ok = "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"s\",\"channel\":\"web\"}\n";
        var ex = Assert.Throws<EventLogException>(() => Read(ok + "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"s\",\"channel\":\"web\",\"rating\":9}\n"));
        Assert.Equal((RejectionReason.OutOfRange, 2L, "rating"), (ex.Reason, ex.Line, ex.Field));
        Assert.Contains("test.jsonl: line 2", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<EventLogException>(() => Read(ok + "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"s\"}\n"));
        Assert.Equal((RejectionReason.MissingField, 2L, "channel"), (ex.Reason, ex.Line, ex.Field));
        ex = Assert.Throws<EventLogException>(() => Read(ok + "{\"customer_id\":\"c\",\"timestamp\":\n"));
        Assert.Equal((RejectionReason.Malformed, 2L), (ex.Reason, ex.Line));
        ex = Assert.Throws<EventLogException>(() => Read(ok + "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":[1],\"channel\":\"web\"}\n"));
        Assert.Equal((RejectionReason.InvalidValue, 2L, "stage"), (ex.Reason, ex.Line, ex.Field));

        var log = Read(ok + "[1]\n{bad\n" + ok, new EventLogOptions { ErrorMode = ErrorMode.Lenient });
        Assert.Equal(2, log.Count);
        Assert.Equal(2, log.Rejections.Count(RejectionReason.Malformed));
    }

    [Fact]
    public void Load_JsonlGz_ByExtension()
    {
        var dir = Directory.CreateTempSubdirectory("cj-jsonl-");
        try
        {
            var log = EventLog.FromEvents(new[] { new JourneyEvent("c", DateTimeOffset.UnixEpoch, "s", "web") });
            var path = Path.Combine(dir.FullName, "e.jsonl.gz");
            EventLogFiles.Save(log, path, TestContext.Current.CancellationToken);
            Assert.Equal(log.ToEvents(), EventLogFiles.Load(path, null, TestContext.Current.CancellationToken).ToEvents());
            var csv = Path.Combine(dir.FullName, "e.csv");
            EventLogFiles.Save(log, csv, TestContext.Current.CancellationToken);
            Assert.Equal(log.ToEvents(), EventLogFiles.Load(csv, null, TestContext.Current.CancellationToken).ToEvents());
            Assert.Throws<ArgumentException>(() => EventLogFiles.Load(Path.Combine(dir.FullName, "e.json"), null, TestContext.Current.CancellationToken));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
