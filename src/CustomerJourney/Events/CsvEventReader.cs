using System;
using System.Collections.Generic;
using System.IO;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
using System.Text;
using System.Threading;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// Reads RFC 4180 CSV from UTF-8 bytes: large blocks, records without quotes scanned 64 bytes at a time (a byte loop for
/// the rest), fields kept as ranges of the block (a copy only for quoted fields with escaped quotes), strings interned from
/// bytes.
/// </summary>
/// <remarks>
/// A record that crosses the end of a block is moved to the front and scanned again after the next read, so the buffer
/// only ever holds one block plus one record; a field is never buffered past <see cref="EventLogOptions.MaxFieldLength"/>.
/// </remarks>
internal sealed class CsvEventReader : IPartReader
{
    private const int BlockSize = 1 << 20;
    private const int CancellationInterval = 4096;

    /// <summary>Bytes the structural scan looks at in one step.</summary>
    private const int StructuralWindow = 64;

    /// <summary>Events read before the columns are sized from the bytes per event so far and the stream's length.</summary>
    private const int EstimateAfterEvents = 8192;

    // 0 = ordinary byte; 1 = comma, CR or LF (ends an unquoted field); 2 = non-ASCII (check UTF-8 later).
    private static readonly byte[] s_class = CreateClassTable();

#if NET8_0_OR_GREATER
    /// <summary>The bytes of class 0 that are ASCII: an unquoted field runs over them, found vectorized.</summary>
    private static readonly System.Buffers.SearchValues<byte> s_plainAscii = CreatePlainAscii();
#endif

    private readonly Stream _stream;
    private readonly EventLogBuilder _builder;
    private readonly EventRow _row;
    private readonly CancellationToken _cancellationToken;
    private readonly int _maxFieldChars;
    private readonly int _maxFieldBytes;
    private readonly bool _final = true; // false for a part of the input that ends where a record is guessed to end
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _line = 1;
    private long _discarded; // stream bytes dropped from the front of the buffer
    private long _streamBytes = -1; // from the stream's position at the start to its end, when it can seek

    // The current record's fields: in _unescaped (else in _buffer), start, length, whether non-ASCII. A flag rather than a
    // byte[] reference per field: no covariant array store and write barrier per field.
    private bool[] _fieldUnescaped = new bool[16];
    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private bool[] _fieldNonAscii = new bool[16];
    private int _fieldCount;
    private byte[] _unescaped = new byte[256];
    private int _unescapedLength;

    // Scan results besides the status.
    private int _scanEnd;
    private long _scanLines;
    private int _failField;
    private bool _failInQuotes;

    // Column layout, from the header.
    private string[] _columnNames = Array.Empty<string>();
    private int[] _columnSlot = Array.Empty<int>(); // an EventRow slot, -1 ignored, -2 attribute
    private int[] _columnAttribute = Array.Empty<int>();
    private bool[] _columnText = Array.Empty<bool>();

    public CsvEventReader(Stream stream, EventLogBuilder builder, CancellationToken cancellationToken)
        : this(stream, builder, new byte[BlockSize], cancellationToken)
    {
    }

    /// <summary>The reader <see cref="ParallelEventReader"/> starts with.</summary>
    public static IPartReader Create(Stream stream, EventLogBuilder builder, int firstBlock, CancellationToken cancellationToken) =>
        new CsvEventReader(stream, builder, firstBlock, cancellationToken);

    /// <summary>A reader whose first read is at most <paramref name="firstBlock"/> bytes (the buffer grows for a longer header).</summary>
    public CsvEventReader(Stream stream, EventLogBuilder builder, int firstBlock, CancellationToken cancellationToken)
        : this(stream, builder, new byte[Math.Max(16, firstBlock)], cancellationToken)
    {
    }

    private CsvEventReader(Stream stream, EventLogBuilder builder, byte[] buffer, CancellationToken cancellationToken)
    {
        _stream = stream;
        _builder = builder;
        _row = new EventRow(builder);
        _cancellationToken = cancellationToken;
        _maxFieldChars = builder.Options.MaxFieldLength;
        _maxFieldBytes = (int)Math.Min(int.MaxValue / 8, (long)_maxFieldChars * 4);
        _buffer = buffer;
        _streamBytes = EventLogBuilder.RemainingBytes(stream);
    }

