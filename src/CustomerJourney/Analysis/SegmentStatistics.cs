using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>The journeys of one customer segment (persona): their NPS answers, ratings and effort answers.</summary>
/// <remarks>
/// A journey's segment is the first segment among its events in time order; journeys without one are in no segment.
/// Immutable; safe to share across threads.
/// </remarks>
public sealed class SegmentStatistics : IEquatable<SegmentStatistics>
{
    internal SegmentStatistics(string segment, long journeys, NpsHistogram nps, long[] ratings, long[] efforts)
    {
        Segment = segment;
        Journeys = journeys;
        Nps = nps;
        RawRatings = ratings;
        RawEfforts = efforts;
        Ratings = new System.Collections.ObjectModel.ReadOnlyCollection<long>(ratings);
        Efforts = new System.Collections.ObjectModel.ReadOnlyCollection<long>(efforts);
    }

    /// <summary>The segment value, as logged.</summary>
    public string Segment { get; }

    /// <summary>The journeys in the segment.</summary>
    public long Journeys { get; }

    /// <summary>The journeys' last NPS answers (journeys without an answer are not counted).</summary>
    public NpsHistogram Nps { get; }

    /// <summary>The journeys' events with a rating, by rating: five counts, for ratings 1 to 5 (CSAT is the share of 4 and 5).</summary>
    public System.Collections.Generic.IReadOnlyList<long> Ratings { get; }

    /// <summary>The journeys' events with an effort answer, by answer: seven counts, for 1 to 7 (CES is the share of 5 to 7).</summary>
    public System.Collections.Generic.IReadOnlyList<long> Efforts { get; }

    internal long[] RawRatings { get; }

    internal long[] RawEfforts { get; }

    /// <inheritdoc/>
    public bool Equals(SegmentStatistics? other) =>
        other is not null && string.Equals(Segment, other.Segment, StringComparison.Ordinal) && Journeys == other.Journeys && Nps.Equals(other.Nps)
        && TouchpointStatistics.Same(RawRatings, other.RawRatings) && TouchpointStatistics.Same(RawEfforts, other.RawEfforts);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SegmentStatistics);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Segment), Journeys.GetHashCode(), Nps.GetHashCode());

    /// <summary>Returns the segment and its size.</summary>
    public override string ToString() => FormattableString.Invariant($"{Segment}: {Journeys} journeys");
}
