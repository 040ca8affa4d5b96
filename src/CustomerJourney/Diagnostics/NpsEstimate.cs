using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>A Net Promoter Score with its margin of error, so two scores are not compared on noise.</summary>
/// <remarks>
/// Score = 100 × (promoters − detractors) / answers. Each answer scores +1, 0 or −1; with p and d the promoter and
/// detractor shares, its variance is p + d − (p − d)², and the interval is score ± 100 × z × √(variance / answers) at the
/// report's confidence, clamped to [−100, 100]. Immutable; safe to share across threads.
/// </remarks>
public sealed class NpsEstimate : IEquatable<NpsEstimate>
{
    internal NpsEstimate(long answers, long promoters, long detractors, double score, double low, double high)
    {
        Answers = answers;
        Promoters = promoters;
        Detractors = detractors;
        Score = score;
        Low = low;
        High = high;
    }

    /// <summary>How many answers (0 to 10) the score rests on; at least 1.</summary>
    public long Answers { get; }

    /// <summary>Answers of 9 or 10.</summary>
    public long Promoters { get; }

    /// <summary>Answers of 0 to 6.</summary>
    public long Detractors { get; }

    /// <summary>The score, in [−100, 100].</summary>
    public double Score { get; }

    /// <summary>Lower bound of the interval, at least −100.</summary>
    public double Low { get; }

    /// <summary>Upper bound of the interval, at most 100.</summary>
    public double High { get; }

    /// <inheritdoc/>
    public bool Equals(NpsEstimate? other) =>
        other is not null && Answers == other.Answers && Promoters == other.Promoters && Detractors == other.Detractors
        && Score.Equals(other.Score) && Low.Equals(other.Low) && High.Equals(other.High);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NpsEstimate);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Answers.GetHashCode(), Promoters.GetHashCode(), Detractors.GetHashCode());

    /// <summary>Returns the score, interval and answers.</summary>
    public override string ToString() => FormattableString.Invariant($"NPS {Score:0.#} [{Low:0.#}, {High:0.#}] ({Answers} answers)");

    internal static NpsEstimate? From(Analysis.NpsHistogram histogram, double z)
    {
        var n = histogram.Total;
        if (n == 0)
        {
            return null;
        }

        var p = (double)histogram.Promoters / n;
        var d = (double)histogram.Detractors / n;
        var score = 100.0 * (p - d);
        var variance = Math.Max(0.0, p + d - ((p - d) * (p - d)));
        var margin = 100.0 * z * Math.Sqrt(variance / n);
        return new NpsEstimate(n, histogram.Promoters, histogram.Detractors, score, Math.Max(-100.0, score - margin), Math.Min(100.0, score + margin));
    }
}
