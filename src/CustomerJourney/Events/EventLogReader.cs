using System;
using System.IO;
using System.Threading;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// Reads event logs from CSV and XES, plain or gzip-compressed: the entry point for callers with a stream (CRM sandboxes
/// have no file system) and, for convenience, a path.
/// </summary>
/// <remarks>
/// <para>Both readers stream: memory grows with the log's columns and distinct strings, not with the file. The CSV
/// reader parses UTF-8 bytes in 1 MiB blocks and allocates only for strings it has not seen before; the XES reader uses
/// an <see cref="System.Xml.XmlReader"/> with DTDs prohibited and no resolver, so entities are never expanded.</para>
/// <para>Bad rows follow <see cref="EventLogOptions.ErrorMode"/>: strict throws at the first, lenient counts them in
/// <see cref="EventLog.Rejections"/>. A missing or duplicate header column, an empty file and broken XML always throw.
/// JSON Lines is read by <c>CustomerJourney.Json</c>'s <c>EventLogFiles</c>, which also handles every format here.</para>
/// <para>CSV: columns in any order (names in <see cref="EventLogOptions.Columns"/>); a column with an empty name, such as
/// the row index pandas writes, is ignored; other unknown columns are kept as attributes when
/// <see cref="EventLogOptions.KeepAttributes"/>; blank lines are skipped; empty optional cells are absent; a customer, stage or
/// channel of white space only is missing. XES: the trace's <c>concept:name</c> is the customer; trace-level attributes other
/// than that are ignored; an event attribute with an empty key is ignored, one whose key appears twice in the event makes it
/// <see cref="RejectionReason.Malformed"/>; events that come
/// before their trace's <c>concept:name</c> (or in a trace without one) are rejected as missing the customer. An ambiguous
/// local time under <see cref="EventLogOptions.AssumedTimeZone"/> is its first occurrence; a skipped one is rejected. Thread-safe: every call has its own state.</para>
/// </remarks>
public static class EventLogReader
{
    /// <summary>Reads a log from a stream (left open).</summary>
    /// <param name="stream">UTF-8 CSV (with or without BOM) or XES; wrap it in a <see cref="System.IO.Compression.GZipStream"/> for <c>.gz</c>.</param>
    /// <param name="format">The format of the stream.</param>
    /// <param name="options">Options; null for the defaults (strict, no map, no assumed time zone).</param>
    /// <param name="sourceName">The name used in error messages and <see cref="EventLog.SourceName"/>, typically the file name.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows or events.</param>
    /// <returns>The log, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="NotSupportedException"><paramref name="format"/> is JSON Lines, which the CustomerJourney.Json package reads.</exception>
    /// <exception cref="EventLogException">The input is bad: the message names the source, line and field.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static EventLog Read(Stream stream, EventLogFormat format, EventLogOptions? options = null, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(stream);
        var builder = new EventLogBuilder(options, sourceName);
        return format switch
        {
            EventLogFormat.Csv when builder.Options.MaxDegreeOfParallelism > 1 =>
                new ParallelEventReader(stream, builder, CsvEventReader.Create, builder.Options.MaxDegreeOfParallelism, cancellationToken).Read(),
            EventLogFormat.Csv => new CsvEventReader(stream, builder, cancellationToken).Read(),
            EventLogFormat.Xes when builder.Options.MaxDegreeOfParallelism > 1 =>
                new ParallelEventReader(stream, builder, XesPartReader.Create, builder.Options.MaxDegreeOfParallelism, cancellationToken, partEnd: XesPartReader.PartEnd).Read(),
            EventLogFormat.Xes => new XesEventReader(stream, builder, cancellationToken).Read(),
            EventLogFormat.JsonLines => throw new NotSupportedException("JSON Lines is read by the CustomerJourney.Json package: use CustomerJourney.Json.EventLogFiles."),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Undefined event log format."),
        };
    }

    /// <summary>Reads a log from a file whose extension names the format: <c>.csv</c> or <c>.xes</c>, optionally followed by <c>.gz</c>.</summary>
    /// <param name="path">The file; its path is the source name in messages.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows or events.</param>
    /// <returns>The log, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is not one of the formats.</exception>
    /// <exception cref="NotSupportedException">The file is JSON Lines (<c>.jsonl</c>), which the CustomerJourney.Json package reads.</exception>
    /// <exception cref="EventLogException">The input is bad, or a <c>.gz</c> file is not gzip: the message names the file, line and field.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static EventLog Load(string path, EventLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(path);
        var format = EventLogPaths.FormatOf(path, out var gzip);
        if (format == EventLogFormat.JsonLines)
        {
            throw new NotSupportedException($"'{path}' is JSON Lines, which the CustomerJourney.Json package reads: use CustomerJourney.Json.EventLogFiles.Load.");
        }

        return EventLogPaths.ReadFile(path, gzip, stream => Read(stream, format, options, path, cancellationToken));
    }
}
