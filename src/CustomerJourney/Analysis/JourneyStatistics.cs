using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// What the journeys of a log add up to: activity counts, start and end activities, the directly-follows graph with
/// durations, path variants, stage transitions and channel switches, the stage funnel, durations, sentiment, NPS and the
/// experience × outcome tables the diagnostics rest on.
/// </summary>
/// <remarks>
/// <para>
/// Keyed by names (activity <c>stage@channel</c>, or the bare stage on the default channel; stage and channel ids), never by
/// a log's internal ids, so statistics of different logs or partitions merge: <see cref="Merge(JourneyStatistics, JourneyStatistics)"/>
/// is associative and commutative, and analyzing a log split by customer then merging equals analyzing it whole. Every
/// collection is sorted: names ordinally, the funnel in map order, variants by count descending then path, so that two
/// equal statistics enumerate, and serialize, identically.
/// </para>
/// <para>Value equality over every figure. Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class JourneyStatistics : IEquatable<JourneyStatistics>
{
    private readonly SortedMap<RejectionReason, long> _rejections;
    private readonly SortedMap<string, long> _activities;
    private readonly SortedMap<string, long> _startActivities;
    private readonly SortedMap<string, long> _endActivities;
    private readonly SortedMap<string, DurationSketch> _durationsByStage;
    private readonly SortedMap<string, long> _unknownEmotions;
    private readonly DirectlyFollowsEdge[] _edges;
    private readonly VariantSet _variants;
    private readonly ChannelSwitch[] _switches;
    private readonly ChannelTransition[] _moves;
    private readonly FunnelStep[] _funnel;
    private readonly TouchpointStatistics[] _touchpoints;
    private readonly SegmentStatistics[] _segments;

    internal JourneyStatistics(
        StatisticsContext context,
        long events,
        long journeys,
        long outcomeJourneys,
        IEnumerable<KeyValuePair<RejectionReason, long>> rejections,
        IEnumerable<KeyValuePair<string, long>> activities,
        IEnumerable<KeyValuePair<string, long>> startActivities,
        IEnumerable<KeyValuePair<string, long>> endActivities,
        List<DirectlyFollowsEdge> edges,
        VariantSet variants,
        TransitionCounts transitions,
        List<ChannelSwitch> switches,
        List<ChannelTransition> moves,
        long[] stageReach,
        DurationSketch timeToConvert,
        DurationSketch betweenEvents,
        IEnumerable<KeyValuePair<string, DurationSketch>> durationsByStage,
        List<TouchpointStatistics> touchpoints,
        NpsHistogram nps,
        List<SegmentStatistics> segments,
        IEnumerable<KeyValuePair<string, long>> unknownEmotions)
    {
        Context = context;
        Events = events;
        Journeys = journeys;
        OutcomeJourneys = outcomeJourneys;
        _rejections = new SortedMap<RejectionReason, long>(NonZero(rejections), Comparer<RejectionReason>.Default);
        _activities = new SortedMap<string, long>(activities, StringComparer.Ordinal);
        _startActivities = new SortedMap<string, long>(startActivities, StringComparer.Ordinal);
        _endActivities = new SortedMap<string, long>(endActivities, StringComparer.Ordinal);
        edges.Sort(static (a, b) => Compare2(a.From, a.To, b.From, b.To));
        _edges = edges.ToArray();
        _variants = variants; // already in order: count descending, then path
        Transitions = transitions;
        switches.Sort(static (a, b) =>
        {
            var c = Compare2(a.Stage, a.FromChannel, b.Stage, b.FromChannel);
            return c != 0 ? c : string.CompareOrdinal(a.ToChannel, b.ToChannel);
        });
        _switches = switches.ToArray();
        moves.Sort(static (a, b) =>
        {
            var c = Compare2(a.Stage, a.FromChannel, b.Stage, b.FromChannel);
            return c != 0 ? c : string.CompareOrdinal(a.ToChannel, b.ToChannel);
        });
        _moves = moves.ToArray();
        ChannelTransitions = new ReadOnlyCollection<ChannelTransition>(_moves);
        _funnel = new FunnelStep[context.Stages.Length];
        for (var k = 0; k < _funnel.Length; k++)
        {
            _funnel[k] = new FunnelStep(context.Stages[k], stageReach[k], k == 0 ? journeys : stageReach[k - 1]);
        }

        TimeToConvert = timeToConvert;
        DurationBetweenEvents = betweenEvents;
        _durationsByStage = new SortedMap<string, DurationSketch>(durationsByStage, StringComparer.Ordinal);
        touchpoints.Sort(static (a, b) => string.CompareOrdinal(a.Activity, b.Activity));
        _touchpoints = touchpoints.ToArray();
        Nps = nps;
        segments.Sort(static (a, b) => string.CompareOrdinal(a.Segment, b.Segment));
        _segments = segments.ToArray();
        _unknownEmotions = new SortedMap<string, long>(unknownEmotions, StringComparer.Ordinal);
        Stages = new ReadOnlyCollection<string>(context.Stages);
        Channels = new ReadOnlyCollection<string>(context.Channels);
        DirectlyFollows = new ReadOnlyCollection<DirectlyFollowsEdge>(_edges);
        Variants = new ReadOnlyCollection<PathVariant>(new VariantList(variants));
        ChannelSwitches = new ReadOnlyCollection<ChannelSwitch>(_switches);
        Funnel = new ReadOnlyCollection<FunnelStep>(_funnel);
        Touchpoints = new ReadOnlyCollection<TouchpointStatistics>(_touchpoints);
        Segments = new ReadOnlyCollection<SegmentStatistics>(_segments);
    }

    /// <summary>The map's stage ids, in journey order: the order of <see cref="Funnel"/> and of stage ranks.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>The map's channel ids, in declaration order.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>The map's conversion stage; null only for the statistics of an empty log analyzed without a map.</summary>
    public string? ConversionStage => Context.ConversionStage;

    /// <summary>The outcome of the experience × outcome tables and of <see cref="OutcomeJourneys"/>.</summary>
    public JourneyOutcome Outcome => Context.Outcome;

    /// <summary>The channel whose activities are named by the bare stage.</summary>
    public string DefaultChannel => Context.DefaultChannel;

    /// <summary>The effective sentiment at or above which an event is positive.</summary>
    public double PositiveThreshold => Context.PositiveThreshold;

    /// <summary>The effective sentiment at or below which an event is negative.</summary>
    public double NegativeThreshold => Context.NegativeThreshold;

    /// <summary>The relative accuracy of every <see cref="DurationSketch"/> here.</summary>
    public double SketchRelativeAccuracy => Context.RelativeAccuracy;

    /// <summary>The events analyzed (after the analyzer's own drops).</summary>
    public long Events { get; }

    /// <summary>The journeys analyzed: customers with at least one event analyzed.</summary>
    public long Journeys { get; }

    /// <summary>
    /// Inputs not taken, by reason: the log's own rejections plus the analyzer's (events whose stage or channel the map
    /// lacks, duplicates, events of journeys over the limit). Only reasons with a count; in enum order.
    /// </summary>
    public IReadOnlyDictionary<RejectionReason, long> Rejections => _rejections;

    /// <summary>Events per activity (touchpoint), by activity name.</summary>
    public IReadOnlyDictionary<string, long> Activities => _activities;

    /// <summary>Journeys per first activity.</summary>
    public IReadOnlyDictionary<string, long> StartActivities => _startActivities;

    /// <summary>Journeys per last activity.</summary>
    public IReadOnlyDictionary<string, long> EndActivities => _endActivities;

    /// <summary>The directly-follows graph: adjacent pairs of activities within a journey, sorted by (from, to). Counts sum to events − journeys.</summary>
    public IReadOnlyList<DirectlyFollowsEdge> DirectlyFollows { get; }

    /// <summary>Every path variant, exactly counted: most frequent first, ties by path (ordinal). Counts sum to <see cref="Journeys"/>.</summary>
    public IReadOnlyList<PathVariant> Variants { get; }

    /// <summary>Stage moves between consecutive events, by kind (forward, skip, repeat, back), by the map's stage ranks.</summary>
    public TransitionCounts Transitions { get; }

    /// <summary>
    /// Channel switches between consecutive events: the non-zero cells of a channel × channel matrix per stage, the stage
    /// being that of the event switched to. Sorted by (stage, from, to).
    /// </summary>
    public IReadOnlyList<ChannelSwitch> ChannelSwitches { get; }

    /// <summary>
    /// Moves between consecutive events by (stage left, channel left, channel reached), stays on a channel included, with how
    /// many lost the customer's context (see <see cref="ChannelTransition"/>). Sorted by (stage, from, to); counts sum to
    /// events − journeys.
    /// </summary>
    public IReadOnlyList<ChannelTransition> ChannelTransitions { get; }

    /// <summary>Journeys reaching each stage, in map order; never increases from one stage to the next.</summary>
    public IReadOnlyList<FunnelStep> Funnel { get; }

    /// <summary>Journeys that reached the <see cref="Outcome"/>.</summary>
    public long OutcomeJourneys { get; }

    /// <summary>
    /// For converted journeys: the time from the journey's first event to its first completed event at or beyond the
    /// conversion stage.
    /// </summary>
    public DurationSketch TimeToConvert { get; }

    /// <summary>The time between consecutive events of a journey, over all journeys.</summary>
    public DurationSketch DurationBetweenEvents { get; }

    /// <summary>Per stage: the time from an event at that stage to the next event of its journey. Stages with no such pair are absent.</summary>
    public IReadOnlyDictionary<string, DurationSketch> DurationsByStage => _durationsByStage;

    /// <summary>Per touchpoint with events: counts, sentiment, NPS and the experience × outcome table; sorted by activity name.</summary>
    public IReadOnlyList<TouchpointStatistics> Touchpoints { get; }

    /// <summary>NPS by journey: each journey's last answer.</summary>
    public NpsHistogram Nps { get; }

    /// <summary>Journeys and NPS per segment, sorted by segment; journeys without a segment are in none.</summary>
    public IReadOnlyList<SegmentStatistics> Segments { get; }

    /// <summary>
    /// Emotion labels <see cref="EmotionLexicon"/> does not know, with the number of events whose sentiment they would have
    /// given (events without a sentiment or rating). Those events count as unrated rather than guessed.
    /// </summary>
    public IReadOnlyDictionary<string, long> UnknownEmotions => _unknownEmotions;

    internal StatisticsContext Context { get; }

    /// <summary>The variants, compactly, in the order of <see cref="Variants"/>.</summary>
    internal VariantSet VariantSet => _variants;

    /// <summary>Adds the statistics of two disjoint sets of journeys.</summary>
    /// <param name="a">Statistics.</param>
    /// <param name="b">Statistics computed against the same map and options.</param>
    /// <returns>New statistics; associative and commutative, with exact variant counts and exactly merged sketches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The statistics were computed against different maps (stages, channels, conversion stage) or options (outcome,
    /// thresholds, sketch accuracy, default channel): their figures do not add up.
    /// </exception>
    /// <remarks>
    /// Both sides must hold different customers: merging the same journeys twice counts them twice. To merge statistics of
    /// partitions analyzed without a map, infer the map once (<see cref="JourneyMapInference.Infer(EventLog)"/>) on the whole and pass it to
    /// every analysis: maps inferred separately may order stages differently.
    /// </remarks>
    public static JourneyStatistics Merge(JourneyStatistics a, JourneyStatistics b)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        var builder = new StatisticsBuilder(a.Context);
        builder.Add(a);
        builder.Add(b);
        return builder.Build();
    }

    /// <summary>Adds these statistics and another's (see <see cref="Merge(JourneyStatistics, JourneyStatistics)"/>).</summary>
    /// <param name="other">Statistics computed against the same map and options.</param>
    /// <returns>New statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The statistics were computed against different maps or options.</exception>
    public JourneyStatistics Merge(JourneyStatistics other) => Merge(this, other);

    /// <summary>The most frequent variants, and a count of what was left out.</summary>
    /// <param name="count">How many variants to keep, at least 0.</param>
    /// <returns>The first <paramref name="count"/> of <see cref="Variants"/>, with the number of other variants and of their journeys.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public VariantSelection TopVariants(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Must be zero or more.");
        }

        var kept = Math.Min(count, _variants.Count);
        var top = new PathVariant[kept];
        var otherJourneys = _variants.Journeys;
        for (var i = 0; i < kept; i++)
        {
            top[i] = Variants[i];
            otherJourneys -= top[i].Count;
        }

        return new VariantSelection(new ReadOnlyCollection<PathVariant>(top), _variants.Count - kept, otherJourneys);
    }

    /// <inheritdoc/>
    public bool Equals(JourneyStatistics? other)
    {
        if (other is null)
        {
            return false;
        }

        return ReferenceEquals(this, other) ||
            (Context.Equals(other.Context) && Events == other.Events && Journeys == other.Journeys && OutcomeJourneys == other.OutcomeJourneys
             && Transitions == other.Transitions
             && _rejections.Equals(other._rejections) && _activities.Equals(other._activities)
             && _startActivities.Equals(other._startActivities) && _endActivities.Equals(other._endActivities)
             && ArrayEquals(_edges, other._edges) && _variants.Equals(other._variants) && ArrayEquals(_switches, other._switches) && ArrayEquals(_moves, other._moves)
             && ArrayEquals(_funnel, other._funnel) && TimeToConvert.Equals(other.TimeToConvert)
             && DurationBetweenEvents.Equals(other.DurationBetweenEvents) && _durationsByStage.Equals(other._durationsByStage)
             && ArrayEquals(_touchpoints, other._touchpoints) && Nps.Equals(other.Nps) && ArrayEquals(_segments, other._segments)
             && _unknownEmotions.Equals(other._unknownEmotions));
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JourneyStatistics);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Hash.Combine(Events.GetHashCode(), Journeys.GetHashCode(), _variants.Count, Transitions.GetHashCode());

    /// <summary>Returns the size of what was analyzed.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Events} events, {Journeys} journeys, {_variants.Count} variants, {_edges.Length} directly-follows edges");

    private static int Compare2(string a1, string a2, string b1, string b2)
    {
        var c = string.CompareOrdinal(a1, b1);
        return c != 0 ? c : string.CompareOrdinal(a2, b2);
    }

    private static IEnumerable<KeyValuePair<RejectionReason, long>> NonZero(IEnumerable<KeyValuePair<RejectionReason, long>> pairs)
    {
        foreach (var p in pairs)
        {
            if (p.Value != 0)
            {
                yield return p;
            }
        }
    }

    private static bool ArrayEquals<T>(T[] a, T[] b)
        where T : class, IEquatable<T>
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
