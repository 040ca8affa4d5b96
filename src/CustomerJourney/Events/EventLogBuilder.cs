using System;
using System.Collections.Generic;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// Accumulates events column by column for the readers: intern the strings, <see cref="Add(int, int, long, short)"/> the
/// event, then set its optional columns. Optional columns are allocated only when a first value appears.
/// </summary>
/// <remarks>Not thread-safe. Amortized zero allocation per event once the distinct strings have been seen.</remarks>
internal sealed class EventLogBuilder
{
    private readonly RejectionReportBuilder _rejections;
    private readonly Dictionary<long, int> _activityIndex = new();
    private readonly List<int> _activityStage = new();
    private readonly List<int> _activityChannel = new();
    private readonly List<int[]?> _attributeColumns = new();
    private sbyte[] _stageKnown = new sbyte[16]; // 0 = not checked yet, 1 = known, -1 = unknown
    private sbyte[] _channelKnown = new sbyte[16];
    private int _capacity;
    private int[] _customer;
    private int[] _activity;
    private long[] _ticks;
    private short[]? _offset;
    private float[]? _sentiment;
    private byte[]? _rating;
    private byte[]? _effort;
    private sbyte[]? _nps;
    private byte[]? _status;
    private ushort[]? _emotion;
    private int[]? _segment;

    public EventLogBuilder(EventLogOptions? options, string? sourceName, int capacity = 1024)
    {
        Options = options ?? EventLogOptions.Default;
        SourceName = sourceName;
        _rejections = new RejectionReportBuilder(Options.MaxExamplesPerReason);
        _capacity = Math.Max(capacity, 16);
        _customer = new int[_capacity];
        _activity = new int[_capacity];
        _ticks = new long[_capacity];
    }

    public EventLogOptions Options { get; }

    public string? SourceName { get; }

    /// <summary>Events added so far.</summary>
    public int Count { get; private set; }

    public StringPool Customers { get; } = new(1024);

    public StringPool Stages { get; } = new();

    public StringPool Channels { get; } = new();

    public StringPool Emotions { get; } = new();

    public StringPool Segments { get; } = new();

    public StringPool AttributeKeys { get; } = new();

    public StringPool AttributeValues { get; } = new(1024);

    /// <summary>
    /// Reports a bad input: throws <see cref="EventLogException"/> in strict mode, otherwise counts it.
    /// The caller skips the row when this returns.
    /// </summary>
    public void Reject(RejectionReason reason, string detail, long line, string? field)
    {
        if (Options.ErrorMode == ErrorMode.Strict)
        {
            throw new EventLogException(reason, detail, SourceName, line, field);
        }

        _rejections.Add(reason, detail, SourceName, line, field);
    }

    /// <summary>Whether a stage id is acceptable: always without a map, else when the map has it.</summary>
    public bool IsKnownStage(int stage) => Options.Map is null || Known(ref _stageKnown, stage, Stages, s => Options.Map.StageIndexOrMinusOne(s) >= 0);

    /// <summary>Whether a channel id is acceptable: always without a map, else when the map has it.</summary>
    public bool IsKnownChannel(int channel) => Options.Map is null || Known(ref _channelKnown, channel, Channels, c => Options.Map.ChannelIndexOrMinusOne(c) >= 0);

    /// <summary>
    /// The touchpoint (activity) id of a stage and channel; -1 when it is new and the log already has
    /// <see cref="EventLogOptions.MaxDistinctTouchpoints"/>: the caller rejects the row.
    /// </summary>
    public int InternActivity(int stage, int channel)
    {
        var key = ((long)stage << 32) | (uint)channel;
        if (!_activityIndex.TryGetValue(key, out var id))
        {
            if (_activityStage.Count >= Options.MaxDistinctTouchpoints)
            {
                return -1;
            }

            id = _activityStage.Count;
            _activityIndex.Add(key, id);
            _activityStage.Add(stage);
            _activityChannel.Add(channel);
        }

        return id;
    }

