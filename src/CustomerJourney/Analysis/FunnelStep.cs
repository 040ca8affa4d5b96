using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>One stage of the funnel: how many journeys reached it, and how many of those that reached the stage before did.</summary>
/// <remarks>
/// A journey reaches stage k when the furthest stage (by map rank) among its completed events is k or beyond, so a journey
/// that skips a stage still counts for it and the funnel never increases. Immutable; safe to share across threads.
/// </remarks>
public sealed class FunnelStep : IEquatable<FunnelStep>
{
    internal FunnelStep(string stage, long journeys, long previous)
    {
        Stage = stage;
        Journeys = journeys;
        Previous = previous;
    }

    /// <summary>The stage id.</summary>
    public string Stage { get; }

    /// <summary>Journeys that reached the stage.</summary>
    public long Journeys { get; }

    /// <summary>Journeys that reached the stage before (all journeys, for the first stage).</summary>
    public long Previous { get; }

    /// <summary>Journeys / previous, in [0, 1]; 0 when no journey reached the stage before.</summary>
    public double Conversion => Previous == 0 ? 0.0 : (double)Journeys / Previous;

    /// <summary>Journeys that reached the stage before but not this one.</summary>
    public long DropOff => Previous - Journeys;

    /// <inheritdoc/>
    public bool Equals(FunnelStep? other) =>
        other is not null && string.Equals(Stage, other.Stage, StringComparison.Ordinal) && Journeys == other.Journeys && Previous == other.Previous;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FunnelStep);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Stage), Journeys.GetHashCode(), Previous.GetHashCode());

    /// <summary>Returns the stage and its journeys.</summary>
    public override string ToString() => FormattableString.Invariant($"{Stage}: {Journeys}/{Previous}");
}
