using System;
using System.IO;
using System.Threading;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// Writes event logs as CSV or XES, so that reading the output gives the same events back: for exports, conversions and
/// tests. Deterministic: the same log gives the same bytes (UTF-8 without BOM, <c>\n</c>, invariant culture).
/// </summary>
/// <remarks>
/// <para>CSV: header <c>customer_id,timestamp,stage,channel</c>, then only the optional columns the log has
/// (<c>sentiment,rating,emotion,nps,status,segment,effort</c>), then the attributes; timestamps as
/// <c>yyyy-MM-ddTHH:mm:ss.fffffff±hh:mm</c> with trailing fractional zeros trimmed, in the original offset. It is
/// spreadsheet-safe, as OWASP recommends against CSV injection: a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR (after any apostrophes) is prefixed with one apostrophe; the CSV reader removes exactly that
/// apostrophe, so the round trip is exact. Numeric columns (a sentiment of <c>-0.5</c>) are written as numbers and not
/// prefixed. An empty attribute value is written as an empty cell and so reads back as absent.</para>
/// <para>XES: one trace per customer in first-seen order, events in input order inside it (reading it back groups the
/// events by customer), the activity as <c>concept:name</c> plus typed <c>stage</c>, <c>channel</c>, score and label
/// attributes. Writes as it goes, one buffer at a time; allocates an index of the events by customer (4 bytes each).
/// The stream is flushed and left open. Thread-safe: every call has its own state.</para>
/// </remarks>
public static class EventLogWriter
{
    /// <summary>Writes a log to a stream (flushed, left open).</summary>
    /// <param name="log">The log.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="format">CSV or XES.</param>
    /// <param name="cancellationToken">Checked every 4,096 events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="NotSupportedException"><paramref name="format"/> is JSON Lines, which the CustomerJourney.Json package writes.</exception>
    /// <exception cref="ArgumentException">An attribute has an empty name or the name of an event field, or (XES) a value holds a character XML cannot carry.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(EventLog log, Stream stream, EventLogFormat format, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(log);
        Guard.NotNull(stream);
        switch (format)
        {
            case EventLogFormat.Csv:
                new CsvEventWriter(log, stream).Write(cancellationToken);
                break;
            case EventLogFormat.Xes:
                new XesEventWriter(log, stream, EventLogOptions.Default.DefaultChannel).Write(cancellationToken);
                break;
            case EventLogFormat.JsonLines:
                throw new NotSupportedException("JSON Lines is written by the CustomerJourney.Json package: use CustomerJourney.Json.EventLogFiles.");
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Undefined event log format.");
        }
    }

    /// <summary>Writes a log to a file whose extension names the format: <c>.csv</c> or <c>.xes</c>, optionally followed by <c>.gz</c>.</summary>
    /// <param name="log">The log.</param>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="cancellationToken">Checked every 4,096 events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is not one of the formats, or an attribute cannot be written.</exception>
    /// <exception cref="NotSupportedException">The path is JSON Lines (<c>.jsonl</c>), which the CustomerJourney.Json package writes.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The file cannot be created or written.</exception>
    public static void Save(EventLog log, string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(log);
        Guard.NotNull(path);
        var format = EventLogPaths.FormatOf(path, out var gzip);
        if (format == EventLogFormat.JsonLines)
        {
            throw new NotSupportedException($"'{path}' is JSON Lines, which the CustomerJourney.Json package writes: use CustomerJourney.Json.EventLogFiles.Save.");
        }

        using var stream = EventLogPaths.Create(path, gzip);
        Write(log, stream, format, cancellationToken);
    }
}