    /// <summary>Appends an event; its optional columns are then set with the Set methods.</summary>
    public void Add(int customer, int activity, long utcTicks, short offsetMinutes)
    {
        if (Count == _capacity)
        {
            Grow();
        }

        var i = Count;
        _customer[i] = customer;
        _activity[i] = activity;
        _ticks[i] = utcTicks;
        if (offsetMinutes != 0 || _offset is not null)
        {
            (_offset ??= new short[_capacity])[i] = offsetMinutes;
        }

        if (_rating is not null)
        {
            _rating[i] = 0;
        }

        if (_effort is not null)
        {
            _effort[i] = 0;
        }

        if (_status is not null)
        {
            _status[i] = 0;
        }

        if (_emotion is not null)
        {
            _emotion[i] = 0;
        }

        // Optional columns hold their "none" value for the new row until a Set call says otherwise.
        if (_sentiment is not null)
        {
            _sentiment[i] = float.NaN;
        }

        if (_nps is not null)
        {
            _nps[i] = -1;
        }

        if (_segment is not null)
        {
            _segment[i] = -1;
        }

        foreach (var column in _attributeColumns)
        {
            if (column is not null)
            {
                column[i] = -1;
            }
        }

        Count = i + 1;
    }

    public void SetSentiment(float value) => (_sentiment ??= NewColumn(float.NaN))[Count - 1] = value;

    public void SetRating(byte value) => (_rating ??= new byte[_capacity])[Count - 1] = value;

    public void SetEffort(byte value) => (_effort ??= new byte[_capacity])[Count - 1] = value;

    public void SetNps(sbyte value) => (_nps ??= NewColumn((sbyte)-1))[Count - 1] = value;

    public void SetStatus(EventStatus value)
    {
        if (value != EventStatus.Completed)
        {
            (_status ??= new byte[_capacity])[Count - 1] = (byte)value;
        }
    }

    /// <summary>Sets the emotion of the last event; false when there are more distinct emotions than the column holds.</summary>
    public bool SetEmotion(int emotionId)
    {
        if (emotionId >= ushort.MaxValue)
        {
            return false;
        }

        (_emotion ??= new ushort[_capacity])[Count - 1] = (ushort)(emotionId + 1);
        return true;
    }

    public void SetSegment(int segmentId) => (_segment ??= NewColumn(-1))[Count - 1] = segmentId;

    public void SetAttribute(int keyId, int valueId)
    {
        while (_attributeColumns.Count <= keyId)
        {
            _attributeColumns.Add(null);
        }

        var column = _attributeColumns[keyId] ??= NewColumn(-1);
        column[Count - 1] = valueId;
    }

    /// <summary>Adds an event object (used by <see cref="EventLog.FromEvents"/>); <paramref name="line"/> locates errors.</summary>
    public void Add(JourneyEvent e, long line)
    {
        var stage = Stages.Intern(e.StageId);
        if (!IsKnownStage(stage))
        {
            Reject(RejectionReason.UnknownStage, $"unknown stage '{e.StageId}'", line, "stage");
            return;
        }

        var channel = Channels.Intern(e.ChannelId);
        if (!IsKnownChannel(channel))
        {
            Reject(RejectionReason.UnknownChannel, $"unknown channel '{e.ChannelId}'", line, "channel");
            return;
        }

        var emotion = e.Emotion is { } em ? Emotions.Intern(em) : -1;
        if (emotion >= ushort.MaxValue)
        {
            Reject(RejectionReason.LimitExceeded, $"more than {ushort.MaxValue - 1} distinct emotions", line, "emotion");
            return;
        }

        var activity = InternActivity(stage, channel);
        if (activity < 0)
        {
            Reject(RejectionReason.LimitExceeded, TooManyTouchpoints(), line, "stage");
            return;
        }

        Add(Customers.Intern(e.CustomerId), activity, e.Timestamp.UtcTicks, checked((short)e.Timestamp.Offset.TotalMinutes));
        if (e.Sentiment is { } s)
        {
            SetSentiment((float)s);
        }

        if (e.Rating is { } r)
        {
            SetRating((byte)r);
        }

        if (e.Nps is { } n)
        {
            SetNps((sbyte)n);
        }

        if (e.Effort is { } f)
        {
            SetEffort((byte)f);
        }

        SetStatus(e.Status);
        if (emotion >= 0)
        {
            SetEmotion(emotion);
        }

        if (e.Segment is { } sg)
        {
            SetSegment(Segments.Intern(sg));
        }

        if (Options.KeepAttributes)
        {
            foreach (var pair in e.Attributes)
            {
                SetAttribute(AttributeKeys.Intern(pair.Key), AttributeValues.Intern(pair.Value));
            }
        }
    }

