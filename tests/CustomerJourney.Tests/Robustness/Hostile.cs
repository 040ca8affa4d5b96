using System;
using System.IO;
using System.Text;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Robustness;

/// <summary>Reads hostile inputs and checks that the refusal says where: the file, the line and the field.</summary>
internal static class Hostile
{
    public static EventLog Read(byte[] bytes, EventLogFormat format, string source, EventLogOptions? options = null) =>
        EventLogFiles.Read(new MemoryStream(bytes), format, options, source, TestContext.Current.CancellationToken);

    public static EventLog Read(string text, EventLogFormat format, string source, EventLogOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(text), format, source, options);

    public static EventLogOptions Lenient(Action<EventLogOptions>? configure = null)
    {
        var options = new EventLogOptions { ErrorMode = ErrorMode.Lenient };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Strict reading throws an <see cref="EventLogException"/> for this reason whose message names file, line and field.</summary>
    public static EventLogException Refused(byte[] bytes, EventLogFormat format, string source, RejectionReason reason, long line, string? field, EventLogOptions? options = null)
    {
        var ex = Assert.Throws<EventLogException>(() => Read(bytes, format, source, options));
        AssertNames(ex, source, reason, line, field);
        return ex;
    }

    public static EventLogException Refused(string text, EventLogFormat format, string source, RejectionReason reason, long line, string? field, EventLogOptions? options = null) =>
        Refused(Encoding.UTF8.GetBytes(text), format, source, reason, line, field, options);

    public static void AssertNames(EventLogException ex, string source, RejectionReason reason, long line, string? field)
    {
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(source, ex.SourceName);
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        var where = source + (line > 0 ? ": line " + line : string.Empty);
        Assert.StartsWith(where, ex.Message, StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.Contains($"field '{field}'", ex.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Lenient reading skips the bad input, counts it once under the reason and keeps the rest.</summary>
    public static EventLog Skipped(byte[] bytes, EventLogFormat format, string source, RejectionReason reason, long line, string? field, int kept, EventLogOptions? options = null)
    {
        var log = Read(bytes, format, source, options ?? Lenient());
        Assert.Equal(kept, log.Count);
        Assert.Equal(1, log.Rejections.Count(reason));
        var example = Assert.Single(log.Rejections.Examples(reason));
        Assert.Equal(line, example.Line);
        Assert.Equal(field, example.Field);
        return log;
    }

    public static EventLog Skipped(string text, EventLogFormat format, string source, RejectionReason reason, long line, string? field, int kept, EventLogOptions? options = null) =>
        Skipped(Encoding.UTF8.GetBytes(text), format, source, reason, line, field, kept, options);
}
