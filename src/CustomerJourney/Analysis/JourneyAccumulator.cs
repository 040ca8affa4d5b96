using System;
using System.Runtime.CompilerServices;
using System.Threading;
using CustomerJourney.Events;

namespace CustomerJourney.Analysis;

/// <summary>
/// One worker's partial result over a contiguous range of grouped journeys, in the map's slot ids. Everything it needs is
/// allocated when it is created or grown a few times (scratch per journey reused, edges and variants interned): the loop
/// over events allocates nothing.
/// </summary>
/// <remarks>Not thread-safe: one per worker, then added to a <see cref="StatisticsBuilder"/>.</remarks>
internal sealed class JourneyAccumulator
{
    private const int CancellationInterval = 4096;
    private const int Completed = (int)EventStatus.Completed;

    private readonly AnalysisLayout _layout;
    private readonly EventLog _log;
    private readonly int _channels;
    private readonly int _slots;
    private readonly bool _dropDuplicates;
    private readonly double _positive;
    private readonly double _negative;
    private readonly double _lnGamma;

    private readonly long[] _activity;
    private readonly long[] _start;
    private readonly long[] _end;
    private readonly EdgeTable _edges;
    private readonly VariantPartitions _variants;
    private readonly long[] _switches; // [to rank][from channel][to channel]
    private readonly long[] _furthest; // [furthest completed rank + 1]
    private readonly SketchBuilder _timeToConvert;
    private readonly SketchBuilder _between;
    private readonly SketchBuilder?[] _byStage;
    private readonly long[] _sentiment; // [slot × 4]: positive, neutral, negative, sum in millionths
    private readonly long[] _npsBySlot; // [slot × 11 + answer]
    private readonly long[] _npsByJourney = new long[11];
    private readonly long[] _experience; // [slot × 8 + class × 2 + reached]
    private readonly long[] _attempts; // [slot]: failed or abandoned events
    private readonly long[] _ratings; // [slot × 5 + rating − 1]
    private readonly long[] _efforts; // [slot × 7 + answer − 1]
    private readonly long[] _journeyScores = new long[12]; // this journey's ratings [0, 5) and effort answers [5, 12)
    private readonly long[] _forced; // [slot]: visiting journeys that later completed the stage on another channel
    private readonly long[] _channelMoves; // [(from rank × channels + from channel) × channels + to channel] × 2: count, lost context
    private readonly long[] _segmentJourneys;
    private readonly long[] _segmentNps;
    private readonly long[] _segmentRatings; // [segment × 5 + rating − 1]
    private readonly long[] _segmentEfforts; // [segment × 7 + answer − 1]
    private readonly long[] _unknownEmotions;
    private readonly long[] _rejected = new long[RejectionReport.ReasonCount];
    private long _forward;
    private long _skip;
    private long _skipped;
    private long _repeat;
    private long _back;
    private long _events;
    private long _journeys;
    private long _outcomeJourneys;

    // Per-journey scratch, reused.
    private int[] _sequence = new int[64];
    private readonly int[] _stamp;
    private readonly double[] _journeySum;
    private readonly int[] _journeyRated;
    private readonly int[] _firstVisit;
    private readonly int[] _lastCompleted;
    private int[] _touched = new int[16];
    private int _journeyStamp;

    /// <summary>An accumulator whose variants are split into <paramref name="variantPartitions"/> partitions, merged and sorted in parallel afterwards.</summary>
    public JourneyAccumulator(AnalysisLayout layout, int variantPartitions)
    {
        _variants = new VariantPartitions(variantPartitions);
        _layout = layout;
        _log = layout.Log;
        _channels = layout.ChannelCount;
        _slots = layout.SlotCount;
        _dropDuplicates = layout.Options.Duplicates == DuplicatePolicy.Drop;
        _positive = layout.Options.PositiveThreshold;
        _negative = layout.Options.NegativeThreshold;
        var accuracy = layout.Context.RelativeAccuracy;
        _lnGamma = DurationSketch.LnGamma(accuracy);
        _activity = new long[_slots];
        _start = new long[_slots];
        _end = new long[_slots];
        _edges = new EdgeTable(accuracy, _slots);

        _switches = new long[checked(layout.StageCount * _channels * _channels)];
        _furthest = new long[layout.StageCount + 1];
        _timeToConvert = new SketchBuilder(accuracy);
        _between = new SketchBuilder(accuracy);
        _byStage = new SketchBuilder?[layout.StageCount];
        _sentiment = new long[checked(_slots * 4)];
        _npsBySlot = new long[checked(_slots * 11)];
        _experience = new long[checked(_slots * 8)];
        _segmentJourneys = new long[_log.SegmentNames.Length];
        _segmentNps = new long[checked(_log.SegmentNames.Length * 11)];
        _segmentRatings = new long[checked(_log.SegmentNames.Length * 5)];
        _segmentEfforts = new long[checked(_log.SegmentNames.Length * 7)];
        _unknownEmotions = new long[_log.EmotionNames.Length];
        _attempts = new long[_slots];
        _ratings = new long[checked(_slots * 5)];
        _efforts = new long[checked(_slots * 7)];
        _forced = new long[_slots];
        _channelMoves = new long[checked(layout.StageCount * _channels * _channels * 2)];
        _firstVisit = new int[_slots];
        _lastCompleted = new int[_slots];
        _stamp = new int[_slots];
        _journeySum = new double[_slots];
        _journeyRated = new int[_slots];
    }

