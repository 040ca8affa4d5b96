using System;
using System.Collections.Generic;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// Builds a journey map from what customers did, for logs that come without one (a process-mining export, a first look):
/// the stages in the order customers go through them, the channels they use, a touchpoint wherever they went.
/// </summary>
/// <remarks>
/// <para>
/// Each distinct stage of the log's events becomes a stage (id and name the stage id, orders 1..n, phase acquisition, so
/// the conversion stage is the last), ordered by its median position: the 0-based index of its events within their
/// time-ordered journey (ties of time keep input order), the median over all its events (the mean of the two middle
/// positions for an even count); equal medians by ordinal id. Channels are the distinct channels of the events, the default
/// channel included when used, digital, sorted ordinally. Each observed stage × channel pair is a touchpoint, offered and
/// expected. No hand-offs, no personas.
/// </para>
/// <para>
/// The result depends only on each customer's events and their relative order, not on how customers interleave in the log.
/// O(n log n) time, O(n) memory. Stateless and thread-safe.
/// </para>
/// </remarks>
public static class JourneyMapInference
{
    /// <summary>The largest stage × position histogram used for the medians (64 MB of counts).</summary>
    private const int MaxHistogramCells = 1 << 24;

    /// <summary>The largest histogram copied for each thread (4 MB of counts); larger ones are counted on one thread.</summary>
    private const int MaxHistogramCellsPerWorker = 1 << 20;

    /// <summary>Infers a map from a log.</summary>
    /// <param name="log">The events; at least one.</param>
    /// <returns>A new, valid map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentException">The log has no event: there is no stage to infer.</exception>
    public static JourneyMap Infer(EventLog log) => Infer(log, 1);

    /// <summary>Infers a map from a log, grouping its events on up to <paramref name="parallelism"/> threads (the map is the same).</summary>
    internal static JourneyMap Infer(EventLog log, int parallelism)
    {
        Guard.NotNull(log);
        if (!HasEvents(log))
        {
            throw new ArgumentException("The log has no event: there is no stage to infer a journey map from.", nameof(log));
        }

        // Position of every event within its time-ordered journey, grouped by stage.
        var grouped = GroupedEvents.Of(log, parallelism); // kept by the log: the analysis that follows inference groups nothing again
        var order = grouped.Order;
        var start = grouped.Start;
        var stageCount = log.StageNames.Length;
        var channelCount = log.ChannelNames.Length;
        var customers = log.CustomerNames.Length;
        var maxLength = 0;
        for (var c = 0; c < customers; c++)
        {
            maxLength = Math.Max(maxLength, start[c + 1] - start[c]);
        }

        // Positions are small: a histogram per stage (stage × position) finds the same medians as sorting them, without
        // sorting millions of ints. Very long journeys over many stages fall back to sorting.
        var cells = (long)stageCount * maxLength;
        var useHistogram = cells <= Math.Min(MaxHistogramCells, Math.Max(1 << 16, 2L * log.Count));
        var position = useHistogram ? Array.Empty<int>() : new int[log.Count];

        // Counted over customer ranges on every thread, each with counts of its own (summed after), as the analysis is;
        // a histogram is copied per thread only while small.
        var workers = useHistogram && cells > MaxHistogramCellsPerWorker ? 1 : JourneyOrdering.Workers(parallelism, log.Count);
        var ranges = JourneyOrdering.Partition(start, customers, workers);
        var counts = new PositionCounts[workers];
        JourneyOrdering.ForEachPart(workers, w =>
            counts[w] = PositionCounts.Of(log, order, start, ranges[w], ranges[w + 1], maxLength, useHistogram ? (int)cells : 0, position));

        var total = counts[0];
        for (var w = 1; w < workers; w++)
        {
            total.Add(counts[w]);
        }

        var histogram = useHistogram ? total.Histogram : null;
        var perStage = total.PerStage;
        var channelUsed = total.ChannelUsed;
        var pairUsed = total.PairUsed;
        for (var s = 0; s < stageCount; s++)
        {
            perStage[s + 1] += perStage[s];
        }

        var positions = histogram is null ? new int[log.Count] : Array.Empty<int>();
        if (histogram is null)
        {
            var next = new int[stageCount];
            Array.Copy(perStage, next, stageCount);
            for (var e = 0; e < log.Count; e++)
            {
                positions[next[log.ActivityStage[log.Activity[e]]]++] = position[e];
            }
        }

        var stages = new List<int>();
        var median = new double[stageCount];
        for (var s = 0; s < stageCount; s++)
        {
            var n = perStage[s + 1] - perStage[s];
            if (n == 0)
            {
                continue; // interned by a reader for a rejected row: no event has it
            }

            if (histogram is null)
            {
                Array.Sort(positions, perStage[s], n);
                var mid = perStage[s] + (n / 2);
                median[s] = n % 2 == 1 ? positions[mid] : (positions[mid - 1] + (double)positions[mid]) / 2.0;
            }
            else
            {
                var row = s * maxLength;
                median[s] = n % 2 == 1
                    ? AtRank(histogram, row, maxLength, n / 2)
                    : (AtRank(histogram, row, maxLength, (n / 2) - 1) + (double)AtRank(histogram, row, maxLength, n / 2)) / 2.0;
            }

            stages.Add(s);
        }

        stages.Sort((a, b) => median[a] != median[b] ? median[a].CompareTo(median[b]) : string.CompareOrdinal(log.StageNames[a], log.StageNames[b]));

        var channels = new List<int>();
        for (var ch = 0; ch < channelUsed.Length; ch++)
        {
            if (channelUsed[ch])
            {
                channels.Add(ch);
            }
        }

        channels.Sort((a, b) => string.CompareOrdinal(log.ChannelNames[a], log.ChannelNames[b]));
        var builder = JourneyMap.CreateBuilder();
        for (var i = 0; i < stages.Count; i++)
        {
            var id = log.StageNames[stages[i]];
            builder.AddStage(id, id, JourneyPhase.Acquisition, i + 1);
        }

        foreach (var ch in channels)
        {
            builder.AddChannel(log.ChannelNames[ch], log.ChannelNames[ch]);
        }

        foreach (var s in stages)
        {
            foreach (var ch in channels)
            {
                if (pairUsed[(s * channelCount) + ch])
                {
                    builder.AddTouchpoint(log.StageNames[s], log.ChannelNames[ch]);
                }
            }
        }

        return builder.Build();
    }

