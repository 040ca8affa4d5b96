using System;
using System.IO;
using System.IO.Compression;

namespace CustomerJourney.Events;

/// <summary>File-name conventions shared by the core and the JSON package: the format follows the extension, <c>.gz</c> adds gzip.</summary>
internal static class EventLogPaths
{
    /// <summary>The format of a path (<c>.csv</c>, <c>.xes</c>, <c>.jsonl</c>, each optionally <c>.gz</c>).</summary>
    /// <exception cref="ArgumentException">The extension is none of these.</exception>
    public static EventLogFormat FormatOf(string path, out bool gzip)
    {
        var name = path;
        gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            name = name.Substring(0, name.Length - 3);
        }

        var extension = Path.GetExtension(name);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return EventLogFormat.Csv;
        }

        if (extension.Equals(".xes", StringComparison.OrdinalIgnoreCase))
        {
            return EventLogFormat.Xes;
        }

        if (extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return EventLogFormat.JsonLines;
        }

        var shown = string.IsNullOrEmpty(extension) ? "(none)" : extension + (gzip ? ".gz" : string.Empty);
        throw new ArgumentException($"Cannot tell the event log format of '{path}' from its extension '{shown}': use .csv, .xes or .jsonl, optionally followed by .gz.", nameof(path));
    }

    /// <summary>
    /// Opens a file for one sequential read, through gzip when asked; <paramref name="observe"/> may wrap the file's own
    /// bytes first (the <c>cj</c> tool counts them to report progress).
    /// </summary>
    public static Stream OpenRead(string path, bool gzip, Func<FileStream, Stream>? observe = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var raw = observe is null ? file : observe(file);
        return gzip ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false) : raw;
    }

    /// <summary>
    /// Reads a file with <paramref name="read"/>, through gzip when asked: a <c>.gz</c> file that is not gzip (the
    /// decompressor's <see cref="InvalidDataException"/>) is bad input like any other, an <see cref="EventLogException"/>
    /// naming the file.
    /// </summary>
    public static EventLog ReadFile(string path, bool gzip, Func<Stream, EventLog> read, Func<FileStream, Stream>? observe = null)
    {
        using var stream = OpenRead(path, gzip, observe);
        try
        {
            return read(stream);
        }
        catch (InvalidDataException e) when (gzip)
        {
            throw new EventLogException(RejectionReason.Malformed, "the file is not valid gzip: " + e.Message, path, innerException: e);
        }
    }

    /// <summary>Creates a file for one sequential write, through gzip when asked.</summary>
    public static Stream Create(string path, bool gzip)
    {
        Stream file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, FileOptions.SequentialScan);
        return gzip ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: false) : file;
    }
}
