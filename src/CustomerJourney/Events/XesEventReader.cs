using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Xml;

namespace CustomerJourney.Events;

/// <summary>
/// Reads IEEE 1849 XES with a forward-only <see cref="XmlReader"/>: no DTD, no resolver, so no entity expansion and no
/// external fetch. The trace's <c>concept:name</c> is the customer; each event's attributes fill an <see cref="EventRow"/>.
/// </summary>
/// <remarks>
/// <para>Streams: memory holds the log's columns and one event's attribute text. <c>&lt;global&gt;</c>, <c>&lt;classifier&gt;</c>,
/// <c>&lt;extension&gt;</c>, log-level and trace-level attributes other than the trace's <c>concept:name</c> are ignored,
/// as pm4py does; nested attributes (lists, containers, attributes of attributes) are skipped.</para>
/// <para>No allocation per event once the distinct strings have been seen: element and attribute names are compared by
/// reference with the reader's atomized names, and the <c>key</c> and <c>value</c> attributes are copied into reusable
/// char buffers with <see cref="XmlReader.ReadValueChunk"/>, never materialized as strings (which
/// <see cref="XmlReader.GetAttribute(string)"/> and <see cref="XmlReader.Value"/> do). No lambdas either: a closure
/// over an event's locals would be allocated per event.</para>
/// </remarks>
internal sealed class XesEventReader
{
    private const int CancellationInterval = 4096;

    /// <summary>Events read before the columns are sized from the bytes per event so far and the stream's length.</summary>
    private const int EstimateAfterEvents = 8192;

    private readonly Stream _stream;
    private readonly EventLogBuilder _builder;
    private readonly EventRow _row;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _keepAttributes;
    private readonly int _maxFieldLength;
    private readonly int _lineOffset;
    private readonly bool _part;
    private byte[] _arena = new byte[1024];
    private int _arenaLength;
    private byte[] _customer = new byte[64];
    private int _customerLength = -1;
    private long _events;
    private long _lastLine;
    private long _streamStart = -1; // the stream's position at the start, when it can seek
    private long _streamBytes = -1; // from there to its end
    private bool _chunks; // whether the reader copies values into a buffer (XmlReader.ReadValueChunk)

    // The current attribute element's key and value attributes; a length of -1 when the attribute is absent.
    private char[] _key = new char[64];
    private int _keyLength;
    private char[] _value = new char[256];
    private int _valueLength;

    // The reader's atomized names (set once the reader exists): equal names are the same string instance.
    private string _keyName = string.Empty;
    private string _valueName = string.Empty;
    private string _traceName = string.Empty;
    private string _eventName = string.Empty;

    public XesEventReader(Stream stream, EventLogBuilder builder, CancellationToken cancellationToken)
        : this(stream, builder, 0, part: false, cancellationToken)
    {
    }

    /// <summary>
    /// A reader whose lines are the XML reader's plus <paramref name="lineOffset"/>. A <paramref name="part"/> of the input
    /// read on its own (<see cref="XesPartReader"/>) throws <see cref="UnreadablePartException"/> for broken XML, which
    /// means the guess of where the part starts or ends was wrong, or the XML is broken there: one reader reads it again.
    /// </summary>
    public XesEventReader(Stream stream, EventLogBuilder builder, int lineOffset, bool part, CancellationToken cancellationToken)
    {
        _lineOffset = lineOffset;
        _part = part;
        _stream = stream;
        _builder = builder;
        _cancellationToken = cancellationToken;
        _keepAttributes = builder.Options.KeepAttributes;
        _maxFieldLength = builder.Options.MaxFieldLength;
        _row = new EventRow(builder) { RequireChannel = false };
        _row.SetName(EventRow.Customer, "concept:name");
        _row.SetName(EventRow.Timestamp, "time:timestamp");
        _row.SetName(EventRow.Stage, "stage");
        _row.SetName(EventRow.Channel, "channel");
        _row.SetName(EventRow.Activity, "concept:name");
        _row.SetName(EventRow.Sentiment, "sentiment");
        _row.SetName(EventRow.Rating, "rating");
        _row.SetName(EventRow.Effort, "effort");
        _row.SetName(EventRow.Emotion, "emotion");
        _row.SetName(EventRow.Nps, "nps");
        _row.SetName(EventRow.Status, "status");
        _row.SetName(EventRow.Segment, "segment");
        if (stream.CanSeek)
        {
            try
            {
                _streamStart = stream.Position;
                _streamBytes = stream.Length - _streamStart;
            }
            catch (NotSupportedException)
            {
                _streamBytes = -1;
            }
        }
    }

