using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Threading;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// What customers did, as columns: interned customers and touchpoints, timestamps as ticks, scores as primitives.
/// Never an object per event, so ten million events fit in a few hundred megabytes.
/// </summary>
/// <remarks>
/// <para>Events are kept in input order; the analyzer orders each journey by time (ties keep input order).</para>
/// <para>Per event: 16 bytes (customer, touchpoint, instant) plus only the columns the log has: UTC offset 2, sentiment 4,
/// rating 1, effort 1, NPS 1, status 1, emotion 2, segment 4, and 4 per kept attribute; distinct strings are stored once.
/// Once analyzed, the log also keeps its events grouped by customer, 4 bytes per event and 4 per customer, so that analyzing
/// it again allocates nothing per event.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class EventLog
{
    private static readonly ReadOnlyDictionary<string, string> s_noAttributes = new(new Dictionary<string, string>());

    private Analysis.GroupedEvents? _groupedByCustomer;

    internal EventLog(
        string? sourceName,
        int count,
        int[] customer,
        int[] activity,
        long[] utcTicks,
        short[]? offsetMinutes,
        float[]? sentiment,
        byte[]? rating,
        sbyte[]? nps,
        byte[]? status,
        ushort[]? emotion,
        int[]? segment,
        byte[]? effort,
        string[] customerNames,
        string[] stageNames,
        string[] channelNames,
        int[] activityStage,
        int[] activityChannel,
        string[] emotionNames,
        string[] segmentNames,
        string[] attributeNames,
        int[]?[] attributeColumns,
        string[] attributeValues,
        RejectionReport rejections)
    {
        SourceName = sourceName;
        Count = count;
        Customer = customer;
        Activity = activity;
        UtcTicks = utcTicks;
        OffsetMinutes = offsetMinutes;
        Sentiment = sentiment;
        Rating = rating;
        Nps = nps;
        Status = status;
        Emotion = emotion;
        Segment = segment;
        Effort = effort;
        CustomerNames = customerNames;
        StageNames = stageNames;
        ChannelNames = channelNames;
        ActivityStage = activityStage;
        ActivityChannel = activityChannel;
        EmotionNames = emotionNames;
        SegmentNames = segmentNames;
        AttributeNameArray = attributeNames;
        AttributeColumns = attributeColumns;
        AttributeValues = attributeValues;
        Rejections = rejections;
        AttributeNames = new ReadOnlyCollection<string>(attributeNames);
        Stages = new ReadOnlyCollection<string>(stageNames);
        Channels = new ReadOnlyCollection<string>(channelNames);
    }

    /// <summary>The file or stream the log was read from; null when built in code.</summary>
    public string? SourceName { get; }

    /// <summary>The number of events.</summary>
    public int Count { get; }

    /// <summary>The number of distinct customers (journeys).</summary>
    public int CustomerCount => CustomerNames.Length;

    /// <summary>The distinct stage ids, in first-seen order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>The distinct channel ids, in first-seen order.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>The names of the attributes kept, in first-seen order.</summary>
    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>What the reader did not take, by reason. Empty for a log read in strict mode or built from objects.</summary>
    public RejectionReport Rejections { get; }

    // Columns, indexed by event (length may exceed Count: readers grow them and do not trim ten million rows).
    internal int[] Customer { get; }

    internal int[] Activity { get; }

    internal long[] UtcTicks { get; }

    /// <summary>UTC offset in minutes; null when every event is in UTC.</summary>
    internal short[]? OffsetMinutes { get; }

    /// <summary>NaN when none; null when no event has one.</summary>
    internal float[]? Sentiment { get; }

    /// <summary>0 when none; null when no event has one.</summary>
    internal byte[]? Rating { get; }

    /// <summary>-1 when none; null when no event has one.</summary>
    internal sbyte[]? Nps { get; }

    /// <summary>Customer-effort answer 1–7, 0 when none; null when no event has one.</summary>
    internal byte[]? Effort { get; }

    /// <summary>An <see cref="EventStatus"/>; null when every event is completed.</summary>
    internal byte[]? Status { get; }

    /// <summary>Emotion id + 1, 0 when none; null when no event has one.</summary>
    internal ushort[]? Emotion { get; }

    /// <summary>Segment id, -1 when none; null when no event has one.</summary>
    internal int[]? Segment { get; }

    // Dictionaries of distinct values.
    internal string[] CustomerNames { get; }

    internal string[] StageNames { get; }

    internal string[] ChannelNames { get; }

    /// <summary>Stage id of each activity (touchpoint) id.</summary>
    internal int[] ActivityStage { get; }

    /// <summary>Channel id of each activity (touchpoint) id.</summary>
    internal int[] ActivityChannel { get; }

    internal string[] EmotionNames { get; }

    internal string[] SegmentNames { get; }

    internal string[] AttributeNameArray { get; }

    /// <summary>Per attribute: value id of each event, -1 when absent; a column is null when no event has the attribute.</summary>
    internal int[]?[] AttributeColumns { get; }

    internal string[] AttributeValues { get; }

    /// <summary>
    /// The events grouped by customer, as the analysis made them the first time it needed them, or null before then. The log
    /// being immutable, the index never goes stale, and keeping it spares every later analysis of the same log (a diagnosis
    /// after the paths, per-segment analyses, a notebook cell run again) 4 bytes per event of fresh memory and the pass that
    /// fills them.
    /// </summary>
    internal Analysis.GroupedEvents? GroupedByCustomer => Volatile.Read(ref _groupedByCustomer);

    /// <summary>
    /// Keeps <paramref name="index"/> as <see cref="GroupedByCustomer"/> unless another thread kept one first, and returns
    /// the one kept: two first analyses running at once may both make an index, and both then use the same.
    /// </summary>
    internal Analysis.GroupedEvents KeepGroupedByCustomer(Analysis.GroupedEvents index) => Interlocked.CompareExchange(ref _groupedByCustomer, index, null) ?? index;

    /// <summary>Builds a log from event objects, checking them against the options (map, limits).</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="options">Options; null for the defaults (strict, no map).</param>
    /// <returns>A new log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null, or contains null.</exception>
    /// <exception cref="EventLogException">In strict mode, an event does not fit the map; the line is the 1-based position in the sequence.</exception>
    public static EventLog FromEvents(IEnumerable<JourneyEvent> events, EventLogOptions? options = null)
    {
        Guard.NotNull(events);
        var builder = new EventLogBuilder(options, sourceName: null);
        long position = 0;
        foreach (var e in events)
        {
            position++;
            if (e is null)
            {
                throw new ArgumentNullException(nameof(events), $"Event {position} is null.");
            }

            builder.Add(e, position);
        }

        return builder.Build();
    }

    /// <summary>The event at a position, as an object.</summary>
    /// <param name="index">0-based position in input order.</param>
    /// <returns>A new object: use for inspection, not in loops over large logs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    public JourneyEvent GetEvent(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Must be within [0, {Count}).");
        }

        var activity = Activity[index];
        var offset = TimeSpan.FromMinutes(OffsetMinutes?[index] ?? 0);
        var timestamp = new DateTimeOffset(UtcTicks[index] + offset.Ticks, offset);
        // Sentiment is stored as a float; reading back its shortest decimal form returns 0.3 for 0.3, not 0.30000001192.
        var sentiment = Sentiment is { } s && !float.IsNaN(s[index])
            ? (double?)double.Parse(s[index].ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null;
        var rating = Rating is { } r && r[index] != 0 ? (int?)r[index] : null;
        var nps = Nps is { } n && n[index] >= 0 ? (int?)n[index] : null;
        var effort = Effort is { } f && f[index] != 0 ? (int?)f[index] : null;
        var emotion = Emotion is { } em && em[index] != 0 ? EmotionNames[em[index] - 1] : null;
        var segment = Segment is { } sg && sg[index] >= 0 ? SegmentNames[sg[index]] : null;
        IReadOnlyDictionary<string, string> attributes = s_noAttributes;
        if (AttributeColumns.Length > 0)
        {
            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < AttributeColumns.Length; k++)
            {
                if (AttributeColumns[k] is { } column && column[index] >= 0)
                {
                    dict[AttributeNameArray[k]] = AttributeValues[column[index]];
                }
            }

            attributes = dict;
        }

        return new JourneyEvent(
            CustomerNames[Customer[index]],
            timestamp,
            StageNames[ActivityStage[activity]],
            ChannelNames[ActivityChannel[activity]],
            sentiment,
            rating,
            emotion,
            nps,
            (EventStatus)(Status?[index] ?? 0),
            segment,
            attributes,
            effort);
    }

    /// <summary>The events as objects, in input order.</summary>
    /// <returns>A lazy sequence that allocates one object per event: for export and inspection, not for analysis.</returns>
    public IEnumerable<JourneyEvent> ToEvents()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return GetEvent(i);
        }
    }

    /// <summary>The activity name of a touchpoint id: <c>stage@channel</c>, or the bare stage on the default channel.</summary>
    internal string ActivityName(int activity, string defaultChannel)
    {
        var channel = ChannelNames[ActivityChannel[activity]];
        var stage = StageNames[ActivityStage[activity]];
        return string.Equals(channel, defaultChannel, StringComparison.Ordinal) ? stage : stage + "@" + channel;
    }

    /// <summary>Returns the size of the log.</summary>
    public override string ToString() => $"{SourceName ?? "event log"}: {Count} events, {CustomerCount} customers";
}
