using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace CustomerJourney.Events;

/// <summary>
/// XES for <see cref="ParallelEventReader"/>: parts start on a line whose markup starts with a <c>&lt;trace</c> start tag,
/// and each is read by an <see cref="XesEventReader"/> of its own as the content of the log's start tag (copied from the
/// input onto one line before it, which the line offset skips), so its traces read exactly as one reader reads them, on
/// the same lines.
/// </summary>
/// <remarks>
/// <para>That <c>&lt;trace</c> starts a trace is a guess: a comment, a CDATA section or a processing instruction may hold
/// one. It is checked: with the log's end tag added, a part is well-formed only if it ends outside any markup and at the
/// log's own depth, so the guess for the next part holds exactly when this part reads. One that does not is read again, with all after it, by one reader
/// (<see cref="UnreadablePartException"/>), which reports broken XML where one reader would.</para>
/// <para>The first part starts at the input's start and reads the log's start tag and whatever precedes the first trace
/// itself. The whole input is read by one reader when its start does not allow a split: a byte order mark other than
/// UTF-8's, a declared encoding other than UTF-8, a document type, a prefixed or empty <c>log</c> element, or no log start
/// tag in the first read.</para>
/// </remarks>
internal sealed class XesPartReader : IPartReader
{
    /// <summary>
    /// A part that holds this much without a trace line is not split further: the rest is read by one reader. Minified XES
    /// (no line breaks) is read so, as is a prologue or a trace longer than this.
    /// </summary>
    internal const int MaxPartBytes = 16 << 20;

    private static readonly byte[] s_trace = Encoding.ASCII.GetBytes("<trace");
    private static readonly byte[] s_logEnd = Encoding.ASCII.GetBytes("</log>");

    private readonly Stream _stream;
    private readonly EventLogBuilder _builder;
    private readonly CancellationToken _cancellationToken;
    private readonly int _lineOffset;
    private byte[] _buffer;
    private int _length;
    private bool _eof;
    private bool _alone = true;
    private byte[] _header = Array.Empty<byte>();

    private XesPartReader(Stream stream, EventLogBuilder builder, byte[] buffer, CancellationToken cancellationToken, int lineOffset = 0)
    {
        _stream = stream;
        _builder = builder;
        _buffer = buffer;
        _cancellationToken = cancellationToken;
        _lineOffset = lineOffset;
    }

    /// <inheritdoc/>
    public bool InputExhausted => _alone || _eof;

    /// <inheritdoc/>
    public long LinesRead { get; private set; }

    /// <inheritdoc/>
    public bool EndedInsideRecord => false;

    /// <summary>The reader <see cref="ParallelEventReader"/> starts with.</summary>
    public static IPartReader Create(Stream stream, EventLogBuilder builder, int firstBlock, CancellationToken cancellationToken) =>
        new XesPartReader(stream, builder, new byte[Math.Max(256, firstBlock)], cancellationToken);

    /// <summary>
    /// Where the last part in <c>buffer[0..length)</c> ends: at the start of the last line, past the first, whose markup
    /// starts with a trace start tag (after spaces or tabs); 0 when there is none, -1 when there is none in
    /// <see cref="MaxPartBytes"/>. At a line's start, so that one reader reading on from there reports the same lines and
    /// positions (a line that an XML error message names by position too).
    /// </summary>
    public static int PartEnd(byte[] buffer, int length)
    {
        for (var at = length - s_trace.Length - 1; at > 0; at--)
        {
            at = Array.LastIndexOf(buffer, (byte)'<', at);
            if (at <= 0)
            {
                break;
            }

            if (!IsTraceStart(buffer, at, length))
            {
                continue;
            }

            var lineStart = SpacesAndTabsBefore(buffer, at);
            if (lineStart > 0 && buffer[lineStart - 1] is (byte)'\n' or (byte)'\r')
            {
                return lineStart;
            }
        }

        return length >= MaxPartBytes ? -1 : 0;
    }

    /// <inheritdoc/>
    public void ReadPrologue()
    {
        while (!_eof && _length < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (n <= 0)
            {
                _eof = true;
            }

            _length += Math.Max(n, 0);
        }

        _alone = _eof || !TryReadHeader();
    }

    /// <inheritdoc/>
    public void TakeBuffered(out byte[] buffer, out int start, out int end, out long line, out long consumed)
    {
        // Everything: the first part starts at the input's start, and reads the log's start tag itself.
        buffer = _buffer;
        start = 0;
        end = _length;
        line = 1;
        consumed = 0;
    }

    /// <inheritdoc/>
    public EventLog ReadRecords()
    {
        ReadRecordsOnly();
        return _builder.Build();
    }

