using System;
using System.Globalization;
using CustomerJourney.Events;

namespace CustomerJourney.Analysis;

/// <summary>
/// The log's ids translated once into the map's: each log activity becomes a slot <c>stage rank × channels + channel</c>
/// (or a negative reason when the map lacks its stage or channel), with the names statistics are keyed by. Built once per
/// analysis; read-only afterwards, shared by the workers.
/// </summary>
internal sealed class AnalysisLayout
{
    public const int UnknownStage = -1;
    public const int UnknownChannel = -2;

    /// <summary>
    /// The most stage × channel × channel cells an analysis tracks (2^22): each worker keeps channel switches per stage
    /// densely, 24 bytes a cell, so this caps them near 100 MB. Twenty channels leave room for 10,000 stages.
    /// </summary>
    public const long MaxSwitchCells = 1L << 22;

    public AnalysisLayout(EventLog log, JourneyMap? map, AnalyzerOptions options)
    {
        Log = log;
        Options = options;
        Context = StatisticsContext.From(map, options);
        StageCount = Context.Stages.Length;
        ChannelCount = Context.Channels.Length;
        var cells = (long)StageCount * ChannelCount * ChannelCount;
        if (cells > MaxSwitchCells)
        {
            throw new EventLogException(
                RejectionReason.LimitExceeded,
                string.Format(CultureInfo.InvariantCulture, "{0} stages on {1} channels are too many to analyze: the channel switches would take {2} stages × channels × channels cells, more than {3}", StageCount, ChannelCount, cells, MaxSwitchCells),
                log.SourceName,
                field: "channel");
        }

        SlotCount = checked(StageCount * ChannelCount);
        ActivitySlot = new int[log.ActivityStage.Length];
        for (var a = 0; a < ActivitySlot.Length; a++)
        {
            var stage = map?.StageIndexOrMinusOne(log.StageNames[log.ActivityStage[a]]) ?? -1;
            var channel = map?.ChannelIndexOrMinusOne(log.ChannelNames[log.ActivityChannel[a]]) ?? -1;
            ActivitySlot[a] = stage < 0 ? UnknownStage : channel < 0 ? UnknownChannel : (stage * ChannelCount) + channel;
            EveryActivityKnown &= ActivitySlot[a] >= 0;
        }

        SlotName = new string[SlotCount];
        SlotStage = new int[SlotCount];
        for (var s = 0; s < SlotCount; s++)
        {
            SlotStage[s] = s / ChannelCount;
            var stage = Context.Stages[SlotStage[s]];
            var channel = Context.Channels[s % ChannelCount];
            SlotName[s] = string.Equals(channel, options.DefaultChannel, StringComparison.Ordinal) ? stage : stage + "@" + channel;
        }

        ConversionRank = map is null ? int.MaxValue : map.StageIndexOrMinusOne(map.ConversionStage.Id);
        OutcomeRank = ConversionRank;
        if (options.Outcome.Kind == JourneyOutcomeKind.StageReached && map is not null)
        {
            OutcomeRank = map.StageIndexOrMinusOne(options.Outcome.StageId!);
            if (OutcomeRank < 0)
            {
                throw new ArgumentException($"The outcome names stage '{options.Outcome.StageId}', which the map does not have.", nameof(options));
            }
        }

        EmotionSentiment = new double[log.EmotionNames.Length];
        for (var e = 0; e < EmotionSentiment.Length; e++)
        {
            EmotionSentiment[e] = EmotionLexicon.TryGetSentiment(log.EmotionNames[e], out var v) ? v : double.NaN;
        }
    }

    public EventLog Log { get; }

    public AnalyzerOptions Options { get; }

    public StatisticsContext Context { get; }

    public int StageCount { get; }

    public int ChannelCount { get; }

    public int SlotCount { get; }

    /// <summary>Slot of each log activity id, or <see cref="UnknownStage"/> / <see cref="UnknownChannel"/>.</summary>
    public int[] ActivitySlot { get; }

    /// <summary>Whether the map has a slot for every activity of the log (always so for an inferred map): then no event can be unknown.</summary>
    public bool EveryActivityKnown { get; } = true;

    public string[] SlotName { get; }

    /// <summary>The stage rank of each slot (<c>slot / ChannelCount</c>): the analysis loop looks it up per event rather than dividing.</summary>
    public int[] SlotStage { get; }

    public int ConversionRank { get; }

    /// <summary>The stage rank the outcome needs, for conversion and stage-reached outcomes.</summary>
    public int OutcomeRank { get; }

    /// <summary>Sentiment of each log emotion id; NaN when the lexicon does not know the label.</summary>
    public double[] EmotionSentiment { get; }
}
