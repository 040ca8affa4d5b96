using System;
using System.Globalization;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// What statistics were computed against: the map's stages and channels, the conversion stage and the options that change
/// figures. Two statistics merge only when their contexts are equal.
/// </summary>
internal sealed class StatisticsContext : IEquatable<StatisticsContext>
{
    public StatisticsContext(string[] stages, string[] channels, string? conversionStage, JourneyOutcome outcome, string defaultChannel,
        double positiveThreshold, double negativeThreshold, double relativeAccuracy)
    {
        Stages = stages;
        Channels = channels;
        ConversionStage = conversionStage;
        Outcome = outcome;
        DefaultChannel = defaultChannel;
        PositiveThreshold = positiveThreshold;
        NegativeThreshold = negativeThreshold;
        RelativeAccuracy = relativeAccuracy;
    }

    /// <summary>Stage ids in map order.</summary>
    public string[] Stages { get; }

    /// <summary>Channel ids in map order.</summary>
    public string[] Channels { get; }

    public string? ConversionStage { get; }

    public JourneyOutcome Outcome { get; }

    public string DefaultChannel { get; }

    public double PositiveThreshold { get; }

    public double NegativeThreshold { get; }

    public double RelativeAccuracy { get; }

    public static StatisticsContext From(JourneyMap? map, AnalyzerOptions options)
    {
        if (map is null)
        {
            return new StatisticsContext(Array.Empty<string>(), Array.Empty<string>(), null, options.Outcome, options.DefaultChannel,
                options.PositiveThreshold, options.NegativeThreshold, options.SketchRelativeAccuracy);
        }

        var stages = new string[map.Stages.Count];
        for (var i = 0; i < stages.Length; i++)
        {
            stages[i] = map.Stages[i].Id;
        }

        var channels = new string[map.Channels.Count];
        for (var i = 0; i < channels.Length; i++)
        {
            channels[i] = map.Channels[i].Id;
        }

        return new StatisticsContext(stages, channels, map.ConversionStage.Id, options.Outcome, options.DefaultChannel,
            options.PositiveThreshold, options.NegativeThreshold, options.SketchRelativeAccuracy);
    }

    /// <summary>The first difference with another context, in words; null when equal.</summary>
    public string? DifferenceWith(StatisticsContext other)
    {
        if (!PathComparer.Instance.Equals(Stages, other.Stages))
        {
            return $"stages [{string.Join(", ", Stages)}] vs [{string.Join(", ", other.Stages)}]";
        }

        if (!PathComparer.Instance.Equals(Channels, other.Channels))
        {
            return $"channels [{string.Join(", ", Channels)}] vs [{string.Join(", ", other.Channels)}]";
        }

        if (!string.Equals(ConversionStage, other.ConversionStage, StringComparison.Ordinal))
        {
            return $"conversion stage '{ConversionStage}' vs '{other.ConversionStage}'";
        }

        if (!Outcome.Equals(other.Outcome))
        {
            return $"outcome {Outcome} vs {other.Outcome}";
        }

        if (!string.Equals(DefaultChannel, other.DefaultChannel, StringComparison.Ordinal))
        {
            return $"default channel '{DefaultChannel}' vs '{other.DefaultChannel}'";
        }

        if (!PositiveThreshold.Equals(other.PositiveThreshold) || !NegativeThreshold.Equals(other.NegativeThreshold))
        {
            return string.Format(CultureInfo.InvariantCulture, "sentiment thresholds [{0}, {1}] vs [{2}, {3}]",
                NegativeThreshold, PositiveThreshold, other.NegativeThreshold, other.PositiveThreshold);
        }

        return RelativeAccuracy.Equals(other.RelativeAccuracy)
            ? null
            : string.Format(CultureInfo.InvariantCulture, "sketch accuracy {0} vs {1}", RelativeAccuracy, other.RelativeAccuracy);
    }

    public bool Equals(StatisticsContext? other) => other is not null && DifferenceWith(other) is null;

    public override bool Equals(object? obj) => Equals(obj as StatisticsContext);

    public override int GetHashCode() => Hash.Combine(Stages.Length, Channels.Length, Hash.Of(ConversionStage));
}