    /// <inheritdoc/>
    public void ReadRecordsOnly()
    {
        // The prologue reader reads alone: what it buffered, then the rest of the stream.
        var input = new ParallelEventReader.SegmentStream(new List<ArraySegment<byte>> { new(_buffer, 0, _length) }, _eof ? null : _stream);
        new XesEventReader(input, _builder, _lineOffset, part: false, _cancellationToken).ReadAll();
    }

    /// <inheritdoc/>
    public IPartReader ForPart(EventLogBuilder part, byte[] buffer, int end, bool final, CancellationToken cancellationToken) =>
        new PartReader(this, part, buffer, end, final, cancellationToken);

    /// <inheritdoc/>
    public IPartReader ForRest(Stream rest, EventLogBuilder builder, long line, CancellationToken cancellationToken)
    {
        // The rest starts at the input's start (line 1), or where a part starts: after a line break, and read under the
        // header, which takes a line before the rest's first.
        if (line == 1)
        {
            return new XesPartReader(rest, builder, Array.Empty<byte>(), cancellationToken);
        }

        var input = new ParallelEventReader.SegmentStream(new List<ArraySegment<byte>> { new(_header) }, rest);
        return new XesPartReader(input, builder, Array.Empty<byte>(), cancellationToken, LineOffset(line - 2));
    }

    private static int LineOffset(long offset) => (int)Math.Min(offset, int.MaxValue);

    /// <summary>Whether <c>buffer[at..]</c> is a trace start tag's name: <c>&lt;trace</c> then white space, <c>&gt;</c> or <c>/</c>.</summary>
    private static bool IsTraceStart(byte[] buffer, int at, int length)
    {
        if (at + s_trace.Length >= length)
        {
            return false;
        }

        for (var i = 1; i < s_trace.Length; i++)
        {
            if (buffer[at + i] != s_trace[i])
            {
                return false;
            }
        }

        return buffer[at + s_trace.Length] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/';
    }

    /// <summary>Lines in <c>buffer[from..to)</c> as the XML reader counts them: a CR LF pair, a CR or an LF ends one.</summary>
    private static long CountLines(byte[] buffer, int from, int to)
    {
        long lines = 0;
        for (var i = Array.IndexOf(buffer, (byte)'\n', from, to - from); i >= 0; i = Array.IndexOf(buffer, (byte)'\n', i + 1, to - i - 1))
        {
            lines++;
        }

        for (var i = Array.IndexOf(buffer, (byte)'\r', from, to - from); i >= 0; i = Array.IndexOf(buffer, (byte)'\r', i + 1, to - i - 1))
        {
            if (i + 1 >= to || buffer[i + 1] != (byte)'\n')
            {
                lines++; // a lone CR (one before LF is counted with it)
            }
        }

        return lines;
    }

