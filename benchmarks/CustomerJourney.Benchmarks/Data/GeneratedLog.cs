using System;
using System.IO;
using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Data;

/// <summary>
/// A deterministic synthetic event log (fixed seed) for the benchmarks: N events over about N/10 customers on a
/// 10-stage × 5-channel map, and the same events as CSV, JSON Lines and XES bytes.
/// </summary>
/// <remarks>
/// <para>Paths are mostly forward (75%), with skips (8%), steps back (7%) and repeats (10%) of a stage; the channel
/// switches on 20% of steps. About 30% of events carry a sentiment in [-1, 1] (two decimals); about 5% of steps share
/// the timestamp of the previous event of the journey (ties); about 5% of steps are written before their predecessor
/// (late-arriving rows), so journeys need ordering. Rows are interleaved across customers: a window of 256 open
/// journeys emits events in random order, so the log is neither grouped by customer nor sorted by time.</para>
/// <para>Timestamps are UTC (no offset column), journeys start within 90 days of 2025-01-01, steps are 1 s to 3 days apart.</para>
/// </remarks>
internal static class GeneratedLog
{
    public const int Seed = 20_260_101;
    public static readonly string[] StageIds =
        ["awareness", "consideration", "visit", "signup", "onboarding", "first-purchase", "repeat-purchase", "support", "renewal", "advocacy"];

    public static readonly string[] ChannelIds = ["web", "app", "email", "store", "call-center"];

    private const int Window = 256;

