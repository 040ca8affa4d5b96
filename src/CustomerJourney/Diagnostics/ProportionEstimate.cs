using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>A share with its Wilson interval: how CSAT (the share of ratings 4 and 5) is reported.</summary>
/// <remarks>The interval is at the report's confidence and stays within [0, 1]. Immutable; safe to share across threads.</remarks>
public sealed class ProportionEstimate : IEquatable<ProportionEstimate>
{
    internal ProportionEstimate(long successes, long trials, double z)
    {
        Successes = successes;
        Trials = trials;
        Rate = (double)successes / trials;
        var interval = Proportions.Wilson(successes, trials, z);
        Low = interval.Low;
        High = interval.High;
    }

    /// <summary>The observations counted in (for CSAT, ratings of 4 or 5).</summary>
    public long Successes { get; }

    /// <summary>All observations (for CSAT, all ratings); at least 1.</summary>
    public long Trials { get; }

    /// <summary>Successes / trials.</summary>
    public double Rate { get; }

    /// <summary>Lower bound of the Wilson interval.</summary>
    public double Low { get; }

    /// <summary>Upper bound of the Wilson interval.</summary>
    public double High { get; }

    /// <inheritdoc/>
    public bool Equals(ProportionEstimate? other) =>
        other is not null && Successes == other.Successes && Trials == other.Trials && Low.Equals(other.Low) && High.Equals(other.High);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ProportionEstimate);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Successes.GetHashCode(), Trials.GetHashCode());

    /// <summary>Returns the rate, interval and counts.</summary>
    public override string ToString() => FormattableString.Invariant($"{Rate:P1} [{Low:P1}, {High:P1}] ({Successes}/{Trials})");
}
