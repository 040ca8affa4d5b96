using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// One input row as UTF-8 byte ranges, checked and appended to a builder. Shared by the CSV, JSON Lines and XES readers
/// so that every format validates, splits activities and interns the same way.
/// </summary>
/// <remarks>
/// The ranges point into the reader's buffers and are only valid until <see cref="Commit"/>. Nothing is interned before
/// the whole row is known to be good, so a rejected row leaves no customer behind. No allocation per row once the
/// distinct strings have been seen.
/// </remarks>
internal sealed class EventRow
{
    public const int Customer = 0;
    public const int Timestamp = 1;
    public const int Stage = 2;
    public const int Channel = 3;
    public const int Activity = 4;
    public const int Sentiment = 5;
    public const int Rating = 6;
    public const int Emotion = 7;
    public const int Nps = 8;
    public const int Status = 9;
    public const int Segment = 10;
    public const int Effort = 11;
    public const int SlotCount = 12;

    private readonly EventLogBuilder _builder;
    private readonly LocalTimeConverter? _zone;
    private readonly byte[][] _buffers = new byte[SlotCount][];
    private readonly int[] _starts = new int[SlotCount];
    private readonly int[] _lengths = new int[SlotCount];
    private readonly string[] _names = new string[SlotCount];
    private int[] _attributeKeys = new int[8];
    private byte[][] _attributeBuffers = new byte[8][];
    private int[] _attributeStarts = new int[8];
    private int[] _attributeLengths = new int[8];
    private int _attributeCount;
    private int _defaultChannel = -1;
    private char[] _chars = new char[64];

    public EventRow(EventLogBuilder builder)
    {
        _builder = builder;
        _zone = builder.Options.AssumedTimeZone is { } zone ? new LocalTimeConverter(zone) : null;
        var columns = builder.Options.Columns;
        _names[Customer] = columns.CustomerId;
        _names[Timestamp] = columns.Timestamp;
        _names[Stage] = columns.Stage;
        _names[Channel] = columns.Channel;
        _names[Activity] = columns.Activity;
        _names[Sentiment] = columns.Sentiment;
        _names[Rating] = columns.Rating;
        _names[Emotion] = columns.Emotion;
        _names[Nps] = columns.Nps;
        _names[Status] = columns.Status;
        _names[Segment] = columns.Segment;
        _names[Effort] = columns.Effort;
        Clear();
    }

    /// <summary>With a stage, whether an empty or absent channel is an error (CSV, JSON Lines) or the default channel (XES).</summary>
    public bool RequireChannel { get; set; } = true;

    /// <summary>Names a slot as the input spells it, for error messages.</summary>
    public void SetName(int slot, string name) => _names[slot] = name;

    public string NameOf(int slot) => _names[slot];