    /// <summary>The detail of a <see cref="RejectionReason.LimitExceeded"/> for one touchpoint too many.</summary>
    public string TooManyTouchpoints() =>
        $"a new touchpoint (stage × channel pair) beyond the {Options.MaxDistinctTouchpoints} distinct ones allowed (EventLogOptions.MaxDistinctTouchpoints)";

    /// <summary>Counts rejections found after reading (by the caller's own checks) without throwing.</summary>
    public void CountRejected(RejectionReason reason, long count) => _rejections.AddCount(reason, count);

    public EventLog Build()
    {
        var attributeColumns = new int[]?[AttributeKeys.Count];
        for (var k = 0; k < attributeColumns.Length && k < _attributeColumns.Count; k++)
        {
            attributeColumns[k] = _attributeColumns[k];
        }

        return new EventLog(
            SourceName,
            Count,
            _customer,
            _activity,
            _ticks,
            _offset,
            _sentiment,
            _rating,
            _nps,
            _status,
            _emotion,
            _segment,
            _effort,
            Customers.ToArray(),
            Stages.ToArray(),
            Channels.ToArray(),
            _activityStage.ToArray(),
            _activityChannel.ToArray(),
            Emotions.ToArray(),
            Segments.ToArray(),
            AttributeKeys.ToArray(),
            attributeColumns,
            AttributeValues.ToArray(),
            _rejections.Build());
    }

    private static bool Known(ref sbyte[] cache, int id, StringPool pool, Func<string, bool> lookup)
    {
        if (id >= cache.Length)
        {
            Array.Resize(ref cache, Math.Max(cache.Length * 2, id + 1));
        }

        if (cache[id] == 0)
        {
            cache[id] = lookup(pool[id]) ? (sbyte)1 : (sbyte)-1;
        }

        return cache[id] > 0;
    }

    private T[] NewColumn<T>(T none)
    {
        var column = new T[_capacity];
        for (var i = 0; i < Count; i++)
        {
            column[i] = none;
        }

        return column;
    }

    /// <summary>
    /// Grows the columns to hold <paramref name="capacity"/> events at once, when a reader can estimate the size of its
    /// input: one allocation instead of doublings that copy and leave their old arrays behind. Never shrinks.
    /// </summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _capacity)
        {
            Resize(capacity);
        }
    }

    private void Grow()
    {
        var capacity = _capacity <= int.MaxValue / 2 ? _capacity * 2 : int.MaxValue;
        if (capacity == _capacity)
        {
            throw new EventLogException(RejectionReason.LimitExceeded, "the log has more events than an array can hold", SourceName);
        }

        Resize(capacity);
    }

    private void Resize(int capacity)
    {

        Resize(ref _customer, capacity);
        Resize(ref _activity, capacity);
        Resize(ref _ticks, capacity);
        ResizeOptional(ref _offset, capacity);
        ResizeOptional(ref _sentiment, capacity);
        ResizeOptional(ref _rating, capacity);
        ResizeOptional(ref _effort, capacity);
        ResizeOptional(ref _nps, capacity);
        ResizeOptional(ref _status, capacity);
        ResizeOptional(ref _emotion, capacity);
        ResizeOptional(ref _segment, capacity);
        for (var k = 0; k < _attributeColumns.Count; k++)
        {
            var column = _attributeColumns[k];
            ResizeOptional(ref column, capacity);
            _attributeColumns[k] = column;
        }

        _capacity = capacity;
    }

    private static void Resize<T>(ref T[] array, int capacity) => Array.Resize(ref array, capacity);

    private static void ResizeOptional<T>(ref T[]? array, int capacity)
    {
        if (array is not null)
        {
            Array.Resize(ref array, capacity);
        }
    }
}
