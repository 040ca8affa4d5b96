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
    /// <summary>Stage and channel ids below this have their touchpoint in <see cref="_activityGrid"/>.</summary>
    private const int GridSide = 32;

    private readonly RejectionReportBuilder _rejections;
    private readonly Dictionary<long, int> _activityIndex = new();

    // Touchpoint id + 1 by stage and channel while both ids are below GridSide (0 = not looked up yet): every row looks its
    // touchpoint up, and most logs have a handful of stages and channels, so an array read replaces a dictionary probe.
    private readonly int[] _activityGrid = new int[GridSide * GridSide];
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

    // Columns of a part builder's previous part, kept for its next part (see Reset): reused when the capacity still fits.
    private short[]? _spareOffset;
    private float[]? _spareSentiment;
    private byte[]? _spareRating;
    private byte[]? _spareEffort;
    private sbyte[]? _spareNps;
    private byte[]? _spareStatus;
    private ushort[]? _spareEmotion;
    private int[]? _spareSegment;
    private readonly List<int[]?> _spareAttributeColumns = new();

    // Scratch id maps for Append, kept between parts.
    private int[] _customerMap = Array.Empty<int>();
    private int[] _stageMap = Array.Empty<int>();
    private int[] _channelMap = Array.Empty<int>();
    private int[] _activityMap = Array.Empty<int>();
    private int[] _emotionMap = Array.Empty<int>();
    private int[] _segmentMap = Array.Empty<int>();
    private int[] _valueMap = Array.Empty<int>();
    private int[] _keyMap = Array.Empty<int>();
    private bool[] _keyWritten = Array.Empty<bool>();

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
    public bool IsKnownStage(int stage) => Options.Map is not { } map || Known(ref _stageKnown, stage, Stages, map, stage: true);

    /// <summary>Whether a channel id is acceptable: always without a map, else when the map has it.</summary>
    public bool IsKnownChannel(int channel) => Options.Map is not { } map || Known(ref _channelKnown, channel, Channels, map, stage: false);

    /// <summary>
    /// The touchpoint (activity) id of a stage and channel; -1 when it is new and the log already has
    /// <see cref="EventLogOptions.MaxDistinctTouchpoints"/>: the caller rejects the row.
    /// </summary>
    public int InternActivity(int stage, int channel)
    {
        var cell = (uint)stage < GridSide && (uint)channel < GridSide ? (stage * GridSide) + channel : -1;
        if (cell >= 0 && _activityGrid[cell] > 0)
        {
            return _activityGrid[cell] - 1;
        }

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

        if (cell >= 0)
        {
            _activityGrid[cell] = id + 1;
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
            (_offset ??= NewColumn(ref _spareOffset, (short)0))[i] = offsetMinutes;
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

    public void SetSentiment(float value) => (_sentiment ??= NewColumn(ref _spareSentiment, float.NaN))[Count - 1] = value;

    public void SetRating(byte value) => (_rating ??= NewColumn(ref _spareRating, (byte)0))[Count - 1] = value;

    public void SetEffort(byte value) => (_effort ??= NewColumn(ref _spareEffort, (byte)0))[Count - 1] = value;

    public void SetNps(sbyte value) => (_nps ??= NewColumn(ref _spareNps, (sbyte)-1))[Count - 1] = value;

    public void SetStatus(EventStatus value)
    {
        if (value != EventStatus.Completed)
        {
            (_status ??= NewColumn(ref _spareStatus, (byte)0))[Count - 1] = (byte)value;
        }
    }

    /// <summary>Sets the emotion of the last event; false when there are more distinct emotions than the column holds.</summary>
    public bool SetEmotion(int emotionId)
    {
        if (emotionId >= ushort.MaxValue)
        {
            return false;
        }

        (_emotion ??= NewColumn(ref _spareEmotion, (ushort)0))[Count - 1] = (ushort)(emotionId + 1);
        return true;
    }

    public void SetSegment(int segmentId) => (_segment ??= NewColumn(ref _spareSegment, -1))[Count - 1] = segmentId;

    public void SetAttribute(int keyId, int valueId) => AttributeColumn(keyId)[Count - 1] = valueId;

    private int[] AttributeColumn(int keyId)
    {
        while (_attributeColumns.Count <= keyId)
        {
            _attributeColumns.Add(null);
        }

        if (_attributeColumns[keyId] is { } column)
        {
            return column;
        }

        var spare = keyId < _spareAttributeColumns.Count ? _spareAttributeColumns[keyId] : null;
        column = NewColumn(ref spare, -1);
        if (keyId < _spareAttributeColumns.Count)
        {
            _spareAttributeColumns[keyId] = spare;
        }

        _attributeColumns[keyId] = column;
        return column;
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

    /// <summary>
    /// A builder for one part of the same input, read on another thread: same options and source, the attribute keys met
    /// so far (a CSV header's are all of them), its own strings. <see cref="Append"/> adds it back in input order.
    /// </summary>
    public EventLogBuilder CreatePart(int capacity)
    {
        var part = new EventLogBuilder(Options, SourceName, capacity);
        for (var k = 0; k < AttributeKeys.Count; k++)
        {
            part.AttributeKeys.Intern(AttributeKeys[k]);
        }

        return part;
    }

    /// <summary>
    /// Empties a part builder for the next part, keeping its arrays and tables: its optional columns become spares, so a
    /// column the next part never sets is not in it (and does not appear in the log because an earlier part had it).
    /// </summary>
    public void Reset()
    {
        Count = 0;
        Customers.Clear();
        Stages.Clear();
        Channels.Clear();
        Emotions.Clear();
        Segments.Clear();
        AttributeValues.Clear();
        _activityIndex.Clear();
        Array.Clear(_activityGrid, 0, _activityGrid.Length);
        _activityStage.Clear();
        _activityChannel.Clear();
        Array.Clear(_stageKnown, 0, _stageKnown.Length);
        Array.Clear(_channelKnown, 0, _channelKnown.Length);
        _rejections.Clear();
        Spare(ref _offset, ref _spareOffset);
        Spare(ref _sentiment, ref _spareSentiment);
        Spare(ref _rating, ref _spareRating);
        Spare(ref _effort, ref _spareEffort);
        Spare(ref _nps, ref _spareNps);
        Spare(ref _status, ref _spareStatus);
        Spare(ref _emotion, ref _spareEmotion);
        Spare(ref _segment, ref _spareSegment);
        for (var k = 0; k < _attributeColumns.Count; k++)
        {
            while (_spareAttributeColumns.Count <= k)
            {
                _spareAttributeColumns.Add(null);
            }

            if (_attributeColumns[k] is { } column)
            {
                _spareAttributeColumns[k] = column;
                _attributeColumns[k] = null;
            }
        }
    }

    /// <summary>
    /// Whether appending <paramref name="part"/> would pass a limit that only the whole log can judge (distinct touchpoints
    /// or emotions): then the part must be read again on the whole log's builder, row by row, so that exactly the rows
    /// a single reader would refuse are refused.
    /// </summary>
    public bool WouldExceedLimits(EventLogBuilder part)
    {
        if (Emotions.Count + part.Emotions.Count >= ushort.MaxValue)
        {
            return true;
        }

        var added = 0;
        for (var a = 0; a < part._activityStage.Count; a++)
        {
            var stage = Stages.Find(part.Stages[part._activityStage[a]]);
            var channel = Channels.Find(part.Channels[part._activityChannel[a]]);
            if (stage < 0 || channel < 0 || !_activityIndex.ContainsKey(((long)stage << 32) | (uint)channel))
            {
                added++;
            }
        }

        return _activityStage.Count + added > Options.MaxDistinctTouchpoints;
    }

    /// <summary>
    /// Appends the events and rejections of a part read from the input that follows what this builder holds, its lines
    /// shifted by <paramref name="lineOffset"/>. Interning the part's strings in its own first-seen order gives every id
    /// exactly the value one reader of the whole input would have given it. The caller checks
    /// <see cref="WouldExceedLimits"/> first.
    /// </summary>
    public void Append(EventLogBuilder part, long lineOffset)
    {
        var n = part.Count;
        var at = Count;
        if ((long)at + n > int.MaxValue - 64)
        {
            throw new EventLogException(RejectionReason.LimitExceeded, "the log has more events than an array can hold", SourceName);
        }

        if (at + n > _capacity)
        {
            Resize((int)Math.Min(int.MaxValue - 64, Math.Max((long)at + n, (long)_capacity * 2)));
        }

        // Every pool, even one no kept row uses: one reader interns a row's stage, channel and emotion before the row may
        // still be refused (an unknown channel, a touchpoint too many), and the log lists those strings too.
        var customers = Map(part.Customers, Customers, ref _customerMap);
        var stages = Map(part.Stages, Stages, ref _stageMap);
        var channels = Map(part.Channels, Channels, ref _channelMap);
        var emotions = Map(part.Emotions, Emotions, ref _emotionMap);
        var segments = Map(part.Segments, Segments, ref _segmentMap);
        var keys = Map(part.AttributeKeys, AttributeKeys, ref _keyMap);
        var values = Map(part.AttributeValues, AttributeValues, ref _valueMap);
        var activities = Grow(ref _activityMap, part._activityStage.Count);
        for (var a = 0; a < part._activityStage.Count; a++)
        {
            activities[a] = InternActivity(stages[part._activityStage[a]], channels[part._activityChannel[a]]);
        }

        var partCustomer = part._customer;
        var partActivity = part._activity;
        for (var i = 0; i < n; i++)
        {
            _customer[at + i] = customers[partCustomer[i]];
            _activity[at + i] = activities[partActivity[i]];
        }

        Array.Copy(part._ticks, 0, _ticks, at, n);
        AppendColumn(part._offset, ref _offset, ref _spareOffset, (short)0, at, n);
        AppendColumn(part._sentiment, ref _sentiment, ref _spareSentiment, float.NaN, at, n);
        AppendColumn(part._rating, ref _rating, ref _spareRating, (byte)0, at, n);
        AppendColumn(part._effort, ref _effort, ref _spareEffort, (byte)0, at, n);
        AppendColumn(part._nps, ref _nps, ref _spareNps, (sbyte)-1, at, n);
        AppendColumn(part._status, ref _status, ref _spareStatus, (byte)0, at, n);
        if (part._emotion is { } emotion)
        {
            var column = _emotion ??= NewColumn(ref _spareEmotion, (ushort)0);
            for (var i = 0; i < n; i++)
            {
                var e = emotion[i];
                column[at + i] = e == 0 ? (ushort)0 : (ushort)(emotions[e - 1] + 1);
            }
        }
        else
        {
            Fill(_emotion, (ushort)0, at, n);
        }

        if (part._segment is { } segment)
        {
            RemapIds(segment, _segment ??= NewColumn(ref _spareSegment, -1), segments, at, n);
        }
        else
        {
            Fill(_segment, -1, at, n);
        }

        // Attribute keys are mapped too: a CSV header gives every part the same, but JSON Lines meets them line by line.
        var written = _keyWritten.Length >= AttributeKeys.Count ? _keyWritten : _keyWritten = new bool[Math.Max(AttributeKeys.Count, _keyWritten.Length * 2)];
        Array.Clear(written, 0, written.Length);
        for (var k = 0; k < part._attributeColumns.Count; k++)
        {
            if (part._attributeColumns[k] is { } source)
            {
                RemapIds(source, AttributeColumn(keys[k]), values, at, n);
                written[keys[k]] = true;
            }
        }

        for (var k = 0; k < _attributeColumns.Count; k++)
        {
            if (!written[k])
            {
                Fill(_attributeColumns[k], -1, at, n);
            }
        }

        Count = at + n;
        _rejections.AddFrom(part._rejections, lineOffset);
    }

    private static int[] Map(StringPool from, StringPool to, ref int[] map)
    {
        var result = Grow(ref map, from.Count);
        for (var i = 0; i < from.Count; i++)
        {
            result[i] = to.Intern(from, i);
        }

        return result;
    }

    private static int[] Grow(ref int[] array, int length)
    {
        if (array.Length < length)
        {
            array = new int[Math.Max(length, array.Length * 2)];
        }

        return array;
    }

    /// <summary>Copies ids of a part (-1 = none) through an id map.</summary>
    private static void RemapIds(int[] source, int[] target, int[] map, int at, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var v = source[i];
            target[at + i] = v < 0 ? -1 : map[v];
        }
    }

    private void AppendColumn<T>(T[]? source, ref T[]? target, ref T[]? spare, T none, int at, int n)
    {
        if (source is not null)
        {
            Array.Copy(source, 0, target ??= NewColumn(ref spare, none), at, n);
        }
        else
        {
            Fill(target, none, at, n);
        }
    }

    private static void Fill<T>(T[]? column, T none, int at, int n)
    {
        if (column is null)
        {
            return;
        }

        for (var i = at; i < at + n; i++)
        {
            column[i] = none;
        }
    }

    private static void Spare<T>(ref T[]? column, ref T[]? spare)
    {
        if (column is not null)
        {
            spare = column;
            column = null;
        }
    }

    private void DropSpares()
    {
        _spareOffset = null;
        _spareSentiment = null;
        _spareRating = null;
        _spareEffort = null;
        _spareNps = null;
        _spareStatus = null;
        _spareEmotion = null;
        _spareSegment = null;
        _spareAttributeColumns.Clear();
    }

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

    /// <summary>
    /// Whether the map has a stage (or channel) id's name, looked up once per id. No delegate: a lambda over the map is a
    /// new object at every call, which was 128 bytes per row read with a map.
    /// </summary>
    private static bool Known(ref sbyte[] cache, int id, StringPool pool, JourneyMap map, bool stage)
    {
        if (id >= cache.Length)
        {
            Array.Resize(ref cache, Math.Max(cache.Length * 2, id + 1));
        }

        if (cache[id] == 0)
        {
            var index = stage ? map.StageIndexOrMinusOne(pool[id]) : map.ChannelIndexOrMinusOne(pool[id]);
            cache[id] = index >= 0 ? (sbyte)1 : (sbyte)-1;
        }

        return cache[id] > 0;
    }

    /// <summary>An optional column holding <paramref name="none"/> for the events so far: the spare when its size fits, else a new array.</summary>
    private T[] NewColumn<T>(ref T[]? spare, T none)
    {
        T[] column;
        if (spare is not null && spare.Length == _capacity)
        {
            column = spare;
            spare = null;
        }
        else
        {
            column = new T[_capacity];
        }

        for (var i = 0; i < Count; i++)
        {
            column[i] = none;
        }

        return column;
    }

    /// <summary>The bytes from a stream's position to its end, or -1 when it cannot tell: what a reader sizes its columns from.</summary>
    public static long RemainingBytes(System.IO.Stream stream)
    {
        if (!stream.CanSeek)
        {
            return -1;
        }

        try
        {
            return stream.Length - stream.Position;
        }
        catch (NotSupportedException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Sizes the columns, once the first <paramref name="consumedBytes"/> of an input of <paramref name="inputBytes"/> gave
    /// the events so far, for the whole input with 5% to spare: one allocation instead of doublings. Does nothing when either
    /// size is unknown.
    /// </summary>
    public void EnsureCapacityFor(long inputBytes, long consumedBytes)
    {
        if (inputBytes > 0 && consumedBytes > 0 && Count > 0)
        {
            var estimate = ((double)inputBytes / consumedBytes * Count * 1.05) + 1024;
            EnsureCapacity((int)Math.Min(estimate, int.MaxValue - 1024));
        }
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
        DropSpares();
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
