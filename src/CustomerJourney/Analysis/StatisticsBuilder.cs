using System;
using System.Collections.Generic;
using CustomerJourney.Events;

namespace CustomerJourney.Analysis;

/// <summary>
/// Adds up statistics by name: the analyzer's per-partition accumulators and <see cref="JourneyStatistics.Merge(JourneyStatistics, JourneyStatistics)"/>
/// both go through it, so the two paths cannot disagree. Every figure is an exact sum (sketches included).
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class StatisticsBuilder
{
    private readonly long[] _rejections = new long[RejectionReport.ReasonCount];
    private readonly Dictionary<string, long> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _ends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, SketchBuilder>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _variantNameIds = new(StringComparer.Ordinal);
    private readonly List<string> _variantNames = new();
    private VariantPartitions? _variants; // paths as sequences of ids into _variantNames
    private readonly List<VariantPartitions> _pendingVariants = new(); // with _variants' ids and partitions, combined by Build
    private int[] _pathScratch = new int[16];
    private bool _built;
    private readonly Dictionary<string[], long> _switches = new(PathComparer.Instance); // [stage, from, to]
    private readonly Dictionary<string[], long[]> _channelTransitions = new(PathComparer.Instance); // [stage, from, to] → count, lost
    private readonly long[] _reach;
    private readonly Dictionary<string, SketchBuilder> _byStage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TouchpointBuilder> _touchpoints = new(StringComparer.Ordinal);
    private readonly long[] _nps = new long[11];
    private readonly Dictionary<string, SegmentBuilder> _segments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknownEmotions = new(StringComparer.Ordinal);
    private TransitionCounts _transitions;

    public StatisticsBuilder(StatisticsContext context)
    {
        Context = context;
        _reach = new long[context.Stages.Length];
        TimeToConvert = new SketchBuilder(context.RelativeAccuracy);
        Between = new SketchBuilder(context.RelativeAccuracy);
    }

    public StatisticsContext Context { get; }

    public long Events { get; set; }

    public long Journeys { get; set; }

    public long OutcomeJourneys { get; set; }

    public SketchBuilder TimeToConvert { get; }

    public SketchBuilder Between { get; }

    public void AddRejections(RejectionReport report)
    {
        for (var i = 0; i < _rejections.Length; i++)
        {
            _rejections[i] = checked(_rejections[i] + report.Count((RejectionReason)i));
        }
    }

    public void AddRejections(RejectionReason reason, long count) => _rejections[(int)reason] = checked(_rejections[(int)reason] + count);

    public void AddActivity(string name, long events, long starts, long ends)
    {
        Increment(_activities, name, events);
        Increment(_starts, name, starts);
        Increment(_ends, name, ends);
    }

    public SketchBuilder Edge(string from, string to)
    {
        if (!_edges.TryGetValue(from, out var row))
        {
            row = new Dictionary<string, SketchBuilder>(StringComparer.Ordinal);
            _edges.Add(from, row);
        }

        if (!row.TryGetValue(to, out var sketch))
        {
            sketch = new SketchBuilder(Context.RelativeAccuracy);
            row.Add(to, sketch);
        }

        return sketch;
    }

    public void AddVariant(string[] path, long count)
    {
        var ids = Scratch(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            ids[i] = VariantNameId(path[i]);
        }

        (_variants ??= new VariantPartitions(1)).Add(ids, 0, path.Length, count);
    }

    /// <summary>
    /// Adds a worker's variants, whose ids index <paramref name="names"/>. The first added is taken over rather than copied
    /// when its names are distinct, and later ones with the same names and partitions are combined with it by
    /// <see cref="Build"/>, partition by partition in parallel: the caller must not use them afterwards.
    /// </summary>
    public void AddVariants(VariantPartitions variants, string[] names)
    {
        if (_variants is null && _variantNames.Count == 0 && AreDistinct(names))
        {
            foreach (var name in names)
            {
                VariantNameId(name);
            }

            _variants = variants;
            return;
        }

        var map = new int[names.Length];
        var identity = true;
        for (var i = 0; i < names.Length; i++)
        {
            map[i] = VariantNameId(names[i]);
            identity &= map[i] == i;
        }

        if (identity && _variants is not null && _variants.Parts.Length == variants.Parts.Length)
        {
            _pendingVariants.Add(variants); // same ids, same hashes, same partitions
            return;
        }

        var into = _variants ??= new VariantPartitions(1);
        foreach (var table in variants.Parts)
        {
            var buffer = table.Buffer;
            for (var v = 0; v < table.Count; v++)
            {
                var offset = table.Offset(v);
                var length = table.Length(v);
                var path = Scratch(length);
                for (var i = 0; i < length; i++)
                {
                    path[i] = map[buffer[offset + i]];
                }

                into.Add(path, 0, length, table.CountOf(v));
            }
        }
    }

    /// <summary>Adds the variants of finished statistics.</summary>
    public void AddVariants(VariantSet set)
    {
        var map = new int[set.Names.Length];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = VariantNameId(set.Names[i]);
        }

        var into = _variants ??= new VariantPartitions(1);
        var steps = 0;
        for (var p = 0; p < set.Count; p++)
        {
            steps = checked(steps + set.LengthAt(p));
        }

        into.ReserveMore(set.Count, steps);

        for (var p = 0; p < set.Count; p++)
        {
            var buffer = set.PathAt(p, out var offset, out var length);
            var path = Scratch(length);
            for (var i = 0; i < length; i++)
            {
                path[i] = map[buffer[offset + i]];
            }

            into.Add(path, 0, length, set.CountAt(p));
        }
    }

    private int[] Scratch(int length)
    {
        if (_pathScratch.Length < length)
        {
            _pathScratch = new int[Math.Max(length, _pathScratch.Length * 2)];
        }

        return _pathScratch;
    }

    public void AddTransitions(TransitionCounts counts) => _transitions += counts;

    public void AddSwitch(string stage, string from, string to, long count)
    {
        if (count == 0)
        {
            return;
        }

        var key = new[] { stage, from, to };
        _switches.TryGetValue(key, out var n);
        _switches[key] = checked(n + count);
    }

    public void AddChannelTransition(string stage, string from, string to, long count, long lostContext)
    {
        if (count == 0 && lostContext == 0)
        {
            return;
        }

        var key = new[] { stage, from, to };
        if (!_channelTransitions.TryGetValue(key, out var cell))
        {
            cell = new long[2];
            _channelTransitions.Add(key, cell);
        }

        cell[0] = checked(cell[0] + count);
        cell[1] = checked(cell[1] + lostContext);
    }

    public void AddReach(int stageRank, long journeys) => _reach[stageRank] = checked(_reach[stageRank] + journeys);

    public SketchBuilder ByStage(string stage)
    {
        if (!_byStage.TryGetValue(stage, out var sketch))
        {
            sketch = new SketchBuilder(Context.RelativeAccuracy);
            _byStage.Add(stage, sketch);
        }

        return sketch;
    }

    public TouchpointBuilder Touchpoint(string activity, string stage, string channel)
    {
        if (!_touchpoints.TryGetValue(activity, out var t))
        {
            t = new TouchpointBuilder(stage, channel);
            _touchpoints.Add(activity, t);
        }

        return t;
    }

    public void AddNps(long[] histogram) => AddInto(_nps, histogram, 0);

    public void AddSegment(string segment, long journeys, long[] nps, int npsOffset, long[] ratings, int ratingsOffset, long[] efforts, int effortsOffset)
    {
        if (!_segments.TryGetValue(segment, out var s))
        {
            s = new SegmentBuilder();
            _segments.Add(segment, s);
        }

        s.Journeys = checked(s.Journeys + journeys);
        AddInto(s.Nps, nps, npsOffset);
        AddInto(s.Ratings, ratings, ratingsOffset);
        AddInto(s.Efforts, efforts, effortsOffset);
    }

    public void AddUnknownEmotion(string label, long count) => Increment(_unknownEmotions, label, count);

    /// <summary>Adds finished statistics; they must have been computed against the same context.</summary>
    public void Add(JourneyStatistics s)
    {
        if (Context.DifferenceWith(s.Context) is { } difference)
        {
            throw new ArgumentException("Statistics computed against different maps or options cannot be merged: " + difference + ".", nameof(s));
        }

        Events = checked(Events + s.Events);
        Journeys = checked(Journeys + s.Journeys);
        OutcomeJourneys = checked(OutcomeJourneys + s.OutcomeJourneys);
        foreach (var r in s.Rejections)
        {
            AddRejections(r.Key, r.Value);
        }

        foreach (var a in s.Activities)
        {
            Increment(_activities, a.Key, a.Value);
        }

        foreach (var a in s.StartActivities)
        {
            Increment(_starts, a.Key, a.Value);
        }

        foreach (var a in s.EndActivities)
        {
            Increment(_ends, a.Key, a.Value);
        }

        foreach (var e in s.DirectlyFollows)
        {
            Edge(e.From, e.To).Add(e.Durations);
        }

        AddVariants(s.VariantSet);

        _transitions += s.Transitions;
        foreach (var w in s.ChannelSwitches)
        {
            AddSwitch(w.Stage, w.FromChannel, w.ToChannel, w.Count);
        }

        foreach (var m in s.ChannelTransitions)
        {
            AddChannelTransition(m.Stage, m.FromChannel, m.ToChannel, m.Count, m.LostContext);
        }

        for (var k = 0; k < _reach.Length; k++)
        {
            AddReach(k, s.Funnel[k].Journeys);
        }

        TimeToConvert.Add(s.TimeToConvert);
        Between.Add(s.DurationBetweenEvents);
        foreach (var d in s.DurationsByStage)
        {
            ByStage(d.Key).Add(d.Value);
        }

        foreach (var t in s.Touchpoints)
        {
            Touchpoint(t.Activity, t.Stage, t.Channel).Add(t);
        }

        AddNps(s.Nps.RawCounts);
        foreach (var g in s.Segments)
        {
            AddSegment(g.Segment, g.Journeys, g.Nps.RawCounts, 0, g.RawRatings, 0, g.RawEfforts, 0);
        }

        foreach (var u in s.UnknownEmotions)
        {
            AddUnknownEmotion(u.Key, u.Value);
        }
    }

    /// <summary>Makes the statistics, once; <paramref name="parallelism"/> threads at most merge and sort the variants.</summary>
    public JourneyStatistics Build(int parallelism = 1)
    {
        var rejections = new List<KeyValuePair<RejectionReason, long>>();
        for (var i = 0; i < _rejections.Length; i++)
        {
            rejections.Add(new KeyValuePair<RejectionReason, long>((RejectionReason)i, _rejections[i]));
        }

        var edges = new List<DirectlyFollowsEdge>();
        foreach (var row in _edges)
        {
            foreach (var cell in row.Value)
            {
                edges.Add(new DirectlyFollowsEdge(row.Key, cell.Key, cell.Value.Build()));
            }
        }

        if (_built)
        {
            throw new InvalidOperationException("A statistics builder builds once."); // its variant table is frozen by the first build
        }

        _built = true;
        var variants = VariantSet.Empty;
        if (_variants is not null)
        {
            var sets = new List<VariantPartitions> { _variants };
            sets.AddRange(_pendingVariants);
            if (sets.Count > 1)
            {
                VariantPartitions.Combine(sets, parallelism);
            }

            variants = VariantSet.From(sets, _variantNames, parallelism);
        }

        var switches = new List<ChannelSwitch>(_switches.Count);
        foreach (var w in _switches)
        {
            switches.Add(new ChannelSwitch(w.Key[0], w.Key[1], w.Key[2], w.Value));
        }

        var moves = new List<ChannelTransition>(_channelTransitions.Count);
        foreach (var m in _channelTransitions)
        {
            moves.Add(new ChannelTransition(m.Key[0], m.Key[1], m.Key[2], m.Value[0], m.Value[1]));
        }

        var byStage = new List<KeyValuePair<string, DurationSketch>>(_byStage.Count);
        foreach (var d in _byStage)
        {
            byStage.Add(new KeyValuePair<string, DurationSketch>(d.Key, d.Value.Build()));
        }

        var touchpoints = new List<TouchpointStatistics>(_touchpoints.Count);
        foreach (var t in _touchpoints)
        {
            touchpoints.Add(t.Value.Build(t.Key));
        }

        var segments = new List<SegmentStatistics>(_segments.Count);
        foreach (var g in _segments)
        {
            segments.Add(new SegmentStatistics(
                g.Key, g.Value.Journeys, new NpsHistogram((long[])g.Value.Nps.Clone()), (long[])g.Value.Ratings.Clone(), (long[])g.Value.Efforts.Clone()));
        }

        return new JourneyStatistics(
            Context, Events, Journeys, OutcomeJourneys, rejections,
            NonZero(_activities), NonZero(_starts), NonZero(_ends),
            edges, variants, _transitions, switches, moves, (long[])_reach.Clone(),
            TimeToConvert.Build(), Between.Build(), byStage, touchpoints,
            new NpsHistogram((long[])_nps.Clone()), segments, NonZero(_unknownEmotions));
    }

    private int VariantNameId(string name)
    {
        if (!_variantNameIds.TryGetValue(name, out var id))
        {
            id = _variantNames.Count;
            _variantNameIds.Add(name, id);
            _variantNames.Add(name);
        }

        return id;
    }

    private static bool AreDistinct(string[] names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                return false;
            }
        }

        return true;
    }

    private static List<KeyValuePair<string, long>> NonZero(Dictionary<string, long> counts)
    {
        var list = new List<KeyValuePair<string, long>>(counts.Count);
        foreach (var p in counts)
        {
            if (p.Value != 0)
            {
                list.Add(p);
            }
        }

        return list;
    }

    private static void Increment(Dictionary<string, long> counts, string key, long by)
    {
        if (by == 0)
        {
            return;
        }

        counts.TryGetValue(key, out var n);
        counts[key] = checked(n + by);
    }

    internal static void AddInto(long[] into, long[] from, int offset)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = checked(into[i] + from[offset + i]);
        }
    }

    /// <summary>The figures of one touchpoint being added up.</summary>
    internal sealed class TouchpointBuilder
    {
        public TouchpointBuilder(string stage, string channel)
        {
            Stage = stage;
            Channel = channel;
        }

        public string Stage { get; }

        public string Channel { get; }

        public long Events { get; set; }

        public long Positive { get; set; }

        public long Neutral { get; set; }

        public long Negative { get; set; }

        public long SumMicros { get; set; }

        public long[] Nps { get; } = new long[11];

        /// <summary>[class × 2 + reached]: class 0 good, 1 neutral, 2 bad, 3 unrated.</summary>
        public long[] Experience { get; } = new long[8];

        public long Attempts { get; set; }

        public long ForcedCompletions { get; set; }

        /// <summary>[rating − 1] for ratings 1 to 5.</summary>
        public long[] Ratings { get; } = new long[5];

        /// <summary>[answer − 1] for effort answers 1 to 7.</summary>
        public long[] Efforts { get; } = new long[7];

        public void Add(TouchpointStatistics t)
        {
            Events = checked(Events + t.Events);
            Positive = checked(Positive + t.Sentiment.Positive);
            Neutral = checked(Neutral + t.Sentiment.Neutral);
            Negative = checked(Negative + t.Sentiment.Negative);
            SumMicros = checked(SumMicros + t.Sentiment.SumMicros);
            AddInto(Nps, t.Nps.RawCounts, 0);
            AddCell(0, t.Experience.Good);
            AddCell(1, t.Experience.Neutral);
            AddCell(2, t.Experience.Bad);
            AddCell(3, t.Experience.Unrated);
            Attempts = checked(Attempts + t.Attempts);
            ForcedCompletions = checked(ForcedCompletions + t.ForcedCompletions);
            AddInto(Ratings, t.RawRatings, 0);
            AddInto(Efforts, t.RawEfforts, 0);
        }

        public TouchpointStatistics Build(string activity) =>
            new(activity, Stage, Channel, Events, new SentimentSummary(Positive, Neutral, Negative, SumMicros), new NpsHistogram((long[])Nps.Clone()),
                new ExperienceOutcomeTable(Cell(0), Cell(1), Cell(2), Cell(3)), Attempts, ForcedCompletions, (long[])Ratings.Clone(), (long[])Efforts.Clone());

        private void AddCell(int cls, OutcomeCounts counts)
        {
            Experience[cls * 2] = checked(Experience[cls * 2] + counts.Journeys - counts.ReachedOutcome);
            Experience[(cls * 2) + 1] = checked(Experience[(cls * 2) + 1] + counts.ReachedOutcome);
        }

        private OutcomeCounts Cell(int cls) => new(checked(Experience[cls * 2] + Experience[(cls * 2) + 1]), Experience[(cls * 2) + 1]);
    }

    private sealed class SegmentBuilder
    {
        public long Journeys { get; set; }

        public long[] Nps { get; } = new long[11];

        public long[] Ratings { get; } = new long[5];

        public long[] Efforts { get; } = new long[7];
    }
}