    /// <summary>The 10 × 5 map of the generated log: every stage offered on every channel.</summary>
    public static JourneyMap Map()
    {
        var stages = new Stage[StageIds.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = new Stage(StageIds[s], StageIds[s], s, (JourneyPhase)(s * 3 / stages.Length));
        }

        var channels = new Channel[ChannelIds.Length];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c] = new Channel(ChannelIds[c], ChannelIds[c], (ChannelKind)(c % 2));
        }

        var touchpoints = new Touchpoint[stages.Length * channels.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                touchpoints[(s * channels.Length) + c] = new Touchpoint(StageIds[s], ChannelIds[c], offered: true, expected: c < 2, desiredExperience: 0.5);
            }
        }

        return new JourneyMap(stages, channels, touchpoints, []);
    }

    /// <summary>Generates the log in memory, columns filled directly (no object per event).</summary>
    /// <summary>
    /// The log of <paramref name="events"/> events; with <paramref name="fewVariants"/>, every journey goes forward on one of
    /// two channels from the first stage, never ties and never switches, so there are at most 18 path variants (2 channels
    /// × lengths 2 to 10): what a log of a well-trodden journey looks like, to measure the analysis without the per-variant
    /// cost that dominates the diverse log.
    /// </summary>
    public static EventLog Create(int events, bool fewVariants = false)
    {
        var rng = new Random(Seed);
        var builder = new EventLogBuilder(options: null, sourceName: "generated", capacity: events);
        var stageIds = new int[StageIds.Length];
        for (var s = 0; s < stageIds.Length; s++)
        {
            stageIds[s] = builder.Stages.Intern(StageIds[s]);
        }

        var channelIds = new int[ChannelIds.Length];
        for (var c = 0; c < channelIds.Length; c++)
        {
            channelIds[c] = builder.Channels.Intern(ChannelIds[c]);
        }

        var activity = new int[StageIds.Length, ChannelIds.Length];
        for (var s = 0; s < stageIds.Length; s++)
        {
            for (var c = 0; c < channelIds.Length; c++)
            {
                activity[s, c] = builder.InternActivity(stageIds[s], channelIds[c]);
            }
        }

        var baseTicks = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var open = new Journey[Window];
        var openCount = 0;
        var budget = events; // events not yet assigned to a journey
        var nextCustomer = 0;
        var emitted = 0;

        while (emitted < events)
        {
            while (openCount < Window && budget > 0)
            {
                var length = Math.Min(budget, fewVariants ? rng.Next(2, 11) : rng.Next(2, 19)); // mean 6 or 10
                budget -= length;
                var name = "C" + nextCustomer.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                nextCustomer++;
                open[openCount++] = new Journey
                {
                    Customer = builder.Customers.Intern(name),
                    Remaining = length,
                    Stage = fewVariants || rng.Next(100) < 80 ? 0 : rng.Next(3),
                    Channel = fewVariants ? rng.Next(2) : rng.Next(ChannelIds.Length),
                    Few = fewVariants,
                    Ticks = baseTicks + (rng.NextInt64(90L * 24 * 3600) * TimeSpan.TicksPerSecond),
                    Pending = -1,
                };
            }

            var slot = rng.Next(openCount);
            ref var j = ref open[slot];
            if (j.Pending >= 0)
            {
                Emit(builder, j.Customer, j.Pending, j.PendingTicks, j.PendingSentiment);
                j.Pending = -1;
            }
            else
            {
                Step(rng, ref j, activity, out var a, out var t, out var sentiment);
                j.Remaining--;
                if (j.Remaining > 0 && rng.Next(100) < 5)
                {
                    // A late-arriving row: the next step is written first, this one after it.
                    j.Pending = a;
                    j.PendingTicks = t;
                    j.PendingSentiment = sentiment;
                    Step(rng, ref j, activity, out a, out t, out sentiment);
                    j.Remaining--;
                }

                Emit(builder, j.Customer, a, t, sentiment);
            }

            emitted++;
            if (j.Remaining == 0 && j.Pending < 0)
            {
                open[slot] = open[--openCount];
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A log sharing the columns of <paramref name="log"/> (nothing copied but one object) that no analysis has seen: a log
    /// keeps the grouping index its first analysis makes, so analyzing this one measures a first analysis again.
    /// </summary>
    public static EventLog Unanalyzed(EventLog log) => new(
        log.SourceName, log.Count, log.Customer, log.Activity, log.UtcTicks, log.OffsetMinutes, log.Sentiment, log.Rating, log.Nps,
        log.Status, log.Emotion, log.Segment, log.Effort, log.CustomerNames, log.StageNames, log.ChannelNames, log.ActivityStage,
        log.ActivityChannel, log.EmotionNames, log.SegmentNames, log.AttributeNameArray, log.AttributeColumns, log.AttributeValues,
        log.Rejections);

    /// <summary>The log as CSV bytes (EventLogWriter).</summary>
    public static byte[] Csv(EventLog log) => Write(log, s => EventLogWriter.Write(log, s, EventLogFormat.Csv));

    /// <summary>The log as XES bytes (EventLogWriter).</summary>
    public static byte[] Xes(EventLog log) => Write(log, s => EventLogWriter.Write(log, s, EventLogFormat.Xes));

    /// <summary>The log as JSON Lines bytes (EventLogFiles).</summary>
    public static byte[] JsonLines(EventLog log) => Write(log, s => CustomerJourney.Json.EventLogFiles.Write(log, s, EventLogFormat.JsonLines));

    private static byte[] Write(EventLog log, Action<Stream> write)
    {
        using var stream = new MemoryStream(checked(log.Count * 64));
        write(stream);
        return stream.ToArray();
    }

    private static void Step(Random rng, ref Journey j, int[,] activity, out int a, out long ticks, out float sentiment)
    {
        if (j.Started && j.Few)
        {
            j.Stage++;
            j.Ticks += rng.NextInt64(1, 3L * 24 * 3600) * TimeSpan.TicksPerSecond;
        }
        else if (j.Started)
        {
            var move = rng.Next(100);
            j.Stage += move < 75 ? 1 : move < 83 ? 2 : move < 90 ? -1 : 0;
            j.Stage = Math.Clamp(j.Stage, 0, StageIds.Length - 1);
            if (rng.Next(100) < 20)
            {
                j.Channel = rng.Next(ChannelIds.Length);
            }

            if (rng.Next(100) >= 5)
            {
                j.Ticks += rng.NextInt64(1, 3L * 24 * 3600) * TimeSpan.TicksPerSecond;
            }
        }

        j.Started = true;
        a = activity[j.Stage, j.Channel];
        ticks = j.Ticks;
        sentiment = rng.Next(100) < 30 ? (float)Math.Round((rng.NextDouble() * 2.0) - 1.0, 2) : float.NaN;
    }

    private static void Emit(EventLogBuilder builder, int customer, int activity, long ticks, float sentiment)
    {
        builder.Add(customer, activity, ticks, 0);
        if (!float.IsNaN(sentiment))
        {
            builder.SetSentiment(sentiment);
        }
    }

    private struct Journey
    {
        public int Customer;
        public int Remaining;
        public int Stage;
        public int Channel;
        public long Ticks;
        public bool Started;
        public bool Few;
        public int Pending;
        public long PendingTicks;
        public float PendingSentiment;
    }
}
