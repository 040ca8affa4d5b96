using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>How events at a touchpoint felt: counted as positive, neutral or negative, and the mean sentiment.</summary>
/// <remarks>
/// <para>
/// The effective sentiment of an event is its sentiment when given; else its rating r (1–5) as (r − 3) / 2; else its emotion
/// label through <see cref="EmotionLexicon"/>; else the event has none and is counted nowhere here. An event is positive at
/// or above <see cref="AnalyzerOptions.PositiveThreshold"/>, negative at or below <see cref="AnalyzerOptions.NegativeThreshold"/>,
/// neutral in between.
/// </para>
/// <para>The sum is kept in millionths, exactly, so that merged statistics are equal whatever the partition. Immutable; safe to share.</para>
/// </remarks>
public sealed class SentimentSummary : IEquatable<SentimentSummary>
{
    internal SentimentSummary(long positive, long neutral, long negative, long sumMicros)
    {
        Positive = positive;
        Neutral = neutral;
        Negative = negative;
        SumMicros = sumMicros;
    }

    /// <summary>Events at or above the positive threshold.</summary>
    public long Positive { get; }

    /// <summary>Events strictly between the thresholds.</summary>
    public long Neutral { get; }

    /// <summary>Events at or below the negative threshold.</summary>
    public long Negative { get; }

    /// <summary>Events with an effective sentiment.</summary>
    public long Count => checked(Positive + Neutral + Negative);

    /// <summary>The mean effective sentiment, in [−1, 1], to the millionth; NaN when no event has one.</summary>
    public double Mean => Count == 0 ? double.NaN : SumMicros / 1e6 / Count;

    internal long SumMicros { get; }

    /// <inheritdoc/>
    public bool Equals(SentimentSummary? other) =>
        other is not null && Positive == other.Positive && Neutral == other.Neutral && Negative == other.Negative && SumMicros == other.SumMicros;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SentimentSummary);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Positive.GetHashCode(), Neutral.GetHashCode(), Negative.GetHashCode(), SumMicros.GetHashCode());

    /// <summary>Returns the three counts and the mean.</summary>
    public override string ToString() => FormattableString.Invariant($"+{Positive} ={Neutral} -{Negative} mean {Mean:0.###}");
}
