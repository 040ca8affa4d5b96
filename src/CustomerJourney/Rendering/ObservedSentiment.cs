using System;
using System.Collections.Generic;
using CustomerJourney.Analysis;

namespace CustomerJourney.Rendering;

/// <summary>The observed mean sentiment of each touchpoint of a map, looked up by stage id, then channel id.</summary>
internal sealed class ObservedSentiment
{
    private static readonly ObservedSentiment s_none = new(new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal));

    private readonly Dictionary<string, Dictionary<string, double>> _means;

    private ObservedSentiment(Dictionary<string, Dictionary<string, double>> means) => _means = means;

    /// <summary>The means of the statistics' touchpoints that have a rated event; none for null statistics.</summary>
    public static ObservedSentiment From(JourneyStatistics? stats)
    {
        if (stats is null)
        {
            return s_none;
        }

        var means = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var touchpoint in stats.Touchpoints)
        {
            if (touchpoint.Sentiment.Count == 0)
            {
                continue;
            }

            if (!means.TryGetValue(touchpoint.Stage, out var byChannel))
            {
                byChannel = new Dictionary<string, double>(StringComparer.Ordinal);
                means.Add(touchpoint.Stage, byChannel);
            }

            byChannel[touchpoint.Channel] = touchpoint.Sentiment.Mean;
        }

        return new ObservedSentiment(means);
    }

    /// <summary>Whether any touchpoint has an observed mean.</summary>
    public bool IsEmpty => _means.Count == 0;

    /// <summary>The observed mean at the stage × channel pair; null when no event there has a sentiment.</summary>
    public double? MeanAt(string stageId, string channelId) =>
        _means.TryGetValue(stageId, out var byChannel) && byChannel.TryGetValue(channelId, out var mean) ? mean : null;
}
