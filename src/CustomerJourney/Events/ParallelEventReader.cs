using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerJourney.Events;

/// <summary>
/// Reads a format of records (CSV, JSON Lines, XES traces) on several threads and builds exactly the log one reader would:
/// same ids, same events, same rejections with the same lines, the same first error in strict mode.
/// </summary>
/// <remarks>
/// <para>The calling thread reads the input in parts of a few MiB, each ending after its last newline (XES: before its last
/// trace line, <see cref="XesPartReader"/>); worker threads parse the parts into builders of their own; the calling thread
/// appends them in input order, interning each part's strings in its first-seen order, so every id is the one a single
/// reader would give.</para>
/// <para>That a part starts a record is a guess (a quoted CSV field may hold a newline). It is checked: a part that starts on
/// a record boundary parses exactly as a single reader would, so the guess for the next part holds exactly when this part
/// ended on its last byte outside any record. When it does not (for XES, when a part does not read on its own), or when a
/// part would pass a limit only the whole log can judge (distinct touchpoints, emotions), the rest of the input is read
/// from that part on by one reader on the whole log's builder: always correct, merely not parallel.</para>
/// </remarks>
internal sealed class ParallelEventReader
{
    /// <summary>Bytes per part: large enough that parsing dwarfs the hand-over, small enough to keep both cores busy to the end.</summary>
    internal const int PartBytes = 4 << 20;

    private readonly Stream _stream;
    private readonly EventLogBuilder _builder;
    private readonly CancellationToken _cancellationToken;
    private readonly int _workers;
    private readonly int _partBytes;
    private readonly Queue<Part> _pending = new();
    private readonly Stack<byte[]> _freeBuffers = new();
    private readonly Stack<EventLogBuilder> _freeBuilders = new();
    private readonly long _streamBytes = -1;
    private readonly Func<Stream, EventLogBuilder, int, CancellationToken, IPartReader> _createReader;
    private readonly Func<byte[], int, int> _partEnd;
    private IPartReader _prologue = null!;
    private byte[] _carry = Array.Empty<byte>();
    private int _carryStart;
    private int _carryEnd;
    private bool _eof;
    private long _line; // the line the next part to append starts on
    private long _appendedBytes;
    private bool _sized;
    private bool _unsplittable; // no part end found in the most a part may hold: one reader reads the rest

    /// <summary>
    /// A reader of <paramref name="stream"/> into <paramref name="builder"/>, the format's reader made by
    /// <paramref name="createReader"/> (its first read at most the given bytes). <paramref name="partEnd"/> finds where the
    /// last whole record in <c>buffer[0..length)</c> ends (0 when none does: the part grows; -1 to stop splitting); null
    /// ends parts after their last newline.
    /// </summary>
    public ParallelEventReader(
        Stream stream,
        EventLogBuilder builder,
        Func<Stream, EventLogBuilder, int, CancellationToken, IPartReader> createReader,
        int workers,
        CancellationToken cancellationToken,
        int partBytes = PartBytes,
        Func<byte[], int, int>? partEnd = null)
    {
        _stream = stream;
        _createReader = createReader;
        _partEnd = partEnd ?? AfterLastNewline;
        _builder = builder;
        _workers = workers;
        _partBytes = partBytes;
        _cancellationToken = cancellationToken;
        _streamBytes = EventLogBuilder.RemainingBytes(stream);
    }

    public EventLog Read()
    {
        // A small first read: what precedes the records (a header, a byte order mark), and whatever follows is handed to the
        // first part.
        var prologue = _createReader(_stream, _builder, Math.Min(_partBytes, 1 << 16), _cancellationToken);
        prologue.ReadPrologue();
        if (prologue.InputExhausted)
        {
            return prologue.ReadRecords(); // it all fits in the first block: nothing to share
        }

        _prologue = prologue;
        prologue.TakeBuffered(out _carry, out _carryStart, out _carryEnd, out _line, out _appendedBytes);
        try
        {
            while (NextPart() is { } part)
            {
                part.Builder = RentBuilder();
                _pending.Enqueue(part);
                part.Task = Task.Run(() => Parse(part));
                if (_pending.Count > _workers && !AppendHead())
                {
                    return ReadRestSequentially();
                }
            }

            while (_pending.Count > 0)
            {
                if (!AppendHead())
                {
                    return ReadRestSequentially();
                }
            }

            return _unsplittable ? ReadRestSequentially() : _builder.Build();
        }
        finally
        {
            WaitAll();
        }
    }

