using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Json;

/// <summary>
/// Reads JSON Lines with a <see cref="Utf8JsonReader"/> over each line of a byte buffer: no DOM, no string per value.
/// String values without escapes are used in place; escaped ones are unescaped into a per-line arena.
/// </summary>
/// <remarks>
/// Streams in 1 MiB blocks; a line longer than 64 × <see cref="EventLogOptions.MaxFieldLength"/> bytes is rejected and
/// skipped without being buffered. Blank lines are skipped. Properties the format does not define are attributes: a
/// string as its text, any other value as its raw JSON text.
/// </remarks>
internal sealed class JsonLinesEventReader : IPartReader
{
    private const int BlockSize = 1 << 20;
    private const int CancellationInterval = 4096;

    /// <summary>Events read before the columns are sized from the bytes per event so far and the stream's length.</summary>
    private const int EstimateAfterEvents = 8192;

    private readonly Stream _stream;
    private readonly EventLogBuilder _builder;
    private readonly EventRow _row;
    private readonly CancellationToken _cancellationToken;
    private readonly int _maxFieldChars;
    private readonly long _maxLineBytes;
    private readonly byte[][] _slotNames;
    private readonly byte[] _fallbackCase = Encoding.UTF8.GetBytes("case:concept:name");
    private readonly byte[] _fallbackTime = Encoding.UTF8.GetBytes("time:timestamp");
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _line;
    private long _discarded; // stream bytes dropped from the front of the buffer
    private long _streamBytes = -1; // from the stream's position at the start to its end, when it can seek
    private byte[] _arena = new byte[1024];
    private int _arenaLength;
    private char[] _keyChars = new char[64];

    public JsonLinesEventReader(Stream stream, EventLogBuilder builder, CancellationToken cancellationToken)
        : this(stream, builder, BlockSize, cancellationToken)
    {
    }

    private JsonLinesEventReader(Stream stream, EventLogBuilder builder, int firstBlock, CancellationToken cancellationToken)
    {
        _buffer = new byte[Math.Max(16, firstBlock)];
        _stream = stream;
        _streamBytes = EventLogBuilder.RemainingBytes(stream);

        _builder = builder;
        _row = new EventRow(builder);
        _cancellationToken = cancellationToken;
        _maxFieldChars = builder.Options.MaxFieldLength;
        _maxLineBytes = Math.Max(BlockSize / 2, 64L * _maxFieldChars);
        _slotNames = new byte[EventRow.SlotCount][];
        for (var slot = 0; slot < EventRow.SlotCount; slot++)
        {
            _slotNames[slot] = Encoding.UTF8.GetBytes(_row.NameOf(slot));
        }
    }

    /// <summary>A reader of one part of the input in memory, <paramref name="buffer"/> up to <paramref name="end"/>, its lines counted from 1.</summary>
    private JsonLinesEventReader(EventLogBuilder builder, byte[] buffer, int end, CancellationToken cancellationToken)
        : this(Stream.Null, builder, 16, cancellationToken)
    {
        _buffer = buffer;
        _end = end;
        _eof = true;
    }

    /// <inheritdoc/>
    public bool InputExhausted => _eof;

    /// <inheritdoc/>
    public long LinesRead => _line;

    /// <summary>Never: a part ends after a newline, which always ends a JSON line, and every rule is judged within the line.</summary>
    public bool EndedInsideRecord => false;

    /// <summary>The reader <see cref="ParallelEventReader"/> starts with.</summary>
    public static IPartReader Create(Stream stream, EventLogBuilder builder, int firstBlock, CancellationToken cancellationToken) =>
        new JsonLinesEventReader(stream, builder, firstBlock, cancellationToken);

    public EventLog Read()
    {
        ReadPrologue();
        return ReadRecords();
    }

