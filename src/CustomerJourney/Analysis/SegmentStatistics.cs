using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>The journeys of one customer segment (persona) and their NPS answers.</summary>
/// <remarks>
/// A journey's segment is the first segment among its events in time order; journeys without one are in no segment.
/// Immutable; safe to share across threads.
/// </remarks>
public sealed class SegmentStatistics : IEquatable<SegmentStatistics>
{
    internal SegmentStatistics(string segment, long journeys, NpsHistogram nps)
    {
        Segment = segment;
        Journeys = journeys;
        Nps = nps;
    }

    /// <summary>The segment value, as logged.</summary>
    public string Segment { get; }

    /// <summary>The journeys in the segment.</summary>
    public long Journeys { get; }

    /// <summary>The journeys' last NPS answers (journeys without an answer are not counted).</summary>
    public NpsHistogram Nps { get; }

    /// <inheritdoc/>
    public bool Equals(SegmentStatistics? other) =>
        other is not null && string.Equals(Segment, other.Segment, StringComparison.Ordinal) && Journeys == other.Journeys && Nps.Equals(other.Nps);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SegmentStatistics);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Segment), Journeys.GetHashCode(), Nps.GetHashCode());

    /// <summary>Returns the segment and its size.</summary>
    public override string ToString() => FormattableString.Invariant($"{Segment}: {Journeys} journeys");
}
