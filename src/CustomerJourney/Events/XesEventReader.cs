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
/// Streams: memory holds the log's columns and one event's attribute text. <c>&lt;global&gt;</c>, <c>&lt;classifier&gt;</c>,
/// <c>&lt;extension&gt;</c>, log-level and trace-level attributes other than the trace's <c>concept:name</c> are ignored,
/// as pm4py does; nested attributes (lists, containers, attributes of attributes) are skipped.
/// </remarks>
internal sealed class XesEventReader
{
    private const int CancellationInterval = 4096;

    private readonly Stream _stream;
    private readonly EventLogBuilder _builder;
    private readonly EventRow _row;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _keepAttributes;
    private byte[] _arena = new byte[1024];
    private int _arenaLength;
    private byte[] _customer = new byte[64];
    private int _customerLength = -1;
    private char[] _chars = new char[64];
    private long _events;
    private long _lastLine;

    public XesEventReader(Stream stream, EventLogBuilder builder, CancellationToken cancellationToken)
    {
        _stream = stream;
        _builder = builder;
        _cancellationToken = cancellationToken;
        _keepAttributes = builder.Options.KeepAttributes;
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
    }

    public EventLog Read()
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
        };
        IXmlLineInfo? lineInfo = null;
        try
        {
            using var reader = XmlReader.Create(_stream, settings);
            lineInfo = reader as IXmlLineInfo;
            Step(reader, XmlStep.MoveToContent);
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "log")
            {
                throw new EventLogException(RejectionReason.Malformed, $"not an XES log: the root element is '{reader.LocalName}', not 'log'", _builder.SourceName, lineInfo?.LineNumber ?? 0);
            }

            ForEachChild(reader, () =>
            {
                if (reader.LocalName == "trace")
                {
                    ReadTrace(reader, lineInfo);
                }
                else
                {
                    Step(reader, XmlStep.Skip);
                }
            });
        }
        catch (XmlException e)
        {
            // Some errors (a DTD after the root element) come without a line: the reader's position is where it stopped.
            var line = e.LineNumber > 0 ? e.LineNumber : Math.Max(lineInfo?.LineNumber ?? 0, _lastLine);
            throw new EventLogException(RejectionReason.Malformed, "invalid XML: " + e.Message, _builder.SourceName, line, null, e);
        }

        return _builder.Build();
    }

    /// <summary>Calls <paramref name="child"/> on each child element, which must leave the reader after that element.</summary>
    private void ForEachChild(XmlReader reader, Action child)
    {
        if (reader.IsEmptyElement)
        {
            Remember(reader);
            Step(reader, XmlStep.Read);
            return;
        }

        var depth = reader.Depth;
        Step(reader, XmlStep.Read);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                Remember(reader);
                Step(reader, XmlStep.Read);
                return;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                child();
            }
            else
            {
                Step(reader, XmlStep.Read);
            }
        }
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
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or OverflowException or FormatException)
        {
            var at = reader as IXmlLineInfo;
            throw new XmlException("the XML reader failed on this input (" + e.GetType().Name + ": " + e.Message + ")", e, at?.LineNumber ?? 0, at?.LinePosition ?? 0);
        }
    }

    /// <summary>Keeps the line of the element being left, for errors the XML reader reports without one.</summary>
    private void Remember(XmlReader reader) => _lastLine = (reader as IXmlLineInfo)?.LineNumber ?? _lastLine;

    private void ReadTrace(XmlReader reader, IXmlLineInfo? lineInfo)
    {
        _customerLength = -1;
        ForEachChild(reader, () =>
        {
            if (reader.LocalName == "event")
            {
                ReadEvent(reader, lineInfo);
                return;
            }

            if (reader.GetAttribute("key") == "concept:name" && reader.GetAttribute("value") is { } name)
            {
                var n = Encoding.UTF8.GetByteCount(name);
                if (n > _customer.Length)
                {
                    _customer = new byte[Math.Max(n, _customer.Length * 2)];
                }

                _customerLength = Encoding.UTF8.GetBytes(name, 0, name.Length, _customer, 0);
            }

            Step(reader, XmlStep.Skip);
        });
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
        ForEachChild(reader, () =>
        {
            var key = reader.GetAttribute("key");
            var value = reader.GetAttribute("value");
            Step(reader, XmlStep.Skip);
            if (key is null || value is null || key.Length == 0)
            {
                return; // an attribute with an empty key is ignored, as a CSV column with an empty name is
            }

            if (value.Length > _builder.Options.MaxFieldLength || key.Length > _builder.Options.MaxFieldLength)
            {
                tooLong ??= key.Length > 100 ? key.Remove(100) + "…" : key;
                return;
            }

            var slot = SlotOf(key);
            if (slot >= 0)
            {
                if ((seen & (1 << slot)) != 0)
                {
                    twice ??= key;
                    return;
                }

                seen |= 1 << slot;
                Put(value, out var buffer, out var start, out var length);
                row.Set(slot, buffer, start, length);
            }
            else if (_keepAttributes)
            {
                var keyId = InternKey(key);
                if (row.HasAttribute(keyId))
                {
                    twice ??= key;
                    return;
                }

                Put(value, out var buffer, out var start, out var length);
                row.AddAttribute(keyId, buffer, start, length);
            }
        });
        if (tooLong is not null)
        {
            _builder.Reject(RejectionReason.LimitExceeded, $"the value or key is longer than {_builder.Options.MaxFieldLength} characters", line, tooLong);
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
    }

    private static int SlotOf(string key) => key switch
    {
        "concept:name" => EventRow.Activity,
        "time:timestamp" => EventRow.Timestamp,
        "stage" => EventRow.Stage,
        "channel" => EventRow.Channel,
        "sentiment" => EventRow.Sentiment,
        "rating" => EventRow.Rating,
        "effort" => EventRow.Effort,
        "emotion" => EventRow.Emotion,
        "nps" => EventRow.Nps,
        "status" => EventRow.Status,
        "segment" => EventRow.Segment,
        _ => -1,
    };

    private int InternKey(string key)
    {
        if (key.Length > _chars.Length)
        {
            _chars = new char[Math.Max(key.Length, _chars.Length * 2)];
        }

        key.CopyTo(0, _chars, 0, key.Length);
        return _builder.AttributeKeys.Intern(_chars, 0, key.Length);
    }

    /// <summary>Encodes a value into the event's arena; earlier values keep their (possibly older) arena.</summary>
    private void Put(string value, out byte[] buffer, out int start, out int length)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_arenaLength + max > _arena.Length)
        {
            _arena = new byte[Math.Max(_arena.Length * 2, max)];
            _arenaLength = 0;
        }

        buffer = _arena;
        start = _arenaLength;
        length = Encoding.UTF8.GetBytes(value, 0, value.Length, _arena, _arenaLength);
        _arenaLength += length;
    }

    private enum XmlStep
    {
        Read,
        Skip,
        MoveToContent,
    }
}