    /// <summary>
    /// A reader of records only, with the header layout of <paramref name="layout"/>, for one part of the input already in
    /// memory (<paramref name="buffer"/> from <paramref name="start"/> to <paramref name="end"/>), its lines counted from 1.
    /// Unless the part is <paramref name="final"/>, a record left open at its end is not an error but
    /// <see cref="EndedInsideRecord"/>: the guess that the part ends on a record boundary was wrong.
    /// </summary>
    public CsvEventReader(EventLogBuilder builder, CsvEventReader layout, byte[] buffer, int start, int end, bool final, CancellationToken cancellationToken)
        : this(Stream.Null, builder, buffer, cancellationToken)
    {
        CopyLayout(layout);
        _pos = start;
        _end = end;
        _eof = true;
        _final = final;
    }

    /// <summary>A reader of records only, with the header layout of <paramref name="layout"/>, whose first line is <paramref name="line"/>.</summary>
    public CsvEventReader(Stream stream, EventLogBuilder builder, CsvEventReader layout, long line, CancellationToken cancellationToken)
        : this(stream, builder, cancellationToken)
    {
        _line = line;
        CopyLayout(layout);
    }

    private void CopyLayout(CsvEventReader layout)
    {
        _columnNames = layout._columnNames;
        _columnSlot = layout._columnSlot;
        _columnAttribute = layout._columnAttribute;
        _columnText = layout._columnText;
        for (var slot = 0; slot < EventRow.SlotCount; slot++)
        {
            _row.SetName(slot, layout._row.NameOf(slot));
        }
    }

    /// <summary>Whether plain records are scanned 64 bytes at a time (the default); off, only the byte loop runs, which tests compare against.</summary>
    public bool StructuralScan { get; set; } = true;

    /// <summary>Whether a part stopped inside a record (a quoted field, or the rest of a bad record, runs past its end).</summary>
    public bool EndedInsideRecord { get; private set; }

    /// <summary>Lines consumed so far, including the header when this reader read it.</summary>
    public long LinesRead => _line - 1;

    /// <summary>Whether the whole input is already in the buffer (after <see cref="ReadPrologue"/>): nothing to share out.</summary>
    public bool InputExhausted => _eof;

    private enum Scan
    {
        Record,
        NeedMore,
        End,
        Unterminated,
        TooLong,
        BadQuote,
    }

    public EventLog Read()
    {
        ReadPrologue();
        return ReadRecords();
    }

    /// <inheritdoc/>
    public IPartReader ForPart(EventLogBuilder part, byte[] buffer, int end, bool final, CancellationToken cancellationToken) =>
        new CsvEventReader(part, this, buffer, 0, end, final, cancellationToken);

    /// <inheritdoc/>
    public IPartReader ForRest(Stream rest, EventLogBuilder builder, long line, CancellationToken cancellationToken) =>
        new CsvEventReader(rest, builder, this, line, cancellationToken);

    /// <summary>Reads up to the end of the header row (BOM and blank lines before it included).</summary>
    public void ReadPrologue()
    {
        Fill();
        if (_end - _pos >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _pos = 3;
        }

        var status = ScanNext();
        while (status == Scan.Record && IsBlankRecord())
        {
            Advance();
            status = ScanNext();
        }

        if (status != Scan.Record)
        {
            throw new EventLogException(RejectionReason.Malformed, status == Scan.End ? "no header: the file is empty" : "the header row cannot be read", _builder.SourceName, 1);
        }

        ReadHeaderFields();
        Advance();
    }

    /// <summary>
    /// Hands over what the buffer holds past the header: the input from <paramref name="start"/> to <paramref name="end"/>
    /// of <paramref name="buffer"/>, then the rest of the stream. The reader must not be used afterwards.
    /// </summary>
    public void TakeBuffered(out byte[] buffer, out int start, out int end, out long line, out long consumed)
    {
        buffer = _buffer;
        start = _pos;
        end = _end;
        line = _line;
        consumed = _discarded + _pos;
    }

    /// <summary>Reads the records after the header and builds the log.</summary>
    public EventLog ReadRecords()
    {
        ReadRecordsOnly();
        return _builder.Build();
    }