    /// <summary>Forgets the previous row.</summary>
    public void Clear()
    {
        // Every row: no overflow check per slot.
        unchecked
        {
            for (var i = 0; i < SlotCount; i++)
            {
                _lengths[i] = -1;
            }

            _attributeCount = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Has(int slot) => _lengths[slot] >= 0;

    public void Set(int slot, byte[] buffer, int start, int length)
    {
        if (!ReferenceEquals(_buffers[slot], buffer))
        {
            _buffers[slot] = buffer; // usually the same block as the previous row's: no store, no write barrier
        }

        _starts[slot] = start;
        _lengths[slot] = length;
    }

    public void Unset(int slot) => _lengths[slot] = -1;

    /// <summary>Whether the row already has a (non-empty) value for an attribute key.</summary>
    public bool HasAttribute(int keyId)
    {
        for (var k = 0; k < _attributeCount; k++)
        {
            if (_attributeKeys[k] == keyId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds an attribute value (empty values count as absent, as in CSV).</summary>
    public void AddAttribute(int keyId, byte[] buffer, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (_attributeCount == _attributeKeys.Length)
        {
            var n = _attributeCount * 2;
            Array.Resize(ref _attributeKeys, n);
            Array.Resize(ref _attributeBuffers, n);
            Array.Resize(ref _attributeStarts, n);
            Array.Resize(ref _attributeLengths, n);
        }

        _attributeKeys[_attributeCount] = keyId;
        _attributeBuffers[_attributeCount] = buffer;
        _attributeStarts[_attributeCount] = start;
        _attributeLengths[_attributeCount] = length;
        _attributeCount++;
    }

    /// <summary>Checks the row and appends it; false when it was rejected (in lenient mode; strict mode throws).</summary>
    public bool Commit(long line)
    {
        // Every row: offsets within the row's buffers and small counts, no overflow checks.
        unchecked
        {
            var b = _builder;
            if (!NotBlank(Customer))
            {
                b.Reject(RejectionReason.MissingField, "the customer id is missing", line, _names[Customer]);
                return false;
            }

            if (!NonEmpty(Timestamp))
            {
                b.Reject(RejectionReason.MissingField, "the timestamp is missing", line, _names[Timestamp]);
                return false;
            }

            if (!TryTimestamp(line, out var utcTicks, out var offsetMinutes))
            {
                return false;
            }

            // Where the stage and channel are: a stage slot, or an activity to split. A channel column given wins in both.
            int stageSlot;
            int stageStart;
            int stageLength;
            var channelGiven = NotBlank(Channel);
            var channelSlot = channelGiven ? Channel : -1;
            var channelStart = channelGiven ? _starts[Channel] : 0;
            var channelLength = channelGiven ? _lengths[Channel] : 0;
            if (Has(Stage) || !Has(Activity))
            {
                if (!NotBlank(Stage))
                {
                    b.Reject(RejectionReason.MissingField, "the stage is missing", line, _names[Stage]);
                    return false;
                }

                stageSlot = Stage;
                stageStart = _starts[Stage];
                stageLength = _lengths[Stage];
                if (!channelGiven && RequireChannel)
                {
                    b.Reject(RejectionReason.MissingField, "the channel is missing", line, _names[Channel]);
                    return false;
                }
            }
            else
            {
                if (!NotBlank(Activity))
                {
                    b.Reject(RejectionReason.MissingField, "the activity is missing", line, _names[Activity]);
                    return false;
                }

                stageSlot = Activity;
                stageStart = _starts[Activity];
                stageLength = _lengths[Activity];
                if (!channelGiven)
                {
                    var activity = _buffers[Activity];
                    var at = -1;
                    for (var i = stageStart + stageLength - 1; i >= stageStart; i--)
                    {
                        if (activity[i] == (byte)'@')
                        {
                            at = i;
                            break;
                        }
                    }

                    // Split only when both sides are non-blank: "a@", "@b" and " @b" are stages on the default channel.
                    if (at > stageStart && at < stageStart + stageLength - 1
                        && !IsBlank(activity, stageStart, at - stageStart) && !IsBlank(activity, at + 1, stageStart + stageLength - at - 1))
                    {
                        channelSlot = Activity;
                        channelStart = at + 1;
                        channelLength = stageStart + stageLength - at - 1;
                        stageLength = at - stageStart;
                    }
                }
            }

            // Scores and status.
            var sentiment = float.NaN;
            if (NonEmpty(Sentiment))
            {
                var r = Utf8Parse.ParseSingle(_buffers[Sentiment], _starts[Sentiment], _lengths[Sentiment], out sentiment);
                if (r == NumberParse.Invalid)
                {
                    b.Reject(RejectionReason.InvalidValue, $"'{Text(Sentiment)}' is not a number", line, _names[Sentiment]);
                    return false;
                }

                if (r == NumberParse.NotFinite || !(sentiment >= -1f && sentiment <= 1f))
                {
                    b.Reject(RejectionReason.OutOfRange, $"{Text(Sentiment)} is outside [-1, 1]", line, _names[Sentiment]);
                    return false;
                }
            }

            if (!TryInteger(Rating, 1, 5, line, out var rating) || !TryInteger(Nps, 0, 10, line, out var nps)
                || !TryInteger(Effort, 1, 7, line, out var effort))
            {
                return false;
            }

            var status = EventStatus.Completed;
            if (NonEmpty(Status) && !TryStatus(out status))
            {
                b.Reject(RejectionReason.InvalidValue, $"'{Text(Status)}' is not completed, failed or abandoned", line, _names[Status]);
                return false;
            }

            // Interning: stage and channel first (they may be refused by the map), the customer last.
            var stage = b.Stages.Intern(_buffers[stageSlot], stageStart, stageLength);
            if (!b.IsKnownStage(stage))
            {
                b.Reject(RejectionReason.UnknownStage, $"unknown stage '{b.Stages[stage]}'", line, _names[stageSlot]);
                return false;
            }

            int channel;
            if (channelSlot < 0)
            {
                channel = _defaultChannel >= 0 ? _defaultChannel : _defaultChannel = b.Channels.Intern(b.Options.DefaultChannel);
            }
            else
            {
                channel = b.Channels.Intern(_buffers[channelSlot], channelStart, channelLength);
            }

            if (!b.IsKnownChannel(channel))
            {
                b.Reject(RejectionReason.UnknownChannel, $"unknown channel '{b.Channels[channel]}'", line, channelSlot < 0 ? _names[Channel] : _names[channelSlot]);
                return false;
            }

            var emotion = NonEmpty(Emotion) ? b.Emotions.Intern(_buffers[Emotion], _starts[Emotion], _lengths[Emotion]) : -1;
            if (emotion >= ushort.MaxValue)
            {
                b.Reject(RejectionReason.LimitExceeded, $"more than {ushort.MaxValue - 1} distinct emotions", line, _names[Emotion]);
                return false;
            }

            var touchpoint = b.InternActivity(stage, channel);
            if (touchpoint < 0)
            {
                b.Reject(RejectionReason.LimitExceeded, b.TooManyTouchpoints(), line, _names[stageSlot]);
                return false;
            }

            var customer = b.Customers.Intern(_buffers[Customer], _starts[Customer], _lengths[Customer]);
            b.Add(customer, touchpoint, utcTicks, offsetMinutes);
            if (!float.IsNaN(sentiment))
            {
                b.SetSentiment(sentiment);
            }

            if (rating > 0)
            {
                b.SetRating((byte)rating);
            }

            if (nps >= 0)
            {
                b.SetNps((sbyte)nps);
            }

            if (effort > 0)
            {
                b.SetEffort((byte)effort);
            }

            b.SetStatus(status);
            if (emotion >= 0)
            {
                b.SetEmotion(emotion);
            }

            if (NonEmpty(Segment))
            {
                b.SetSegment(b.Segments.Intern(_buffers[Segment], _starts[Segment], _lengths[Segment]));
            }

            for (var k = 0; k < _attributeCount; k++)
            {
                b.SetAttribute(_attributeKeys[k], b.AttributeValues.Intern(_attributeBuffers[k], _attributeStarts[k], _attributeLengths[k]));
            }

            return true;
        }
    }

    /// <summary>The text of a slot, shortened, for messages only.</summary>
    public string Text(int slot)
    {
        if (!Has(slot))
        {
            return string.Empty;
        }

        var length = Math.Min(_lengths[slot], 100);
        var text = Encoding.UTF8.GetString(_buffers[slot], _starts[slot], length);
        return length < _lengths[slot] ? text + "…" : text;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NonEmpty(int slot) => _lengths[slot] > 0;

    /// <summary>Whether an id slot holds something other than white space: the rule <see cref="JourneyEvent"/> enforces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NotBlank(int slot) => _lengths[slot] > 0 && !IsBlank(_buffers[slot], _starts[slot], _lengths[slot]);

    /// <summary>Whether UTF-8 text is empty or only white space, as <see cref="Guard.IsBlank"/> judges it.</summary>
    /// <remarks>
    /// Decided inline when the first byte is printable ASCII (no ASCII above the space is white space for
    /// <see cref="char.IsWhiteSpace(char)"/>), as for nearly every id: three ids of every row are checked.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsBlank(byte[] buffer, int start, int length)
    {
        if (length > 0)
        {
            var first = buffer[start];
            if (first > (byte)' ' && first < 0x7F)
            {
                return false;
            }
        }

        return IsBlankScan(buffer, start, length);
    }

    /// <summary><see cref="IsBlank"/> byte by byte.</summary>
    /// <remarks>Decodes only text with no ASCII character other than white space (rare); allocates nothing once the scratch is large enough.</remarks>
    private bool IsBlankScan(byte[] buffer, int start, int length)
    {
        var ascii = true;
        for (var i = start; i < start + length; i++)
        {
            var c = buffer[i];
            if (c >= 0x80)
            {
                ascii = false;
            }
            else if (!char.IsWhiteSpace((char)c))
            {
                return false;
            }
        }

        if (ascii)
        {
            return true;
        }

        var max = Encoding.UTF8.GetMaxCharCount(length);
        if (_chars.Length < max)
        {
            _chars = new char[Math.Max(max, _chars.Length * 2)];
        }

        var n = Encoding.UTF8.GetChars(buffer, start, length, _chars, 0);
        for (var i = 0; i < n; i++)
        {
            if (!char.IsWhiteSpace(_chars[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool TryTimestamp(long line, out long utcTicks, out short offsetMinutes)
    {
        utcTicks = 0;
        offsetMinutes = 0;
        var r = Utf8Parse.ParseTimestamp(_buffers[Timestamp], _starts[Timestamp], _lengths[Timestamp], out var localTicks, out var offset);
        switch (r)
        {
            case TimestampParse.Ok:
                utcTicks = localTicks - (offset * TimeSpan.TicksPerMinute);
                offsetMinutes = (short)offset;
                return true;
            case TimestampParse.NoOffset when _zone is null:
                _builder.Reject(RejectionReason.TimestampWithoutOffset, $"'{Text(Timestamp)}' has no UTC offset and no time zone is assumed", line, _names[Timestamp]);
                return false;
            case TimestampParse.NoOffset:
                if (_zone!.TryConvert(localTicks, out utcTicks, out offsetMinutes))
                {
                    return true;
                }

                _builder.Reject(RejectionReason.InvalidTimestamp, $"'{Text(Timestamp)}' does not exist in the assumed time zone (skipped by a clock change)", line, _names[Timestamp]);
                return false;
            default:
                _builder.Reject(RejectionReason.InvalidTimestamp, $"'{Text(Timestamp)}' is not an ISO 8601 timestamp", line, _names[Timestamp]);
                return false;
        }
    }

    // The common case, a column absent or empty, decided inline: three score columns are checked on every row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInteger(int slot, int min, int max, long line, out int value)
    {
        value = -1;
        return !NonEmpty(slot) || TryParseInteger(slot, min, max, line, out value);
    }

    private bool TryParseInteger(int slot, int min, int max, long line, out int value)
    {
        value = -1;
        var r = Utf8Parse.ParseDouble(_buffers[slot], _starts[slot], _lengths[slot], out var d);
        if (r == NumberParse.Invalid || (r == NumberParse.Ok && d != Math.Floor(d)))
        {
            _builder.Reject(RejectionReason.InvalidValue, $"'{Text(slot)}' is not an integer", line, _names[slot]);
            return false;
        }

        if (r == NumberParse.NotFinite || d < min || d > max)
        {
            _builder.Reject(RejectionReason.OutOfRange, string.Format(CultureInfo.InvariantCulture, "{0} is outside {1}–{2}", Text(slot), min, max), line, _names[slot]);
            return false;
        }

        value = (int)d;
        return true;
    }

    private bool TryStatus(out EventStatus status)
    {
        var buffer = _buffers[Status];
        var start = _starts[Status];
        var length = _lengths[Status];
        Utf8Parse.Trim(buffer, ref start, ref length);
        if (Is(buffer, start, length, "completed"))
        {
            status = EventStatus.Completed;
            return true;
        }

        if (Is(buffer, start, length, "failed"))
        {
            status = EventStatus.Failed;
            return true;
        }

        if (Is(buffer, start, length, "abandoned"))
        {
            status = EventStatus.Abandoned;
            return true;
        }

        status = EventStatus.Completed;
        return false;
    }

    private static bool Is(byte[] buffer, int start, int length, string lowerAscii)
    {
        if (length != lowerAscii.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            var c = buffer[start + i];
            if (c >= (byte)'A' && c <= (byte)'Z')
            {
                c += 32;
            }

            if (c != lowerAscii[i])
            {
                return false;
            }
        }

        return true;
    }
}
