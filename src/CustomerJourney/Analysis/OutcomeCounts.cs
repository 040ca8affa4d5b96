using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>Journeys in one cell of an experience table, and how many of them reached the outcome.</summary>
/// <remarks>Value semantics; immutable; safe to share across threads.</remarks>
public readonly struct OutcomeCounts : IEquatable<OutcomeCounts>
{
    /// <summary>Creates the counts.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="reachedOutcome">Those that reached the outcome; at most <paramref name="journeys"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="reachedOutcome"/> exceeds <paramref name="journeys"/>.</exception>
    public OutcomeCounts(long journeys, long reachedOutcome)
    {
        if (journeys < 0 || reachedOutcome < 0 || reachedOutcome > journeys)
        {
            throw new ArgumentOutOfRangeException(nameof(reachedOutcome), reachedOutcome, "Must be within [0, journeys].");
        }

        Journeys = journeys;
        ReachedOutcome = reachedOutcome;
    }

    /// <summary>The journeys.</summary>
    public long Journeys { get; }

    /// <summary>The journeys that reached the outcome.</summary>
    public long ReachedOutcome { get; }

    /// <summary>The share that reached the outcome, in [0, 1]; NaN when there is no journey.</summary>
    public double Rate => Journeys == 0 ? double.NaN : (double)ReachedOutcome / Journeys;

    /// <summary>Value equality.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>True when both counts are equal.</returns>
    public static bool operator ==(OutcomeCounts left, OutcomeCounts right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>True when a count differs.</returns>
    public static bool operator !=(OutcomeCounts left, OutcomeCounts right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(OutcomeCounts other) => Journeys == other.Journeys && ReachedOutcome == other.ReachedOutcome;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OutcomeCounts other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Journeys.GetHashCode(), ReachedOutcome.GetHashCode());

    /// <summary>Returns <c>reached/journeys</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{ReachedOutcome}/{Journeys}");
}