    /// <summary>Reads the records after the header into the builder.</summary>
    public void ReadRecordsOnly()
    {
        long rows = 0;
        while (true)
        {
            if (++rows % CancellationInterval == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var line = _line;
            var status = ScanNext();
            switch (status)
            {
                case Scan.End:
                    return;
                case Scan.Record:
                    Advance();
                    if (!IsBlankRecord())
                    {
                        Record(line);
                        if (_builder.Count == EstimateAfterEvents)
                        {
                            SizeColumns();
                        }
                    }

                    break;
                case Scan.Unterminated:
                    if (!_final)
                    {
                        EndedInsideRecord = true;
                        return;
                    }

                    _builder.Reject(RejectionReason.Malformed, "a quoted field is not closed before the end of the file", line, ColumnName(_failField));
                    return;
                case Scan.TooLong:
                    _builder.Reject(RejectionReason.LimitExceeded, $"the field is longer than {_maxFieldChars} characters", line, ColumnName(_failField));
                    SkipRest(_failInQuotes);
                    break;
                case Scan.BadQuote:
                    _builder.Reject(RejectionReason.Malformed, "unexpected character after a closing quote", line, ColumnName(_failField));
                    SkipRest(false);
                    break;
            }
        }
    }

    /// <summary>Sizes the builder's columns for the whole stream, from the bytes per event so far, with 5% to spare.</summary>
    private void SizeColumns() => _builder.EnsureCapacityFor(_streamBytes, _discarded + _pos);

    private string? ColumnName(int field) => field < _columnNames.Length ? _columnNames[field] : null;

    private bool IsBlankRecord() => _fieldCount == 1 && _fieldLength[0] == 0 && _columnNames.Length != 1;

    private void Advance()
    {
        _pos = _scanEnd;
        _line += _scanLines;
    }

    private void ReadHeaderFields()
    {
        var names = new string[_fieldCount];
        for (var i = 0; i < _fieldCount; i++)
        {
            if (_fieldNonAscii[i] && !Utf8Parse.IsValidUtf8(FieldBuffer(i), _fieldStart[i], _fieldLength[i]))
            {
                throw new EventLogException(RejectionReason.Malformed, $"column {i + 1} of the header is not valid UTF-8", _builder.SourceName, 1);
            }

            var start = _fieldStart[i];
            var length = _fieldLength[i];
            Unneutralise(FieldBuffer(i), ref start, ref length);
            names[i] = Encoding.UTF8.GetString(FieldBuffer(i), start, length);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                continue; // pandas' unnamed index column: ignored
            }

            if (index.ContainsKey(names[i]))
            {
                throw new EventLogException(RejectionReason.Malformed, $"the column '{names[i]}' appears twice in the header", _builder.SourceName, 1, names[i]);
            }

            index.Add(names[i], i);
        }

        var columns = _builder.Options.Columns;
        _columnNames = names;
        _columnSlot = new int[names.Length];
        _columnAttribute = new int[names.Length];
        _columnText = new bool[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _columnSlot[i] = names[i].Length == 0 ? -1 : -2;
        }

        var customer = Find(index, columns.CustomerId, EventColumns.ProcessMiningCase);
        var timestamp = Find(index, columns.Timestamp, EventColumns.ProcessMiningTimestamp);
        Require(customer, columns.CustomerId);
        Require(timestamp, columns.Timestamp);
        Assign(customer, EventRow.Customer, text: true);
        Assign(timestamp, EventRow.Timestamp, text: false);
        var stage = Find(index, columns.Stage, null);
        var channel = Find(index, columns.Channel, null);
        if (stage >= 0)
        {
            Require(channel, columns.Channel);
            Assign(stage, EventRow.Stage, text: true);
        }
        else
        {
            var activity = Find(index, columns.Activity, null);
            Require(activity, columns.Stage);
            Assign(activity, EventRow.Activity, text: true);
        }

        Assign(channel, EventRow.Channel, text: true);
        Assign(Find(index, columns.Sentiment, null), EventRow.Sentiment, text: false);
        Assign(Find(index, columns.Rating, null), EventRow.Rating, text: false);
        Assign(Find(index, columns.Emotion, null), EventRow.Emotion, text: true);
        Assign(Find(index, columns.Nps, null), EventRow.Nps, text: false);
        Assign(Find(index, columns.Status, null), EventRow.Status, text: false);
        Assign(Find(index, columns.Segment, null), EventRow.Segment, text: true);
        Assign(Find(index, columns.Effort, null), EventRow.Effort, text: false);
        for (var i = 0; i < names.Length; i++)
        {
            if (_columnSlot[i] == -2)
            {
                if (_builder.Options.KeepAttributes)
                {
                    _columnAttribute[i] = _builder.AttributeKeys.Intern(names[i]);
                    _columnText[i] = true;
                }
                else
                {
                    _columnSlot[i] = -1;
                }
            }
        }
    }

