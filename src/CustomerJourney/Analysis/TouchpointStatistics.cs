using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>What happened at one touchpoint (stage × channel): visits, how they felt, NPS answers given there, and the experience × outcome table.</summary>
/// <remarks>Only touchpoints with at least one event are listed. Immutable; safe to share across threads.</remarks>
public sealed class TouchpointStatistics : IEquatable<TouchpointStatistics>
{
    internal TouchpointStatistics(string activity, string stage, string channel, long events, SentimentSummary sentiment, NpsHistogram nps, ExperienceOutcomeTable experience,
        long attempts, long forcedCompletions, long[] ratings, long[] efforts)
    {
        RawEfforts = efforts;
        Efforts = new ReadOnlyCollection<long>(efforts);
        Attempts = attempts;
        ForcedCompletions = forcedCompletions;
        RawRatings = ratings;
        Ratings = new ReadOnlyCollection<long>(ratings);
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

    /// <summary>Events here whose status is failed or abandoned: attempts that did not complete (at a touchpoint the map does not offer, attempts at a missing one).</summary>
    public long Attempts { get; }

    /// <summary>
    /// Journeys that visited the touchpoint and later completed the same stage on another channel: the evidence of a forced
    /// completion. At most <see cref="ExperienceOutcomeTable.Journeys"/> of <see cref="Experience"/>.
    /// </summary>
    /// <remarks>"Later" means after the journey's first event here; the completion elsewhere is an event with status completed.</remarks>
    public long ForcedCompletions { get; }

    /// <summary>Events here with a rating, by rating: five counts, for ratings 1 to 5 (CSAT is the share of 4 and 5).</summary>
    public IReadOnlyList<long> Ratings { get; }

    internal long[] RawRatings { get; }

    /// <summary>
    /// Events here with a customer-effort answer, by answer: seven counts, for answers 1 to 7 (7: the easiest; CES is the
    /// share of 5 to 7).
    /// </summary>
    public IReadOnlyList<long> Efforts { get; }

    internal long[] RawEfforts { get; }

    /// <inheritdoc/>
    public bool Equals(TouchpointStatistics? other) =>
        other is not null && string.Equals(Activity, other.Activity, StringComparison.Ordinal) && string.Equals(Stage, other.Stage, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal) && Events == other.Events && Sentiment.Equals(other.Sentiment)
        && Nps.Equals(other.Nps) && Experience.Equals(other.Experience)
        && Attempts == other.Attempts && ForcedCompletions == other.ForcedCompletions && Same(RawRatings, other.RawRatings)
        && Same(RawEfforts, other.RawEfforts);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TouchpointStatistics);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Activity), Events.GetHashCode(), Sentiment.GetHashCode(), Experience.GetHashCode());

    internal static bool Same(long[] a, long[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the activity and its events.</summary>
    public override string ToString() => FormattableString.Invariant($"{Activity}: {Events} events");
}