    /// <summary>Sizes the variant tables' growth for about <paramref name="journeys"/> journeys in all, given before the first <see cref="Run"/>.</summary>
    public void Expect(int journeys) => _variants.Expect(journeys);

    /// <summary>Analyzes the journeys of customers [<paramref name="fromCustomer"/>, <paramref name="toCustomer"/>); may be called for several ranges.</summary>
    public void Run(int[] order, int[] start, int fromCustomer, int toCustomer, CancellationToken cancellationToken)
    {
        for (var c = fromCustomer; c < toCustomer; c++)
        {
            if ((c - fromCustomer) % CancellationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var length = start[c + 1] - start[c];
            if (length == 0)
            {
                continue;
            }

            if (length > _layout.Options.MaxEventsPerJourney)
            {
                if (_layout.Options.ErrorMode == ErrorMode.Strict)
                {
                    throw new EventLogException(RejectionReason.LimitExceeded,
                        $"customer '{_log.CustomerNames[c]}' has {length} events, more than the {_layout.Options.MaxEventsPerJourney} allowed per journey",
                        _log.SourceName, order[start[c]] + 1L, "customer");
                }

                _rejected[(int)RejectionReason.LimitExceeded] += length;
                continue;
            }

            Journey(order, start[c], length);
        }
    }

    /// <summary>Adds this partial result, translated to names, to a builder.</summary>
    public void AddTo(StatisticsBuilder builder)
    {
        var names = _layout.SlotName;
        var context = _layout.Context;
        builder.Events = checked(builder.Events + _events);
        builder.Journeys = checked(builder.Journeys + _journeys);
        builder.OutcomeJourneys = checked(builder.OutcomeJourneys + _outcomeJourneys);
        for (var r = 0; r < _rejected.Length; r++)
        {
            builder.AddRejections((RejectionReason)r, _rejected[r]);
        }

        for (var s = 0; s < _slots; s++)
        {
            if (_activity[s] == 0)
            {
                continue;
            }

            builder.AddActivity(names[s], _activity[s], _start[s], _end[s]);
            var t = builder.Touchpoint(names[s], context.Stages[s / _channels], context.Channels[s % _channels]);
            t.Events = checked(t.Events + _activity[s]);
            t.Positive = checked(t.Positive + _sentiment[s * 4]);
            t.Neutral = checked(t.Neutral + _sentiment[(s * 4) + 1]);
            t.Negative = checked(t.Negative + _sentiment[(s * 4) + 2]);
            t.SumMicros = checked(t.SumMicros + _sentiment[(s * 4) + 3]);
            StatisticsBuilder.AddInto(t.Nps, _npsBySlot, s * 11);
            StatisticsBuilder.AddInto(t.Experience, _experience, s * 8);
            StatisticsBuilder.AddInto(t.Ratings, _ratings, s * 5);
            StatisticsBuilder.AddInto(t.Efforts, _efforts, s * 7);
            t.Attempts = checked(t.Attempts + _attempts[s]);
            t.ForcedCompletions = checked(t.ForcedCompletions + _forced[s]);
        }

        _edges.ForEach((from, to, sketch) =>
        {
            builder.Edge(names[from], names[to]).Add(sketch);
            // Every transition is in exactly one edge: the sums of the edges are exactly the sketches of all transitions and
            // of the transitions leaving each stage (sketches add exactly, in any order).
            _between.Add(sketch);
            (_byStage[from / _channels] ??= new SketchBuilder(_between.RelativeAccuracy)).Add(sketch);
        });
        builder.AddVariants(_variants, names); // taken over by the builder: this accumulator is done
        builder.AddTransitions(new TransitionCounts(_forward, _skip, _skipped, _repeat, _back));
        for (var k = 0; k < context.Stages.Length; k++)
        {
            for (var f = 0; f < _channels; f++)
            {
                for (var t = 0; t < _channels; t++)
                {
                    builder.AddSwitch(context.Stages[k], context.Channels[f], context.Channels[t], _switches[(((k * _channels) + f) * _channels) + t]);
                    var cell = ((((k * _channels) + f) * _channels) + t) * 2;
                    builder.AddChannelTransition(context.Stages[k], context.Channels[f], context.Channels[t], _channelMoves[cell], _channelMoves[cell + 1]);
                }
            }
        }

        // Reaching stage k = furthest completed rank ≥ k: suffix sums of the furthest-rank histogram.
        long reach = 0;
        for (var k = context.Stages.Length - 1; k >= 0; k--)
        {
            reach += _furthest[k + 1];
            builder.AddReach(k, reach);
        }

        builder.TimeToConvert.Add(_timeToConvert);
        builder.Between.Add(_between);
        for (var k = 0; k < _byStage.Length; k++)
        {
            if (_byStage[k] is { } sketch)
            {
                builder.ByStage(context.Stages[k]).Add(sketch);
            }
        }

        builder.AddNps(_npsByJourney);
        for (var g = 0; g < _segmentJourneys.Length; g++)
        {
            if (_segmentJourneys[g] != 0)
            {
                builder.AddSegment(_log.SegmentNames[g], _segmentJourneys[g], _segmentNps, g * 11, _segmentRatings, g * 5, _segmentEfforts, g * 7);
            }
        }

        for (var e = 0; e < _unknownEmotions.Length; e++)
        {
            if (_unknownEmotions[e] != 0)
            {
                builder.AddUnknownEmotion(_log.EmotionNames[e], _unknownEmotions[e]);
            }
        }
    }

    /// <summary>One journey, already in time order (<see cref="JourneyOrdering.GroupByCustomer"/>): one pass over its events.</summary>
    private void Journey(int[] order, int from, int length)
    {
        if (_sequence.Length < length)
        {
            _sequence = new int[Math.Max(length, _sequence.Length * 2)];
        }

        var ticks = _log.UtcTicks;
        var activitySlot = _layout.ActivitySlot;
        var logActivity = _log.Activity;
        var status = _log.Status;
        var nps = _log.Nps;
        var ratings = _log.Rating;
        var efforts = _log.Effort;
        var segment = _log.Segment;
        var channels = _channels;
        var slotStage = _layout.SlotStage;
        var conversionRank = _layout.ConversionRank;
        var stamp = ++_journeyStamp;
        var touched = 0;
        var kept = 0;
        int prevSlot = -1, prevStatus = -1, prevRank = -1, prevChannel = -1;
        long prevTicks = 0, firstTicks = 0;
        var furthest = -1;
        var converted = false;
        var lastNps = -1;
        var journeySegment = -1;
        var maxRank = -1;
        var lastMove = -1;
        var lastMoveLost = false;
        var scored = false;
        for (var i = 0; i < length; i++)
        {
            var e = order[from + i];
            var t = ticks[e];
            var slot = activitySlot[logActivity[e]];
            var st = status is null ? Completed : status[e];
            if (kept > 0 && _dropDuplicates && t == prevTicks && slot == prevSlot && st == prevStatus)
            {
                _rejected[(int)RejectionReason.Duplicate]++;
                continue;
            }

            var rank = slotStage[slot]; // a lookup rather than a division per event
            var channel = slot - (rank * channels);
            _sequence[kept] = slot;
            _activity[slot]++;
            if (kept == 0)
            {
                _start[slot]++;
                firstTicks = t;
            }
            else
            {
                var dt = t - prevTicks;
                var bucket = dt == 0 ? 0 : DurationSketch.IndexOf(dt, _lnGamma); // once for the three sketches (same accuracy)
                _edges.Add(prevSlot, slot, dt, bucket); // the between-events and by-stage sketches are sums of these (AddTo)
                var step = rank - prevRank;
                if (step == 1)
                {
                    _forward++;
                }
                else if (step > 1)
                {
                    _skip++;
                    _skipped += step - 1;
                }
                else if (step == 0)
                {
                    _repeat++;
                }
                else
                {
                    _back++;
                }

                if (channel != prevChannel)
                {
                    _switches[(((rank * channels) + prevChannel) * channels) + channel]++;
                }

                // Keyed at the stage left; context is lost when the next event is at a stage already reached.
                lastMove = ((((prevRank * channels) + prevChannel) * channels) + channel) * 2;
                lastMoveLost = rank <= maxRank;
                _channelMoves[lastMove]++;
                if (lastMoveLost)
                {
                    _channelMoves[lastMove + 1]++;
                }
            }

            if (rank > maxRank)
            {
                maxRank = rank;
            }

            if (st != Completed)
            {
                _attempts[slot]++;
            }

            if (ratings is not null && ratings[e] is >= 1 and <= 5)
            {
                _ratings[(slot * 5) + ratings[e] - 1]++;
                _journeyScores[ratings[e] - 1]++;
                scored = true;
            }

            if (efforts is not null && efforts[e] is >= 1 and <= 7)
            {
                _efforts[(slot * 7) + efforts[e] - 1]++;
                _journeyScores[5 + efforts[e] - 1]++;
                scored = true;
            }

            if (_stamp[slot] != stamp)
            {
                _stamp[slot] = stamp;
                _journeySum[slot] = 0;
                _journeyRated[slot] = 0;
                _firstVisit[slot] = kept;
                _lastCompleted[slot] = -1;
                if (touched == _touched.Length)
                {
                    Array.Resize(ref _touched, touched * 2);
                }

                _touched[touched++] = slot;
            }

            if (st == Completed)
            {
                _lastCompleted[slot] = kept;
            }

            kept++;
            if (st == Completed)
            {
                if (rank > furthest)
                {
                    furthest = rank;
                }

                if (!converted && rank >= conversionRank)
                {
                    converted = true;
                    _timeToConvert.Add(t - firstTicks);
                }
            }

            var sentiment = EffectiveSentiment(e);

            if (!double.IsNaN(sentiment))
            {
                var at = slot * 4;
                _sentiment[at + Classify(sentiment)]++;
                _sentiment[at + 3] += (long)Math.Round(sentiment * 1e6, MidpointRounding.AwayFromZero);
                _journeySum[slot] += sentiment;
                _journeyRated[slot]++;
            }

            if (nps is not null && nps[e] >= 0)
            {
                _npsBySlot[(slot * 11) + nps[e]]++;
                lastNps = nps[e];
            }

            if (journeySegment < 0 && segment is not null && segment[e] >= 0)
            {
                journeySegment = segment[e];
            }

            prevSlot = slot;
            prevStatus = st;
            prevRank = rank;
            prevChannel = channel;
            prevTicks = t;
        }

        _end[prevSlot]++;
        _events += kept;
        _journeys++;
        _variants.Add(_sequence, 0, kept, 1);
        _furthest[furthest + 1]++;
        var reached = _layout.Options.Outcome.Kind switch
        {
            JourneyOutcomeKind.Promoter => lastNps >= 9,
            _ => furthest >= _layout.OutcomeRank,
        };
        var outcome = reached ? 1 : 0;
        _outcomeJourneys += outcome;
        if (lastNps >= 0)
        {
            _npsByJourney[lastNps]++;
        }

        if (journeySegment >= 0)
        {
            _segmentJourneys[journeySegment]++;
            if (lastNps >= 0)
            {
                _segmentNps[(journeySegment * 11) + lastNps]++;
            }

            if (scored)
            {
                for (var r = 0; r < 5; r++)
                {
                    _segmentRatings[(journeySegment * 5) + r] += _journeyScores[r];
                }

                for (var f = 0; f < 7; f++)
                {
                    _segmentEfforts[(journeySegment * 7) + f] += _journeyScores[5 + f];
                }
            }
        }

        if (scored)
        {
            Array.Clear(_journeyScores, 0, _journeyScores.Length);
        }

        if (!reached && lastMove >= 0 && !lastMoveLost)
        {
            _channelMoves[lastMove + 1]++; // the journey ended after this move without the outcome
        }

        for (var k = 0; k < touched; k++)
        {
            var slot = _touched[k];
            var cls = _journeyRated[slot] == 0 ? 3 : Classify(_journeySum[slot] / _journeyRated[slot]);
            _experience[(slot * 8) + (cls * 2) + outcome]++;
            if (CompletedElsewhereLater(slot, stamp))
            {
                _forced[slot]++;
            }
        }
    }

    /// <summary>Whether the journey, after its first visit to the slot, completed the same stage on another channel.</summary>
    private bool CompletedElsewhereLater(int slot, int stamp)
    {
        var first = _firstVisit[slot];
        var stageBase = slot - (slot % _channels);
        for (var other = stageBase; other < stageBase + _channels; other++)
        {
            if (other != slot && _stamp[other] == stamp && _lastCompleted[other] > first)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>0 positive, 1 neutral, 2 negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Classify(double sentiment) => sentiment >= _positive ? 0 : sentiment <= _negative ? 2 : 1;

    /// <summary>Sentiment if given, else rating → (r − 3) / 2, else the emotion label's; NaN when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double EffectiveSentiment(int e)
    {
        if (_log.Sentiment is { } sentiment && !float.IsNaN(sentiment[e]))
        {
            return sentiment[e];
        }

        if (_log.Rating is { } rating && rating[e] != 0)
        {
            return (rating[e] - 3) / 2.0;
        }

        if (_log.Emotion is { } emotion && emotion[e] != 0)
        {
            var id = emotion[e] - 1;
            var value = _layout.EmotionSentiment[id];
            if (double.IsNaN(value))
            {
                _unknownEmotions[id]++;
            }

            return value;
        }

        return double.NaN;
    }
}