    /// <summary>
    /// Checks that the input can be split (UTF-8, an unprefixed, non-empty <c>log</c> root after the XML declaration, white
    /// space, comments and processing instructions) and keeps the log's start tag as the header later parts are read under.
    /// What comes between the start tag and the first trace is read by the first part, which starts at the input's start.
    /// </summary>
    private bool TryReadHeader()
    {
        var b = _buffer;
        var pos = 0;
        if (_length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        {
            return false; // UTF-16
        }

        if (_length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            pos = 3;
        }

        if (StartsWith(b, pos, _length, "<?xml"))
        {
            var end = IndexOf(b, pos, _length, "?>");
            if (end < 0 || !DeclaresUtf8OrNothing(Encoding.ASCII.GetString(b, pos, end - pos)))
            {
                return false;
            }

            pos = end + 2;
        }

        while (true)
        {
            pos = SkipWhiteSpace(b, pos, _length);
            var end = StartsWith(b, pos, _length, "<!--") ? IndexOf(b, pos + 4, _length, "-->") + 3
                : StartsWith(b, pos, _length, "<?") ? IndexOf(b, pos + 2, _length, "?>") + 2
                : 0;
            if (end == 0)
            {
                break;
            }

            if (end < 3)
            {
                return false; // not closed within the first read
            }

            pos = end;
        }

        if (!StartsWith(b, pos, _length, "<log") || pos + 4 >= _length || b[pos + 4] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>'))
        {
            return false; // a document type, a prefixed root, another root, or no root within the first read
        }

        var tagEnd = StartTagEnd(b, pos, _length);
        if (tagEnd < 0 || b[tagEnd - 2] == (byte)'/')
        {
            return false;
        }

        // The log's start tag on a line of its own: line breaks within it are white space between attributes (or within a
        // value, which is not read).
        var header = new byte[tagEnd - pos + 1];
        Array.Copy(b, pos, header, 0, tagEnd - pos);
        for (var i = 0; i < header.Length - 1; i++)
        {
            if (header[i] is (byte)'\r' or (byte)'\n')
            {
                header[i] = (byte)' ';
            }
        }

        header[header.Length - 1] = (byte)'\n';
        _header = header;
        return true;
    }

    /// <summary>The index just past the start tag that opens at <paramref name="at"/> (quoted values may hold '&gt;'); -1 when it does not end in the buffer.</summary>
    private static int StartTagEnd(byte[] b, int at, int length)
    {
        byte quote = 0;
        for (var i = at + 1; i < length; i++)
        {
            if (quote != 0)
            {
                quote = b[i] == quote ? (byte)0 : quote;
            }
            else if (b[i] is (byte)'"' or (byte)'\'')
            {
                quote = b[i];
            }
            else if (b[i] == (byte)'>')
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool DeclaresUtf8OrNothing(string declaration)
    {
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return true;
        }

        var rest = declaration.Substring(at + "encoding".Length).TrimStart(' ', '\t', '\r', '\n', '=').TrimStart(' ', '\t', '\r', '\n');
        return rest.StartsWith("\"UTF-8\"", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("'UTF-8'", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <c>buffer[0..length)</c> starts with spaces or tabs and a trace start tag, as every part but the first does.</summary>
    private static bool StartsWithTrace(byte[] buffer, int length)
    {
        var at = 0;
        while (at < length && buffer[at] is (byte)' ' or (byte)'\t')
        {
            at++;
        }

        return IsTraceStart(buffer, at, length);
    }

    /// <summary>Where the spaces and tabs just before <paramref name="at"/> start.</summary>
    private static int SpacesAndTabsBefore(byte[] buffer, int at)
    {
        while (at > 0 && buffer[at - 1] is (byte)' ' or (byte)'\t')
        {
            at--;
        }

        return at;
    }

    private static int SkipWhiteSpace(byte[] b, int at, int length)
    {
        while (at < length && b[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }

    private static bool StartsWith(byte[] b, int at, int length, string text)
    {
        if (at + text.Length > length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (b[at + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(byte[] b, int from, int length, string text)
    {
        for (var at = from; at + text.Length <= length; at++)
        {
            if (StartsWith(b, at, length, text))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// One part, read on its own under the prologue's header, its lines counted from 1. <see cref="ParallelEventReader"/>
    /// only reads a part (<see cref="ReadRecordsOnly"/>) and asks its lines: the prologue's members are not a part's.
    /// </summary>
    private sealed class PartReader : IPartReader
    {
        private readonly XesPartReader _prologue;
        private readonly EventLogBuilder _builder;
        private readonly byte[] _buffer;
        private readonly int _end;
        private readonly bool _final;
        private readonly CancellationToken _cancellationToken;

        public PartReader(XesPartReader prologue, EventLogBuilder builder, byte[] buffer, int end, bool final, CancellationToken cancellationToken)
        {
            _prologue = prologue;
            _builder = builder;
            _buffer = buffer;
            _end = end;
            _final = final;
            _cancellationToken = cancellationToken;
        }

        /// <inheritdoc/>
        public bool InputExhausted => true;

        /// <inheritdoc/>
        public long LinesRead { get; private set; }

        /// <inheritdoc/>
        public bool EndedInsideRecord => false;

        /// <inheritdoc/>
        public void ReadPrologue()
        {
        }

        /// <inheritdoc/>
        public void TakeBuffered(out byte[] buffer, out int start, out int end, out long line, out long consumed) => throw new NotSupportedException();

        /// <inheritdoc/>
        public EventLog ReadRecords() => throw new NotSupportedException();

        /// <summary>Reads the part's traces; <see cref="UnreadablePartException"/> when it is not well-formed as the log's content.</summary>
        public void ReadRecordsOnly()
        {
            // Every part but the first starts with a trace line, read under the header; the first is the input's start.
            var first = !StartsWithTrace(_buffer, _end);
            var segments = new List<ArraySegment<byte>>();
            if (!first)
            {
                segments.Add(new ArraySegment<byte>(_prologue._header));
            }

            segments.Add(new ArraySegment<byte>(_buffer, 0, _end));
            if (!_final)
            {
                segments.Add(new ArraySegment<byte>(s_logEnd));
            }

            new XesEventReader(new ParallelEventReader.SegmentStream(segments, null), _builder, lineOffset: first ? 0 : -1, part: true, _cancellationToken).ReadAll();
            LinesRead = CountLines(_buffer, 0, _end);
        }

        /// <inheritdoc/>
        public IPartReader ForPart(EventLogBuilder part, byte[] buffer, int end, bool final, CancellationToken cancellationToken) => throw new NotSupportedException();

        /// <inheritdoc/>
        public IPartReader ForRest(Stream rest, EventLogBuilder builder, long line, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