    /// <summary>Reads the next part into a buffer: the carried-over bytes, then the stream up to the part size; null at the end.</summary>
    private Part? NextPart()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_eof && _carryEnd == _carryStart)
        {
            return null;
        }

        var buffer = _freeBuffers.Count > 0 ? _freeBuffers.Pop() : new byte[Math.Max(_partBytes, _carryEnd - _carryStart)];
        var length = _carryEnd - _carryStart;
        if (length > buffer.Length)
        {
            buffer = new byte[length * 2];
        }

        Buffer.BlockCopy(_carry, _carryStart, buffer, 0, length);
        while (true)
        {
            while (!_eof && length < buffer.Length)
            {
                var n = _stream.Read(buffer, length, buffer.Length - length);
                if (n <= 0)
                {
                    _eof = true;
                    break;
                }

                length += n;
            }

            if (_eof)
            {
                _carry = buffer;
                _carryStart = _carryEnd = length;
                return new Part(buffer, length, final: true);
            }

            var end = _partEnd(buffer, length);
            if (end != 0)
            {
                _carry = buffer;
                _carryStart = Math.Max(0, end);
                _carryEnd = length;
                if (end < 0)
                {
                    _unsplittable = true;
                    return null;
                }

                return new Part(buffer, end, final: false);
            }

            // One record longer than the part: make room and read on.
            Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    private static int AfterLastNewline(byte[] buffer, int length) => Array.LastIndexOf(buffer, (byte)'\n', length - 1, length) + 1;

    private void Parse(Part part)
    {
        try
        {
            var reader = _prologue.ForPart(part.Builder, part.Buffer, part.End, part.Final, _cancellationToken);
            reader.ReadRecordsOnly();
            part.Lines = reader.LinesRead;
            part.EndedInsideRecord = reader.EndedInsideRecord;
        }
        catch (Exception e)
        {
            part.Error = ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>Appends the oldest part once parsed; false when the rest must be read by one reader from that part on.</summary>
    private bool AppendHead()
    {
        var part = _pending.Peek();
        part.Task!.Wait();

        // Limits first: a part that stopped on its own error (say, its own touchpoint limit) may hold rows before it that pass
        // the whole log's limit, where one reader would have stopped earlier. Its builder has those rows, so the check holds.
        if (_builder.WouldExceedLimits(part.Builder))
        {
            return false;
        }

        if (part.Error?.SourceException is UnreadablePartException)
        {
            return false;
        }

        if (part.Error is { } error)
        {
            if (error.SourceException is EventLogException e)
            {
                throw new EventLogException(e.Reason, e.Detail, e.SourceName, e.Line == 0 ? 0 : e.Line + _line - 1, e.Field, e.InnerException);
            }

            error.Throw();
        }

        if (part.EndedInsideRecord && !part.Final)
        {
            return false;
        }

        _builder.Append(part.Builder, _line - 1);
        _line += part.Lines;
        _appendedBytes += part.End;
        _pending.Dequeue();
        if (!_sized)
        {
            SizeColumns();
        }

        part.Builder.Reset();
        _freeBuilders.Push(part.Builder);
        if (!ReferenceEquals(part.Buffer, _carry) && part.Buffer.Length == _partBytes)
        {
            _freeBuffers.Push(part.Buffer);
        }

        return true;
    }

    /// <summary>Sizes the log's columns for the whole stream from the bytes per event of the first part, with 5% to spare.</summary>
    private void SizeColumns()
    {
        _sized = true;
        _builder.EnsureCapacityFor(_streamBytes, _appendedBytes);
    }

    /// <summary>One reader, on the whole log's builder, from the oldest part not appended to the end of the input.</summary>
    private EventLog ReadRestSequentially()
    {
        WaitAll();
        var segments = new List<ArraySegment<byte>>();
        foreach (var part in _pending)
        {
            segments.Add(new ArraySegment<byte>(part.Buffer, 0, part.End));
        }

        segments.Add(new ArraySegment<byte>(_carry, _carryStart, _carryEnd - _carryStart));
        _pending.Clear();
        var rest = new SegmentStream(segments, _eof ? null : _stream);
        return _prologue.ForRest(rest, _builder, _line, _cancellationToken).ReadRecords();
    }

    private void WaitAll()
    {
        foreach (var part in _pending)
        {
            try
            {
                part.Task?.Wait();
            }
            catch (AggregateException)
            {
                // Parse keeps its exceptions; this only waits, so that no worker still reads a buffer.
            }
        }
    }

    private EventLogBuilder RentBuilder() => _freeBuilders.Count > 0 ? _freeBuilders.Pop() : _builder.CreatePart(_partBytes / 32);

    private sealed class Part
    {
        public Part(byte[] buffer, int end, bool final)
        {
            Buffer = buffer;
            End = end;
            Final = final;
        }

        public byte[] Buffer { get; }

        public int End { get; }

        public bool Final { get; }

        public EventLogBuilder Builder { get; set; } = null!;

        public Task? Task { get; set; }

        public long Lines { get; set; }

        public bool EndedInsideRecord { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }
    }

    /// <summary>Byte segments already read, then the rest of a stream.</summary>
    internal sealed class SegmentStream : Stream
    {
        private readonly List<ArraySegment<byte>> _segments;
        private readonly Stream? _rest;
        private int _segment;
        private int _offset;

        public SegmentStream(List<ArraySegment<byte>> segments, Stream? rest)
        {
            _segments = segments;
            _rest = rest;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_segment < _segments.Count)
            {
                var s = _segments[_segment];
                var left = s.Count - _offset;
                if (left > 0)
                {
                    var n = Math.Min(left, count);
                    Buffer.BlockCopy(s.Array!, s.Offset + _offset, buffer, offset, n);
                    _offset += n;
                    return n;
                }

                _segment++;
                _offset = 0;
            }

            return _rest?.Read(buffer, offset, count) ?? 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// Thrown by a format's reader for a part it cannot read on its own (XES: the part is not well-formed as the log's
/// content): the guess of where the part starts or ends was wrong, or the input is broken there. The part and all after it
/// are read again by one reader, which reports the error, if any, where one reader would.
/// </summary>
internal sealed class UnreadablePartException : Exception
{
    public UnreadablePartException(Exception inner)
        : base("This part cannot be read on its own: " + inner.Message, inner)
    {
    }
}

/// <summary>What <see cref="ParallelEventReader"/> needs of a format's reader.</summary>
internal interface IPartReader
{
    /// <summary>Whether there is nothing to share out (after <see cref="ReadPrologue"/>): the input ended within the first read, or the reader cannot split it.</summary>
    bool InputExhausted { get; }

    /// <summary>Lines consumed so far.</summary>
    long LinesRead { get; }

    /// <summary>Whether a part stopped inside a record (a quoted CSV field running past its end): its guess of where records start was wrong.</summary>
    bool EndedInsideRecord { get; }

    /// <summary>Reads what precedes the records: a header, a byte order mark.</summary>
    void ReadPrologue();

    /// <summary>Hands over the buffered input after the prologue and the number of the line it starts on; the reader is not read from again.</summary>
    void TakeBuffered(out byte[] buffer, out int start, out int end, out long line, out long consumed);

    /// <summary>Reads the records into the builder and builds the log.</summary>
    EventLog ReadRecords();

    /// <summary>Reads the records into the builder.</summary>
    void ReadRecordsOnly();

    /// <summary>A reader, as this prologue set it up, of one part in memory whose lines count from 1.</summary>
    IPartReader ForPart(EventLogBuilder part, byte[] buffer, int end, bool final, CancellationToken cancellationToken);

    /// <summary>A reader, as this prologue set it up, of the rest of the input from line <paramref name="line"/>.</summary>
    IPartReader ForRest(Stream rest, EventLogBuilder builder, long line, CancellationToken cancellationToken);
}