    private static int Find(Dictionary<string, int> index, string name, string? fallback) =>
        index.TryGetValue(name, out var i) ? i : fallback is not null && index.TryGetValue(fallback, out i) ? i : -1;

    private void Require(int column, string name)
    {
        if (column < 0)
        {
            throw new EventLogException(RejectionReason.MissingField, $"the header has no '{name}' column", _builder.SourceName, 1, name);
        }
    }

    private void Assign(int column, int slot, bool text)
    {
        if (column >= 0)
        {
            _columnSlot[column] = slot;
            _columnText[column] = text;
            _row.SetName(slot, _columnNames[column]);
        }
    }

    private void Record(long line)
    {
        // Every row: field offsets and counts are within the buffer and the arrays, no overflow checks.
        unchecked
        {
            var columns = _columnNames.Length;
            if (_fieldCount != columns)
            {
                _builder.Reject(RejectionReason.Malformed, $"expected {columns} fields, found {_fieldCount}", line, null);
                return;
            }

            var row = _row;
            row.Clear();
            for (var i = 0; i < columns; i++)
            {
                var slot = _columnSlot[i];
                if (slot == -1)
                {
                    continue;
                }

                var buffer = _fieldUnescaped[i] ? _unescaped : _buffer;
                var start = _fieldStart[i];
                var length = _fieldLength[i];
                if (_fieldNonAscii[i] && !Utf8Parse.IsValidUtf8(buffer, start, length))
                {
                    _builder.Reject(RejectionReason.Malformed, "the field is not valid UTF-8", line, _columnNames[i]);
                    return;
                }

                if (length > _maxFieldChars && (!_fieldNonAscii[i] || Utf8Parse.CharCount(buffer, start, length) > _maxFieldChars))
                {
                    _builder.Reject(RejectionReason.LimitExceeded, $"the field is longer than {_maxFieldChars} characters", line, _columnNames[i]);
                    return;
                }

                if (_columnText[i] && length > 1 && buffer[start] == (byte)'\'')
                {
                    Unneutralise(buffer, ref start, ref length);
                }

                if (slot >= 0)
                {
                    row.Set(slot, buffer, start, length);
                }
                else
                {
                    row.AddAttribute(_columnAttribute[i], buffer, start, length);
                }
            }

            // Invalid UTF-8 in an ignored column is still invalid input.
            for (var i = 0; i < columns; i++)
            {
                if (_columnSlot[i] == -1 && _fieldNonAscii[i] && !Utf8Parse.IsValidUtf8(FieldBuffer(i), _fieldStart[i], _fieldLength[i]))
                {
                    _builder.Reject(RejectionReason.Malformed, "the field is not valid UTF-8", line, _columnNames[i]);
                    return;
                }
            }

            row.Commit(line);
        }
    }

    /// <summary>Undoes the writer's spreadsheet neutralisation: one leading apostrophe before <c>= + - @</c>, tab or CR.</summary>
    internal static void Unneutralise(byte[] buffer, ref int start, ref int length)
    {
        var i = start;
        while (i < start + length && buffer[i] == (byte)'\'')
        {
            i++;
        }

        if (i > start && i < start + length && CsvEventWriter.IsFormulaStart(buffer[i]))
        {
            start++;
            length--;
        }
    }

