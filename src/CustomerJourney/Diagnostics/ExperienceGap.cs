using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>Desired versus received experience at a touchpoint: the gap says where to act.</summary>
/// <remarks>
/// Gap = desired − observed, both on the sentiment scale [−1, 1]: positive when customers feel worse than designed.
/// Observed is the mean effective sentiment of the touchpoint's rated events. Immutable; safe to share across threads.
/// </remarks>
public sealed class ExperienceGap : IEquatable<ExperienceGap>
{
    internal ExperienceGap(string stageId, string channelId, double desired, double observed, long ratedEvents)
    {
        StageId = stageId;
        ChannelId = channelId;
        Desired = desired;
        Observed = observed;
        RatedEvents = ratedEvents;
    }

    /// <summary>The stage.</summary>
    public string StageId { get; }

    /// <summary>The channel.</summary>
    public string ChannelId { get; }

    /// <summary>The map's desired experience for the touchpoint.</summary>
    public double Desired { get; }

    /// <summary>The mean observed sentiment.</summary>
    public double Observed { get; }

    /// <summary>Desired − observed.</summary>
    public double Gap => Desired - Observed;

    /// <summary>The events with a sentiment the mean rests on; at least 1.</summary>
    public long RatedEvents { get; }

    /// <inheritdoc/>
    public bool Equals(ExperienceGap? other) =>
        other is not null && string.Equals(StageId, other.StageId, StringComparison.Ordinal) && string.Equals(ChannelId, other.ChannelId, StringComparison.Ordinal)
        && Desired.Equals(other.Desired) && Observed.Equals(other.Observed) && RatedEvents == other.RatedEvents;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExperienceGap);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(StageId), Hash.Of(ChannelId), RatedEvents.GetHashCode());

    /// <summary>Returns the place and the figures.</summary>
    public override string ToString() => FormattableString.Invariant($"{StageId}@{ChannelId}: desired {Desired:0.##}, observed {Observed:0.##}");
}