    internal static bool HasEvents(EventLog log) => log.Count > 0;

    /// <summary>What one thread counts of its customers' events: stage × position histogram, events per stage, channels and pairs used.</summary>
    private sealed class PositionCounts
    {
        private PositionCounts(int stages, int channels, int cells)
        {
            Histogram = cells > 0 ? new int[cells] : Array.Empty<int>();
            PerStage = new int[stages + 1];
            ChannelUsed = new bool[channels];
            PairUsed = new bool[checked(stages * channels)];
        }

        public int[] Histogram { get; }

        public int[] PerStage { get; }

        public bool[] ChannelUsed { get; }

        public bool[] PairUsed { get; }

        public void Add(PositionCounts other)
        {
            Sum(Histogram, other.Histogram);
            Sum(PerStage, other.PerStage);
            for (var i = 0; i < ChannelUsed.Length; i++)
            {
                ChannelUsed[i] |= other.ChannelUsed[i];
            }

            for (var i = 0; i < PairUsed.Length; i++)
            {
                PairUsed[i] |= other.PairUsed[i];
            }
        }

        /// <summary>
        /// Counts the events of customers [<paramref name="from"/>, <paramref name="to"/>): into a stage × position
        /// histogram of <paramref name="cells"/> cells (rows <paramref name="width"/> wide), or, with no cells, each event's
        /// position into <paramref name="position"/> (shared: each event is written by the thread of its customer only).
        /// </summary>
        public static PositionCounts Of(EventLog log, int[] order, int[] start, int from, int to, int width, int cells, int[] position)
        {
            var counts = new PositionCounts(log.StageNames.Length, log.ChannelNames.Length, cells);
            var activity = log.Activity;
            var activityStage = log.ActivityStage;
            var activityChannel = log.ActivityChannel;
            var histogram = counts.Histogram;
            var perStage = counts.PerStage;
            var channelUsed = counts.ChannelUsed;
            var pairUsed = counts.PairUsed;
            var channels = channelUsed.Length;
            for (var c = from; c < to; c++)
            {
                var length = start[c + 1] - start[c];
                for (var i = 0; i < length; i++)
                {
                    var e = order[start[c] + i];
                    var a = activity[e];
                    var stage = activityStage[a];
                    var channel = activityChannel[a];
                    if (cells > 0)
                    {
                        histogram[(stage * width) + i]++;
                    }
                    else
                    {
                        position[e] = i;
                    }

                    perStage[stage + 1]++;
                    channelUsed[channel] = true;
                    pairUsed[(stage * channels) + channel] = true;
                }
            }

            return counts;
        }

        private static void Sum(int[] into, int[] from)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] += from[i];
            }
        }
    }

    /// <summary>The position at 0-based <paramref name="rank"/> among the positions counted in one histogram row.</summary>
    private static int AtRank(int[] histogram, int row, int width, int rank)
    {
        var seen = 0;
        for (var p = 0; p < width; p++)
        {
            seen += histogram[row + p];
            if (seen > rank)
            {
                return p;
            }
        }

        throw new InvalidOperationException("rank beyond the counted positions");
    }
}
