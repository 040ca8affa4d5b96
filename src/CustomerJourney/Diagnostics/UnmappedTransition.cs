using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>A directly-follows pair of activities customers took that the reference model (the map) does not connect, with its count.</summary>
/// <remarks>Activities are named as in <see cref="Analysis.JourneyStatistics.Activities"/>. Immutable; safe to share across threads.</remarks>
public sealed class UnmappedTransition : IEquatable<UnmappedTransition>
{
    internal UnmappedTransition(string from, string to, UnmappedTransitionReason reason, long count)
    {
        From = from;
        To = to;
        Reason = reason;
        Count = count;
    }

    /// <summary>The activity left.</summary>
    public string From { get; }

    /// <summary>The next activity.</summary>
    public string To { get; }

    /// <summary>Why the map does not connect them.</summary>
    public UnmappedTransitionReason Reason { get; }

    /// <summary>How many times customers took it.</summary>
    public long Count { get; }

    /// <inheritdoc/>
    public bool Equals(UnmappedTransition? other) =>
        other is not null && string.Equals(From, other.From, StringComparison.Ordinal) && string.Equals(To, other.To, StringComparison.Ordinal)
        && Reason == other.Reason && Count == other.Count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UnmappedTransition);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(From), Hash.Of(To), (int)Reason, Count.GetHashCode());

    /// <summary>Returns the pair, reason and count.</summary>
    public override string ToString() => FormattableString.Invariant($"{From} -> {To} ({Reason}) x{Count}");
}
