using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// Turns an event log into <see cref="JourneyStatistics"/>: the fast path of the library, from which the diagnostics and
/// every report are computed.
/// </summary>
/// <remarks>
/// <para>
/// How it runs: the log's activities are resolved against the map once; events are grouped by customer with a counting sort
/// (O(n)) and each journey is stably sorted by time (one scan when already sorted, insertion sort when nearly sorted, merge
/// sort otherwise), so equal timestamps keep input order as pm4py does, both on every thread allowed; then one pass over each
/// journey updates every figure.
/// Nothing is allocated per event in that pass: variants are interned as sequences of ids, per-journey scratch is reused.
/// </para>
/// <para>
/// Memory: the grouping index, 4 bytes per event and 4 per customer (plus 4 per customer and thread while it is made), is made
/// by the first analysis (or map inference) of a log and kept by the log for as long as it lives, so that analyzing the same log
/// again allocates nothing per event; only a map lacking some of the log's stages or channels needs an index of its own,
/// made per analysis. Besides: the variants (their steps, and a table sized by the variants met) and tables sized by
/// stages × channels.
/// </para>
/// <para>
/// Activities are named <c>stage@channel</c>, or the bare stage on <see cref="AnalyzerOptions.DefaultChannel"/>: with
/// <see cref="DuplicatePolicy.Keep"/>, start and end activities, the directly-follows graph and the variants are pm4py's.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class JourneyAnalyzer
{
    /// <summary>Chunks of journeys per thread: enough that the last one taken is short, few enough to cost nothing.</summary>
    private const int ChunksPerThread = 16;

    /// <summary>Analyzes the journeys of a log.</summary>
    /// <param name="log">The events.</param>
    /// <param name="map">
    /// The designed journey the events are read against: stage ranks, channels, conversion stage. Events whose stage or
    /// channel it lacks are left out and counted (<see cref="RejectionReason.UnknownStage"/>, <see cref="RejectionReason.UnknownChannel"/>).
    /// Null infers one from the log with <see cref="JourneyMapInference.Infer(EventLog)"/> (an empty log then gives empty statistics with no stage).
    /// </param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="cancellationToken">Checked before the work and every few thousand journeys.</param>
    /// <returns>The statistics, keyed by names so they merge with others computed against the same map and options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentException">The options' outcome names a stage the map does not have.</exception>
    /// <exception cref="EventLogException">
    /// In <see cref="ErrorMode.Strict"/> only: an event's stage or channel is not in the map, or a journey has more than
    /// <see cref="AnalyzerOptions.MaxEventsPerJourney"/> events. The line is the event's 1-based position in the log.
    /// In any mode: the map (given or inferred) has so many stages and channels that stages × channels × channels exceeds
    /// 4,194,304 (2^22) cells, which the analysis keeps for channel switches (<see cref="RejectionReason.LimitExceeded"/>,
    /// field <c>channel</c>): twenty channels allow 10,000 stages, a hundred channels 419.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static JourneyStatistics Analyze(EventLog log, JourneyMap? map = null, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(log);
        options ??= AnalyzerOptions.Default;
        cancellationToken.ThrowIfCancellationRequested();
        if (map is null && JourneyMapInference.HasEvents(log))
        {
            map = JourneyMapInference.Infer(log, options.MaxDegreeOfParallelism);
        }

        var layout = new AnalysisLayout(log, map, options);
        var builder = new StatisticsBuilder(layout.Context);
        builder.AddRejections(log.Rejections);
        int[] order, start;
        if (CountUnknown(layout, builder) == 0)
        {
            // Every event is kept: the index of all of them, which the log keeps for the next analysis.
            var grouped = GroupedEvents.Of(log, options.MaxDegreeOfParallelism);
            order = grouped.Order;
            start = grouped.Start;
        }
        else
        {
            // An index without the events the map lacks is this map's alone: made for this analysis, not kept.
            JourneyOrdering.GroupByCustomer(log, layout.ActivitySlot, options.MaxDegreeOfParallelism, out order, out start);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var customers = log.CustomerNames.Length;
        var parts = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, customers));
        // Several chunks per thread, each taken by the first thread free: a thread slowed by the machine takes fewer,
        // where fixed halves left the other idle for up to a quarter of the analysis (2 vCPUs). What a thread counts does
        // not depend on which journeys it got, so the result is the same.
        var chunks = parts == 1 ? 1 : (int)Math.Min(customers, (long)parts * ChunksPerThread);
        var bounds = JourneyOrdering.Partition(start, customers, chunks);
        var accumulators = new JourneyAccumulator[parts];
        var taken = -1;
        // Strict mode throws for the first journey over the limit, whichever thread meets one first: the error of the
        // earliest chunk that has one (chunks are taken in order, so every earlier one is done or under way by then).
        EventLogException? error = null;
        var errorChunk = int.MaxValue;
        var errorGate = new object();
        JourneyOrdering.ForEachPart(parts, p =>
        {
            var accumulator = new JourneyAccumulator(layout, parts);
            accumulator.Expect(customers / parts);
            for (var c = Interlocked.Increment(ref taken); c < chunks; c = Interlocked.Increment(ref taken))
            {
                try
                {
                    accumulator.Run(order, start, bounds[c], bounds[c + 1], cancellationToken);
                }
                catch (EventLogException ex)
                {
                    lock (errorGate)
                    {
                        if (c < errorChunk)
                        {
                            error = ex;
                            errorChunk = c;
                        }
                    }

                    Interlocked.Exchange(ref taken, chunks); // no later chunk is started
                    break;
                }
            }

            accumulators[p] = accumulator;
        }, cancellationToken);

        if (error is not null)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        foreach (var accumulator in accumulators)
        {
            accumulator.AddTo(builder);
        }

        return builder.Build(parts);
    }

    /// <summary>Counts (or, in strict mode, throws for) the events whose stage or channel the map lacks, and returns how many.</summary>
    private static long CountUnknown(AnalysisLayout layout, StatisticsBuilder builder)
    {
        var log = layout.Log;
        var slots = layout.ActivitySlot;
        long unknownStage = 0, unknownChannel = 0;
        var scanned = layout.EveryActivityKnown ? 0 : log.Count; // a map with every touchpoint leaves nothing to find
        for (var i = 0; i < scanned; i++)
        {
            var slot = slots[log.Activity[i]];
            if (slot >= 0)
            {
                continue;
            }

            if (layout.Options.ErrorMode == ErrorMode.Strict)
            {
                var a = log.Activity[i];
                throw slot == AnalysisLayout.UnknownStage
                    ? new EventLogException(RejectionReason.UnknownStage, $"unknown stage '{log.StageNames[log.ActivityStage[a]]}'", log.SourceName, i + 1L, "stage")
                    : new EventLogException(RejectionReason.UnknownChannel, $"unknown channel '{log.ChannelNames[log.ActivityChannel[a]]}'", log.SourceName, i + 1L, "channel");
            }

            if (slot == AnalysisLayout.UnknownStage)
            {
                unknownStage++;
            }
            else
            {
                unknownChannel++;
            }
        }

        builder.AddRejections(RejectionReason.UnknownStage, unknownStage);
        builder.AddRejections(RejectionReason.UnknownChannel, unknownChannel);
        return unknownStage + unknownChannel;
    }
}
