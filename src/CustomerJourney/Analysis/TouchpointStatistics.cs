using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>What happened at one touchpoint (stage × channel): visits, how they felt, NPS answers given there, and the experience × outcome table.</summary>
/// <remarks>Only touchpoints with at least one event are listed. Immutable; safe to share across threads.</remarks>
public sealed class TouchpointStatistics : IEquatable<TouchpointStatistics>
{
    internal TouchpointStatistics(string activity, string stage, string channel, long events, SentimentSummary sentiment, NpsHistogram nps, ExperienceOutcomeTable experience)
    {
        Activity = activity;
        Stage = stage;
        Channel = channel;
        Events = events;
        Sentiment = sentiment;
        Nps = nps;
        Experience = experience;
    }

    /// <summary>The activity name: <c>stage@channel</c>, or the bare stage on the default channel.</summary>
    public string Activity { get; }

    /// <summary>The stage id.</summary>
    public string Stage { get; }

    /// <summary>The channel id.</summary>
    public string Channel { get; }

    /// <summary>Events at the touchpoint.</summary>
    public long Events { get; }

    /// <summary>How the events felt.</summary>
    public SentimentSummary Sentiment { get; }

    /// <summary>NPS answers given at this touchpoint, one per event that has one.</summary>
    public NpsHistogram Nps { get; }

    /// <summary>Journeys that visited the touchpoint, by how they lived it × whether they reached the outcome.</summary>
    public ExperienceOutcomeTable Experience { get; }

    /// <inheritdoc/>
    public bool Equals(TouchpointStatistics? other) =>
        other is not null && string.Equals(Activity, other.Activity, StringComparison.Ordinal) && string.Equals(Stage, other.Stage, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal) && Events == other.Events && Sentiment.Equals(other.Sentiment)
        && Nps.Equals(other.Nps) && Experience.Equals(other.Experience);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TouchpointStatistics);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Activity), Events.GetHashCode(), Sentiment.GetHashCode(), Experience.GetHashCode());

    /// <summary>Returns the activity and its events.</summary>
    public override string ToString() => FormattableString.Invariant($"{Activity}: {Events} events");
}