    public EventLog Read()
    {
        ReadAll();
        return _builder.Build();
    }

    /// <summary>Reads the whole input into the builder.</summary>
    public void ReadAll()
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
            LineNumberOffset = _lineOffset,
        };
        IXmlLineInfo? lineInfo = null;
        try
        {
            using var reader = XmlReader.Create(_stream, settings);
            lineInfo = reader as IXmlLineInfo;
            _chunks = reader.CanReadValueChunk;
            var names = reader.NameTable;
            _keyName = names.Add("key");
            _valueName = names.Add("value");
            _traceName = names.Add("trace");
            _eventName = names.Add("event");
            Step(reader, XmlStep.MoveToContent);
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "log")
            {
                throw new EventLogException(RejectionReason.Malformed, $"not an XES log: the root element is '{reader.LocalName}', not 'log'", _builder.SourceName, lineInfo?.LineNumber ?? 0);
            }

            var depth = Enter(reader);
            while (NextChild(reader, depth))
            {
                if (ReferenceEquals(reader.LocalName, _traceName))
                {
                    ReadTrace(reader, lineInfo);
                }
                else
                {
                    Step(reader, XmlStep.Skip);
                }
            }
        }
        catch (XmlException e) when (_part)
        {
            throw new UnreadablePartException(e);
        }
        catch (XmlException e)
        {
            // Some errors (a DTD after the root element) come without a line: the reader's position is where it stopped.
            var line = e.LineNumber > 0 ? e.LineNumber : Math.Max(lineInfo?.LineNumber ?? 0, _lastLine);
            throw new EventLogException(RejectionReason.Malformed, "invalid XML: " + e.Message, _builder.SourceName, line, null, e);
        }
    }

    /// <summary>
    /// Moves into the content of the element the reader is on, for <see cref="NextChild"/>. An empty element has no
    /// content: it is left at once, and -1 makes <see cref="NextChild"/> find no child.
    /// </summary>
    private int Enter(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            Remember(reader);
            Step(reader, XmlStep.Read);
            return -1;
        }

        var depth = reader.Depth;
        Step(reader, XmlStep.Read);
        return depth;
    }

    /// <summary>
    /// Moves to the next child element of the element entered at <paramref name="depth"/>, which the caller must leave
    /// the reader after; false once the element's end tag has been passed (or the input has ended).
    /// </summary>
    private bool NextChild(XmlReader reader, int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                Remember(reader);
                Step(reader, XmlStep.Read);
                return false;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }

            Step(reader, XmlStep.Read);
        }

        return false;
    }

    /// <summary>
    /// Moves the XML reader on. System.Xml throws other exceptions than <see cref="XmlException"/> on a few malformed
    /// documents (an ArgumentOutOfRangeException for a byte order mark inside the XML declaration, found by fuzzing):
    /// they are broken XML too, and become one.
    /// </summary>
    private static void Step(XmlReader reader, XmlStep step)
    {
        try
        {
            switch (step)
            {
                case XmlStep.Read:
                    reader.Read();
                    break;
                case XmlStep.Skip:
                    reader.Skip();
                    break;
                default:
                    reader.MoveToContent();
                    break;
            }
        }
        catch (Exception e) when (IsReaderFailure(e))
        {
            throw ReaderFailed(reader, e);
        }
    }

    private static bool IsReaderFailure(Exception e) =>
        e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or OverflowException or FormatException;

    private static XmlException ReaderFailed(XmlReader reader, Exception e)
    {
        var at = reader as IXmlLineInfo;
        return new XmlException("the XML reader failed on this input (" + e.GetType().Name + ": " + e.Message + ")", e, at?.LineNumber ?? 0, at?.LinePosition ?? 0);
    }

    /// <summary>Keeps the line of the element being left, for errors the XML reader reports without one.</summary>
    private void Remember(XmlReader reader) => _lastLine = (reader as IXmlLineInfo)?.LineNumber ?? _lastLine;

    private void ReadTrace(XmlReader reader, IXmlLineInfo? lineInfo)
    {
        _customerLength = -1;
        var depth = Enter(reader);
        while (NextChild(reader, depth))
        {
            if (ReferenceEquals(reader.LocalName, _eventName))
            {
                ReadEvent(reader, lineInfo);
                continue;
            }

            ReadKeyAndValue(reader);
            if (_valueLength >= 0 && Is(_key, _keyLength, "concept:name"))
            {
                var n = Encoding.UTF8.GetByteCount(_value, 0, _valueLength);
                if (n > _customer.Length)
                {
                    _customer = new byte[Math.Max(n, _customer.Length * 2)];
                }

                _customerLength = Encoding.UTF8.GetBytes(_value, 0, _valueLength, _customer, 0);
            }

            Step(reader, XmlStep.Skip);
        }
    }

    private void ReadEvent(XmlReader reader, IXmlLineInfo? lineInfo)
    {
        if (++_events % CancellationInterval == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        var line = lineInfo?.LineNumber ?? _events;
        var row = _row;
        row.Clear();
        _arenaLength = 0;
        if (_customerLength >= 0)
        {
            row.Set(EventRow.Customer, _customer, 0, _customerLength);
        }

        string? tooLong = null;
        string? twice = null;
        var seen = 0;
        var depth = Enter(reader);
        while (NextChild(reader, depth))
        {
            ReadKeyAndValue(reader);
            Step(reader, reader.IsEmptyElement ? XmlStep.Read : XmlStep.Skip); // Skip would check more, then Read

            var keyLength = _keyLength;
            var valueLength = _valueLength;
            if (keyLength <= 0 || valueLength < 0)
            {
                continue; // an attribute with an empty key is ignored, as a CSV column with an empty name is
            }

            if (valueLength > _maxFieldLength || keyLength > _maxFieldLength)
            {
                tooLong ??= keyLength > 100 ? new string(_key, 0, 100) + "…" : new string(_key, 0, keyLength);
                continue;
            }

            var slot = SlotOf(_key, keyLength);
            if (slot >= 0)
            {
                if ((seen & (1 << slot)) != 0)
                {
                    twice ??= new string(_key, 0, keyLength);
                    continue;
                }

                seen |= 1 << slot;
                Put(_value, valueLength, out var buffer, out var start, out var length);
                row.Set(slot, buffer, start, length);
            }
            else if (_keepAttributes)
            {
                var keyId = _builder.AttributeKeys.Intern(_key, 0, keyLength);
                if (row.HasAttribute(keyId))
                {
                    twice ??= new string(_key, 0, keyLength);
                    continue;
                }

                Put(_value, valueLength, out var buffer, out var start, out var length);
                row.AddAttribute(keyId, buffer, start, length);
            }
        }

        if (tooLong is not null)
        {
            _builder.Reject(RejectionReason.LimitExceeded, $"the value or key is longer than {_maxFieldLength} characters", line, tooLong);
            return;
        }

        if (twice is not null)
        {
            _builder.Reject(RejectionReason.Malformed, "the event has this attribute twice", line, twice);
            return;
        }

        if (_customerLength < 0)
        {
            _builder.Reject(RejectionReason.MissingField, "the trace has no concept:name (customer)", line, "concept:name");
            return;
        }

        if (!row.Has(EventRow.Timestamp))
        {
            _builder.Reject(RejectionReason.MissingField, "the event has no time:timestamp", line, "time:timestamp");
            return;
        }

        row.Commit(line);
        if (_builder.Count == EstimateAfterEvents)
        {
            SizeColumns();
        }
    }

    /// <summary>
    /// Sizes the builder's columns for the whole stream, from the bytes per event so far, with 5% to spare: one
    /// allocation instead of doublings that copy the columns and leave the old ones behind. The XML reader reads ahead
    /// by a few kilobytes, which only makes the estimate a little low.
    /// </summary>
    private void SizeColumns()
    {
        long consumed;
        try
        {
            consumed = _streamBytes > 0 ? _stream.Position - _streamStart : 0;
        }
        catch (NotSupportedException)
        {
            return;
        }

        _builder.EnsureCapacityFor(_streamBytes, consumed);
    }

    /// <summary>
    /// Copies the current element's unprefixed <c>key</c> and <c>value</c> attributes (in either order) into
    /// <see cref="_key"/> and <see cref="_value"/>, the attributes <see cref="XmlReader.GetAttribute(string)"/> would
    /// find; leaves the reader on the element.
    /// </summary>
    private void ReadKeyAndValue(XmlReader reader)
    {
        _keyLength = -1;
        _valueLength = -1;
        try
        {
            if (!reader.MoveToFirstAttribute())
            {
                return;
            }

            do
            {
                // p:key is another attribute than key, as for GetAttribute("key").
                var name = reader.LocalName;
                if (ReferenceEquals(name, _keyName) && reader.Prefix.Length == 0)
                {
                    _keyLength = ReadValue(reader, _chunks, ref _key);
                }
                else if (ReferenceEquals(name, _valueName) && reader.Prefix.Length == 0)
                {
                    _valueLength = ReadValue(reader, _chunks, ref _value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        catch (Exception e) when (IsReaderFailure(e))
        {
            throw ReaderFailed(reader, e);
        }
    }

    /// <summary>Copies the value of the attribute the reader is on into <paramref name="buffer"/>, grown as needed; its length.</summary>
    private static int ReadValue(XmlReader reader, bool chunks, ref char[] buffer)
    {
        if (!chunks)
        {
            var text = reader.Value;
            if (text.Length > buffer.Length)
            {
                buffer = new char[Math.Max(text.Length, buffer.Length * 2)];
            }

            text.CopyTo(0, buffer, 0, text.Length);
            return text.Length;
        }

        var n = 0;
        while (true)
        {
            // Room for two chars at least: ReadValueChunk keeps a surrogate pair whole, and fails when it cannot.
            if (buffer.Length - n < 2)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var room = buffer.Length - n;
            var read = reader.ReadValueChunk(buffer, n, room);

            // Only 0 is documented to mean the end. The reader XmlReader.Create makes copies all that fits, so stopping at
            // a short read would save a call (a tenth of the read time), but a reader that returns less at a buffer edge
            // (on another runtime) would then truncate a value silently: not worth it.
            if (read == 0)
            {
                return n;
            }

            n += read;
        }
    }

    /// <summary>The <see cref="EventRow"/> slot an attribute key fills, or -1: by length first, so most keys are told apart in one comparison.</summary>
    private static int SlotOf(char[] key, int length)
    {
        switch (length)
        {
            case 3:
                return Is(key, length, "nps") ? EventRow.Nps : -1;
            case 5:
                return Is(key, length, "stage") ? EventRow.Stage : -1;
            case 6:
                return Is(key, length, "rating") ? EventRow.Rating
                    : Is(key, length, "effort") ? EventRow.Effort
                    : Is(key, length, "status") ? EventRow.Status
                    : -1;
            case 7:
                return Is(key, length, "channel") ? EventRow.Channel
                    : Is(key, length, "emotion") ? EventRow.Emotion
                    : Is(key, length, "segment") ? EventRow.Segment
                    : -1;
            case 9:
                return Is(key, length, "sentiment") ? EventRow.Sentiment : -1;
            case 12:
                return Is(key, length, "concept:name") ? EventRow.Activity : -1;
            case 14:
                return Is(key, length, "time:timestamp") ? EventRow.Timestamp : -1;
            default:
                return -1;
        }
    }

    /// <summary>Whether <c>chars[0..length]</c> is <paramref name="text"/> (ordinal).</summary>
    private static bool Is(char[] chars, int length, string text)
    {
        if (length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (chars[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Encodes a value into the event's arena; earlier values keep their (possibly older) arena.</summary>
    private void Put(char[] value, int valueLength, out byte[] buffer, out int start, out int length)
    {
        var max = Encoding.UTF8.GetMaxByteCount(valueLength);
        if (_arenaLength + max > _arena.Length)
        {
            _arena = new byte[Math.Max(_arena.Length * 2, max)];
            _arenaLength = 0;
        }

        buffer = _arena;
        start = _arenaLength;
        length = Encoding.UTF8.GetBytes(value, 0, valueLength, _arena, _arenaLength);
        _arenaLength += length;
    }

    private enum XmlStep
    {
        Read,
        Skip,
        MoveToContent,
    }
}
