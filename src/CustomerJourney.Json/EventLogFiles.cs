using System;
using System.IO;
using System.Threading;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Json;

/// <summary>
/// Reads and writes event logs in every format, JSON Lines included: the single loader the command line and hosts use,
/// the format following the file's extension (<c>.csv</c>, <c>.xes</c>, <c>.jsonl</c>, each optionally <c>.gz</c>).
/// </summary>
/// <remarks>
/// <para>CSV and XES go to <see cref="EventLogReader"/> and <see cref="EventLogWriter"/> (see them for the details).
/// JSON Lines: one object per line with the CSV field names (<see cref="EventLogOptions.Columns"/>, with
/// <c>case:concept:name</c> and <c>time:timestamp</c> as fallbacks, and <c>concept:name</c> split as
/// <c>stage@channel</c> when there is no stage); numbers may be JSON numbers or strings; <c>null</c> is absent; other
/// properties are attributes (a string as its text, any other value as its raw JSON); a property with an empty name is
/// ignored; a property given twice in one object, or a string escaping half a surrogate pair (<c>"\ud800"</c>), makes the
/// line <see cref="RejectionReason.Malformed"/>. Errors name the line and the property.</para>
/// <para>Reading streams: a <see cref="System.Text.Json.Utf8JsonReader"/> over each line of a 1 MiB byte buffer, no DOM,
/// no allocation per event once the distinct strings have been seen. Writing is deterministic (same log, same bytes,
/// <c>\n</c>). Thread-safe: every call has its own state.</para>
/// </remarks>
public static class EventLogFiles
{
    /// <summary>Reads a log from a stream (left open).</summary>
    /// <param name="stream">UTF-8 input; wrap it in a <see cref="System.IO.Compression.GZipStream"/> for <c>.gz</c>.</param>
    /// <param name="format">The format of the stream.</param>
    /// <param name="options">Options; null for the defaults (strict, no map, no assumed time zone).</param>
    /// <param name="sourceName">The name used in error messages and <see cref="EventLog.SourceName"/>.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows or events.</param>
    /// <returns>The log, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="EventLogException">The input is bad: the message names the source, line and field.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static EventLog Read(Stream stream, EventLogFormat format, EventLogOptions? options = null, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(stream);
        if (format != EventLogFormat.JsonLines)
        {
            return EventLogReader.Read(stream, format, options, sourceName, cancellationToken);
        }

        var builder = new EventLogBuilder(options, sourceName);
        return builder.Options.MaxDegreeOfParallelism > 1
            ? new ParallelEventReader(stream, builder, JsonLinesEventReader.Create, builder.Options.MaxDegreeOfParallelism, cancellationToken).Read()
            : new JsonLinesEventReader(stream, builder, cancellationToken).Read();
    }

    /// <summary>Reads a log from a file whose extension names the format.</summary>
    /// <param name="path">The file: <c>.csv</c>, <c>.xes</c> or <c>.jsonl</c>, optionally followed by <c>.gz</c>; its path is the source name.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Checked every 4,096 rows or events.</param>
    /// <returns>The log, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is not one of the formats.</exception>
    /// <exception cref="EventLogException">The input is bad, or a <c>.gz</c> file is not gzip: the message names the file, line and field.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static EventLog Load(string path, EventLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(path);
        var format = EventLogPaths.FormatOf(path, out var gzip);
        return EventLogPaths.ReadFile(path, gzip, stream => Read(stream, format, options, path, cancellationToken));
    }

    /// <summary>Writes a log to a stream (flushed, left open).</summary>
    /// <param name="log">The log.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="format">The format.</param>
    /// <param name="cancellationToken">Checked every 4,096 events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="ArgumentException">An attribute has an empty name or the name of an event field, or (XES) a value holds a character XML cannot carry.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(EventLog log, Stream stream, EventLogFormat format, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(log);
        Guard.NotNull(stream);
        if (format != EventLogFormat.JsonLines)
        {
            EventLogWriter.Write(log, stream, format, cancellationToken);
            return;
        }

        new JsonLinesEventWriter(log, stream).Write(cancellationToken);
        stream.Flush();
    }

    /// <summary>Writes a log to a file whose extension names the format.</summary>
    /// <param name="log">The log.</param>
    /// <param name="path">The file, created or overwritten: <c>.csv</c>, <c>.xes</c> or <c>.jsonl</c>, optionally followed by <c>.gz</c>.</param>
    /// <param name="cancellationToken">Checked every 4,096 events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is not one of the formats, or an attribute cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="IOException">The file cannot be created or written.</exception>
    public static void Save(EventLog log, string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(log);
        Guard.NotNull(path);
        var format = EventLogPaths.FormatOf(path, out var gzip);
        using var stream = EventLogPaths.Create(path, gzip);
        Write(log, stream, format, cancellationToken);
    }
}
