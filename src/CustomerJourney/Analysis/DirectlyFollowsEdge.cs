using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// An edge of the directly-follows graph: how often activity <see cref="To"/> came right after <see cref="From"/> in a
/// journey, and how long it took, as in pm4py's frequency and performance DFGs.
/// </summary>
/// <remarks>
/// <see cref="Durations"/> holds the exact count, sum, min and max (pm4py's <c>sum_s</c>, <c>min_s</c>, <c>max_s</c>, and
/// the mean from them) and quantiles within its relative accuracy. Immutable; safe to share across threads.
/// </remarks>
public sealed class DirectlyFollowsEdge : IEquatable<DirectlyFollowsEdge>
{
    internal DirectlyFollowsEdge(string from, string to, DurationSketch durations)
    {
        From = from;
        To = to;
        Durations = durations;
    }

    /// <summary>The activity before.</summary>
    public string From { get; }

    /// <summary>The activity right after.</summary>
    public string To { get; }

    /// <summary>How many times the pair occurred.</summary>
    public long Count => Durations.Count;

    /// <summary>The time from <see cref="From"/> to <see cref="To"/>, over the occurrences.</summary>
    public DurationSketch Durations { get; }

    /// <inheritdoc/>
    public bool Equals(DirectlyFollowsEdge? other) =>
        other is not null && string.Equals(From, other.From, StringComparison.Ordinal) && string.Equals(To, other.To, StringComparison.Ordinal)
        && Durations.Equals(other.Durations);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DirectlyFollowsEdge);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(From), Hash.Of(To), Durations.GetHashCode());

    /// <summary>Returns <c>from -> to ×count</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{From} -> {To} x{Count}");
}