    /// <summary>Scans the next record from <c>_pos</c>, reading more input as needed.</summary>
    private Scan ScanNext()
    {
        while (true)
        {
            var status = ScanRecord();
            if (status != Scan.NeedMore)
            {
                return status;
            }

            Compact();
            Fill();
        }
    }

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
            if (_end - _pos >= BlockSize / 2)
            {
                break;
            }
        }
    }

    private byte[] FieldBuffer(int field) => _fieldUnescaped[field] ? _unescaped : _buffer;

    /// <summary>Records a field of the current record, in <c>_unescaped</c> or else in <c>_buffer</c>.</summary>
    private void AddField(int field, bool unescaped, int start, int length, bool nonAscii)
    {
        if (field >= _fieldStart.Length)
        {
            if (field > _columnNames.Length + 1 && _columnNames.Length > 0)
            {
                return; // already too many: only the count matters
            }

            var n = _fieldStart.Length * 2;
            Array.Resize(ref _fieldUnescaped, n);
            Array.Resize(ref _fieldStart, n);
            Array.Resize(ref _fieldLength, n);
            Array.Resize(ref _fieldNonAscii, n);
        }

        _fieldUnescaped[field] = unescaped;
        _fieldStart[field] = start;
        _fieldLength[field] = length;
        _fieldNonAscii[field] = nonAscii;
    }

    private Scan ScanRecord()
    {
        var buffer = _buffer;
        var classes = s_class;
        var p = _pos;
        var end = _end;
        if (p >= end)
        {
            return _eof ? Scan.End : Scan.NeedMore;
        }

        _unescapedLength = 0;
#if NET8_0_OR_GREATER
        if (StructuralScan && end - p >= StructuralWindow && TryScanPlain(buffer, p, end))
        {
            return Scan.Record;
        }
#endif

        long lines = 0;
        var field = 0;
        while (true)
        {
            var nonAscii = false;
            if (buffer[p] == (byte)'"')
            {
                p++;
                var start = p;
                var copying = false;
                var copyStart = 0;
                while (true)
                {
                    if (p >= end)
                    {
                        if (!_eof)
                        {
                            return Scan.NeedMore;
                        }

                        _failField = field;
                        return Scan.Unterminated;
                    }

                    var c = buffer[p];
                    if (c == (byte)'"')
                    {
                        if (p + 1 >= end && !_eof)
                        {
                            return Scan.NeedMore;
                        }

                        if (p + 1 < end && buffer[p + 1] == (byte)'"')
                        {
                            if (!copying)
                            {
                                copying = true;
                                copyStart = _unescapedLength;
                                AppendUnescaped(buffer, start, p - start + 1);
                            }
                            else
                            {
                                AppendUnescaped(buffer, p, 1);
                            }

                            p += 2;
                            continue;
                        }

                        p++;
                        break;
                    }

                    if (c == (byte)'\n' || (c == (byte)'\r' && (p + 1 >= end || buffer[p + 1] != (byte)'\n')))
                    {
                        lines++;
                    }

                    nonAscii |= c >= 0x80;
                    if (copying)
                    {
                        AppendUnescaped(buffer, p, 1);
                    }

                    p++;
                    if ((copying ? _unescapedLength - copyStart : p - start) > _maxFieldBytes)
                    {
                        return TooLong(field, p, lines, inQuotes: true);
                    }
                }

                if (copying)
                {
                    AddField(field, true, copyStart, _unescapedLength - copyStart, nonAscii);
                }
                else
                {
                    AddField(field, false, start, p - 1 - start, nonAscii);
                }

                if (p < end && classes[buffer[p]] != 1)
                {
                    _failField = field;
                    return BadQuote(p, lines);
                }
            }
            else
            {
                var start = p;
#if NET8_0_OR_GREATER
                // The first byte that is not plain ASCII text: a field end, or non-ASCII to note and step over.
                while (true)
                {
                    var k = new ReadOnlySpan<byte>(buffer, p, end - p).IndexOfAnyExcept(s_plainAscii);
                    if (k < 0)
                    {
                        p = end;
                        break;
                    }

                    p += k;
                    if (buffer[p] < 0x80)
                    {
                        break;
                    }

                    nonAscii = true;
                    p++;
                }
#else
                while (p < end)
                {
                    var k = classes[buffer[p]];
                    if (k == 0)
                    {
                        p++;
                        continue;
                    }

                    if (k == 1)
                    {
                        break;
                    }

                    nonAscii = true;
                    p++;
                }
#endif

                if (p >= end && !_eof)
                {
                    return p - start > _maxFieldBytes ? TooLong(field, p, lines, inQuotes: false) : Scan.NeedMore;
                }

                if (p - start > _maxFieldBytes)
                {
                    return TooLong(field, p, lines, inQuotes: false);
                }

                AddField(field, false, start, p - start, nonAscii);
            }

            field++;
            if (p >= end)
            {
                break; // end of input ends the record
            }

            var t = buffer[p];
            if (t == (byte)',')
            {
                p++;
                if (p >= end)
                {
                    if (!_eof)
                    {
                        return Scan.NeedMore;
                    }

                    AddField(field, false, p, 0, false);
                    field++;
                    break;
                }

                continue;
            }

            if (t == (byte)'\r')
            {
                if (p + 1 >= end && !_eof)
                {
                    return Scan.NeedMore;
                }

                p += p + 1 < end && buffer[p + 1] == (byte)'\n' ? 2 : 1;
            }
            else
            {
                p++; // '\n'
            }

            lines++;
            break;
        }

        _fieldCount = field;
        _scanEnd = p;
        _scanLines = lines;
        return Scan.Record;
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// Scans a record with no quote, 64 bytes at a time: a bit mask of the bytes that matter (separators,
    /// quotes, non-ASCII), then one step per set bit instead of one call per field. False, with nothing recorded that
    /// <see cref="ScanRecord"/>'s byte loop would not overwrite, for anything else (a quote, a field too long,
    /// more fields than the arrays hold, a record running into the last 64 bytes of the buffer): the byte loop then
    /// scans the record again from its start.
    /// </summary>
    private bool TryScanPlain(byte[] buffer, int p, int end)
    {
        // Indices stay within the buffer, field counts within the arrays: no overflow checks in the hot loop.
        unchecked
        {
            var fieldStart = _fieldStart;
            var fieldLength = _fieldLength;
            var fieldNonAscii = _fieldNonAscii;
            var fieldUnescaped = _fieldUnescaped;
            var field = 0;
            var start = p;
            var nonAscii = false;
            ref var origin = ref MemoryMarshal.GetArrayDataReference(buffer);
            for (var chunk = p; chunk <= end - StructuralWindow; chunk += StructuralWindow)
            {
                var mask = StructuralMask(ref Unsafe.Add(ref origin, chunk));
                while (mask != 0)
                {
                    var i = chunk + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var c = buffer[i];
                    if (c >= 0x80)
                    {
                        nonAscii = true;
                        continue;
                    }

                    var length = i - start;
                    if ((uint)field >= (uint)fieldStart.Length || length > _maxFieldBytes)
                    {
                        return false;
                    }

                    var next = i + 1;
                    if (c == (byte)'\r')
                    {
                        if (next >= end)
                        {
                            return false; // its LF may be in the next read
                        }

                        if (buffer[next] == (byte)'\n')
                        {
                            next++;
                        }

                        c = (byte)'\n'; // CRLF or a lone CR: the end of the record, as in the byte loop
                    }
                    else if (c == (byte)'"')
                    {
                        return false;
                    }

                    fieldUnescaped[field] = false;
                    fieldStart[field] = start;
                    fieldLength[field] = length;
                    fieldNonAscii[field] = nonAscii;
                    field++;
                    if (c == (byte)'\n')
                    {
                        _fieldCount = field;
                        _scanEnd = next;
                        _scanLines = 1;
                        return true;
                    }

                    start = next;
                    nonAscii = false;
                }
            }

            return false;
        }
    }

    /// <summary>Bit <c>i</c> set when byte <c>i</c> of the 64 at <paramref name="at"/> is a comma, CR, LF, quote or non-ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong StructuralMask(ref byte at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref at);
            var special = Vector512.Equals(v, Vector512.Create((byte)','))
                | Vector512.Equals(v, Vector512.Create((byte)'\n'))
                | Vector512.Equals(v, Vector512.Create((byte)'\r'))
                | Vector512.Equals(v, Vector512.Create((byte)'"'))
                | v; // the high bit: non-ASCII
            return special.ExtractMostSignificantBits();
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return Mask256(ref at) | ((ulong)Mask256(ref Unsafe.Add(ref at, 32)) << 32);
        }

        return Mask128(ref at)
            | ((ulong)Mask128(ref Unsafe.Add(ref at, 16)) << 16)
            | ((ulong)Mask128(ref Unsafe.Add(ref at, 32)) << 32)
            | ((ulong)Mask128(ref Unsafe.Add(ref at, 48)) << 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mask256(ref byte at)
    {
        var v = Vector256.LoadUnsafe(ref at);
        var special = Vector256.Equals(v, Vector256.Create((byte)','))
            | Vector256.Equals(v, Vector256.Create((byte)'\n'))
            | Vector256.Equals(v, Vector256.Create((byte)'\r'))
            | Vector256.Equals(v, Vector256.Create((byte)'"'))
            | v;
        return special.ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mask128(ref byte at)
    {
        var v = Vector128.LoadUnsafe(ref at);
        var special = Vector128.Equals(v, Vector128.Create((byte)','))
            | Vector128.Equals(v, Vector128.Create((byte)'\n'))
            | Vector128.Equals(v, Vector128.Create((byte)'\r'))
            | Vector128.Equals(v, Vector128.Create((byte)'"'))
            | v;
        return special.ExtractMostSignificantBits();
    }
#endif

    private Scan TooLong(int field, int p, long lines, bool inQuotes)
    {
        _failField = field;
        _failInQuotes = inQuotes;
        _pos = p;
        _line += lines;
        return Scan.TooLong;
    }

    private Scan BadQuote(int p, long lines)
    {
        _pos = p;
        _line += lines;
        return Scan.BadQuote;
    }

    private void AppendUnescaped(byte[] source, int start, int length)
    {
        if (_unescapedLength + length > _unescaped.Length)
        {
            Array.Resize(ref _unescaped, Math.Max(_unescaped.Length * 2, _unescapedLength + length));
        }

        Buffer.BlockCopy(source, start, _unescaped, _unescapedLength, length);
        _unescapedLength += length;
    }

    /// <summary>Discards input up to the end of the current record without keeping it, counting lines.</summary>
    private void SkipRest(bool inQuotes)
    {
        while (true)
        {
            if (_pos >= _end)
            {
                if (_eof)
                {
                    EndedInsideRecord = true;
                    return;
                }

                _discarded += _pos;
                _pos = 0;
                _end = 0;
                Fill();
                continue;
            }

            var c = _buffer[_pos];
            if (inQuotes)
            {
                if (c == (byte)'"')
                {
                    if (_pos + 1 >= _end && !_eof)
                    {
                        Compact();
                        Fill();
                        continue;
                    }

                    if (_pos + 1 < _end && _buffer[_pos + 1] == (byte)'"')
                    {
                        _pos += 2;
                        continue;
                    }

                    inQuotes = false;
                }
                else if (c == (byte)'\n')
                {
                    _line++;
                }

                _pos++;
                continue;
            }

            if (c == (byte)'"')
            {
                inQuotes = true;
                _pos++;
                continue;
            }

            if (c == (byte)'\n')
            {
                _pos++;
                _line++;
                return;
            }

            if (c == (byte)'\r')
            {
                if (_pos + 1 >= _end && !_eof)
                {
                    Compact();
                    Fill();
                    continue;
                }

                _pos += _pos + 1 < _end && _buffer[_pos + 1] == (byte)'\n' ? 2 : 1;
                _line++;
                return;
            }

            _pos++;
        }
    }

#if NET8_0_OR_GREATER
    private static System.Buffers.SearchValues<byte> CreatePlainAscii()
    {
        var plain = new List<byte>();
        for (var b = 0; b < 0x80; b++)
        {
            if (s_class[b] == 0)
            {
                plain.Add((byte)b);
            }
        }

        return System.Buffers.SearchValues.Create(plain.ToArray());
    }
#endif

    private static byte[] CreateClassTable()
    {
        var table = new byte[256];
        table[','] = 1;
        table['\r'] = 1;
        table['\n'] = 1;
        for (var i = 0x80; i < 256; i++)
        {
            table[i] = 2;
        }

        return table;
    }
}