    /// <summary>Skips a byte order mark.</summary>
    public void ReadPrologue()
    {
        Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _pos = 3;
        }
    }

    /// <inheritdoc/>
    public void TakeBuffered(out byte[] buffer, out int start, out int end, out long line, out long consumed)
    {
        buffer = _buffer;
        start = _pos;
        end = _end;
        line = _line + 1;
        consumed = _pos;
    }

    /// <inheritdoc/>
    public IPartReader ForPart(EventLogBuilder part, byte[] buffer, int end, bool final, CancellationToken cancellationToken) =>
        new JsonLinesEventReader(part, buffer, end, cancellationToken);

    /// <inheritdoc/>
    public IPartReader ForRest(Stream rest, EventLogBuilder builder, long line, CancellationToken cancellationToken) =>
        new JsonLinesEventReader(rest, builder, BlockSize, cancellationToken) { _line = line - 1 };

    /// <inheritdoc/>
    public EventLog ReadRecords()
    {
        ReadRecordsOnly();
        return _builder.Build();
    }

    /// <inheritdoc/>
    public void ReadRecordsOnly()
    {
        while (true)
        {
            // Find the end of the next line, reading more as needed.
            var searchFrom = _pos;
            int newline;
            while (true)
            {
                newline = Array.IndexOf(_buffer, (byte)'\n', searchFrom, _end - searchFrom);
                if (newline >= 0 || _eof)
                {
                    break;
                }

                if (_end - _pos > _maxLineBytes)
                {
                    break;
                }

                searchFrom = _end - _pos;
                Compact();
                Fill();
            }

            if (_pos >= _end && _eof)
            {
                return;
            }

            _line++;
            if ((_line % CancellationInterval) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            // A line over the limit is refused whether or not its end is already in the buffer, so that the outcome does not
            // depend on where the buffer stands (nor on how the input is cut into parts).
            var lineEnd = newline >= 0 ? newline : _end;
            if (lineEnd - _pos > _maxLineBytes)
            {
                _builder.Reject(RejectionReason.LimitExceeded, $"the line is longer than {_maxLineBytes} bytes", _line, null);
                if (newline >= 0 || _eof)
                {
                    _pos = newline >= 0 ? newline + 1 : _end;
                }
                else
                {
                    SkipLine();
                }

                continue;
            }

            var start = _pos;
            var length = lineEnd - start;
            _pos = newline >= 0 ? newline + 1 : _end;
            if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
            {
                length--;
            }

            ReadLine(start, length);
            if (_builder.Count == EstimateAfterEvents)
            {
                SizeColumns();
            }
        }
    }

    private void ReadLine(int start, int length)
    {
        var buffer = _buffer;
        var blank = true;
        var ascii = true;
        for (var i = start; i < start + length; i++)
        {
            var c = buffer[i];
            blank &= c == (byte)' ' || c == (byte)'\t';
            ascii &= c < 0x80;
        }

        if (blank)
        {
            return;
        }

        if (!ascii && !Utf8Parse.IsValidUtf8(buffer, start, length))
        {
            _builder.Reject(RejectionReason.Malformed, "the line is not valid UTF-8", _line, null);
            return;
        }

        var row = _row;
        row.Clear();
        _arenaLength = 0;
        string? property = null;
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, length), isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                _builder.Reject(RejectionReason.Malformed, "the line is not a JSON object", _line, null);
                return;
            }

            var seen = 0; // slots set by their own name on this line
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                property = null;
                var slot = SlotOf(ref reader, out var byOwnName);
                var keyId = -1;
                if (slot < 0 && _builder.Options.KeepAttributes && !reader.ValueTextEquals(ReadOnlySpan<byte>.Empty))
                {
                    keyId = InternKey(ref reader); // a property with an empty name is ignored, as a CSV column with an empty name is
                }

                property = slot >= 0 ? _row.NameOf(slot) : keyId >= 0 ? _builder.AttributeKeys[keyId] : null;
                if ((byOwnName && (seen & (1 << slot)) != 0) || (keyId >= 0 && row.HasAttribute(keyId)))
                {
                    _builder.Reject(RejectionReason.Malformed, "the property appears twice in the object", _line, property);
                    return;
                }

                if (byOwnName)
                {
                    seen |= 1 << slot;
                }

                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (slot < 0 && keyId < 0)
                {
                    reader.Skip();
                    continue;
                }

                int valueStart;
                int valueLength;
                byte[] valueBuffer = buffer;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        if (reader.ValueIsEscaped)
                        {
                            valueBuffer = Unescape(ref reader, out valueStart, out valueLength);
                        }
                        else
                        {
                            valueStart = start + (int)reader.TokenStartIndex + 1;
                            valueLength = reader.ValueSpan.Length;
                        }

                        break;
                    case JsonTokenType.Number:
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        valueStart = start + (int)reader.TokenStartIndex;
                        valueLength = reader.ValueSpan.Length;
                        break;
                    default:
                        if (slot >= 0)
                        {
                            _builder.Reject(RejectionReason.InvalidValue, "expected a string or a number, not an object or array", _line, property);
                            return;
                        }

                        valueStart = start + (int)reader.TokenStartIndex;
                        reader.Skip();
                        valueLength = start + (int)reader.BytesConsumed - valueStart;
                        break;
                }

                if (valueLength > _maxFieldChars && Utf8Parse.CharCount(valueBuffer, valueStart, valueLength) > _maxFieldChars)
                {
                    _builder.Reject(RejectionReason.LimitExceeded, $"the value is longer than {_maxFieldChars} characters", _line, property);
                    return;
                }

                if (slot >= 0)
                {
                    row.Set(slot, valueBuffer, valueStart, valueLength);
                }
                else
                {
                    row.AddAttribute(keyId, valueBuffer, valueStart, valueLength);
                }
            }

            property = null;
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                _builder.Reject(RejectionReason.Malformed, "the line holds more than one JSON object", _line, null);
                return;
            }
        }
        catch (JsonException e)
        {
            _builder.Reject(RejectionReason.Malformed, "invalid JSON: " + e.Message, _line, property);
            return;
        }

        row.Commit(_line);
    }

    /// <summary>The slot a property name fills, or -1; <paramref name="byOwnName"/> false for the process-mining fallbacks.</summary>
    private int SlotOf(ref Utf8JsonReader reader, out bool byOwnName)
    {
        try
        {
            return SlotOfName(ref reader, out byOwnName);
        }
        catch (InvalidOperationException e)
        {
            throw LoneSurrogate(e); // comparing an escaped name unescapes it
        }
    }

    private int SlotOfName(ref Utf8JsonReader reader, out bool byOwnName)
    {
        byOwnName = true;
        for (var slot = 0; slot < EventRow.SlotCount; slot++)
        {
            if (reader.ValueTextEquals(_slotNames[slot]))
            {
                return slot;
            }
        }

        byOwnName = false;
        if (!_row.Has(EventRow.Customer) && reader.ValueTextEquals(_fallbackCase))
        {
            return EventRow.Customer;
        }

        return !_row.Has(EventRow.Timestamp) && reader.ValueTextEquals(_fallbackTime) ? EventRow.Timestamp : -1;
    }

    private int InternKey(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > _keyChars.Length)
        {
            _keyChars = new char[Math.Max(length, _keyChars.Length * 2)];
        }

        var n = CopyString(ref reader, _keyChars);
        return _builder.AttributeKeys.Intern(_keyChars, 0, n);
    }

    private byte[] Unescape(ref Utf8JsonReader reader, out int start, out int length)
    {
        var needed = reader.ValueSpan.Length;
        if (_arenaLength + needed > _arena.Length)
        {
            // Earlier values keep the old arena; this and later ones use a new one.
            _arena = new byte[Math.Max(_arena.Length * 2, needed)];
            _arenaLength = 0;
        }

        start = _arenaLength;
        try
        {
            length = reader.CopyString(new Span<byte>(_arena, _arenaLength, _arena.Length - _arenaLength));
        }
        catch (InvalidOperationException e)
        {
            throw LoneSurrogate(e);
        }

        _arenaLength += length;
        return _arena;
    }

    private static int CopyString(ref Utf8JsonReader reader, char[] destination)
    {
        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException e)
        {
            throw LoneSurrogate(e);
        }
    }

    /// <summary><c>"\ud800"</c> is well-formed JSON that no UTF-8 or UTF-16 string can hold: the reader says so with an InvalidOperationException.</summary>
    private static JsonException LoneSurrogate(InvalidOperationException e) =>
        new("the string escapes half of a surrogate pair (\\uD800-\\uDFFF alone), which is not text", e);

    private void SkipLine()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _pos, _end - _pos);
            if (newline >= 0)
            {
                _pos = newline + 1;
                return;
            }

            if (_eof)
            {
                _pos = _end;
                return;
            }

            _discarded += _end;
            _pos = 0;
            _end = 0;
            Fill();
        }
    }

    /// <summary>Sizes the builder's columns for the whole stream, from the bytes per event so far, with 5% to spare, as the CSV reader does.</summary>
    private void SizeColumns() => _builder.EnsureCapacityFor(_streamBytes, _discarded + _pos);

    private void Compact()
    {
        var remaining = _end - _pos;
        if (_pos == 0 && remaining == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (remaining > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, remaining);
        }

        _discarded += _pos;
        _pos = 0;
        _end = remaining;
    }

    private void Fill()
    {
        while (!_eof && _end < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0)
            {
                _eof = true;
                break;
            }

            _end += n;
        }
    }
}
