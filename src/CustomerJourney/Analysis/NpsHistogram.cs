using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// Answers to "would you recommend us" (0–10), counted per score, with the Net Promoter Score they give: the supreme
/// criterion of the seeds, whether customers will come back and recommend.
/// </summary>
/// <remarks>
/// Promoters answer 9–10, passives 7–8, detractors 0–6; NPS = 100 × (promoters − detractors) / answers, in [−100, 100].
/// Immutable; safe to share across threads.
/// </remarks>
public sealed class NpsHistogram : IEquatable<NpsHistogram>
{
    private readonly long[] _counts;

    internal NpsHistogram(long[] counts)
    {
        _counts = counts;
        Counts = new ReadOnlyCollection<long>(counts);
        long total = 0;
        foreach (var c in counts)
        {
            total = checked(total + c);
        }

        Total = total;
    }

    /// <summary>An empty histogram.</summary>
    public static NpsHistogram Empty { get; } = new(new long[11]);

    /// <summary>The number of answers of each score: <c>Counts[s]</c> for score s in 0–10 (11 entries).</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>How many answers.</summary>
    public long Total { get; }

    /// <summary>Answers 9 or 10.</summary>
    public long Promoters => _counts[9] + _counts[10];

    /// <summary>Answers 7 or 8.</summary>
    public long Passives => _counts[7] + _counts[8];

    /// <summary>Answers 0 to 6.</summary>
    public long Detractors => Total - Promoters - Passives;

    /// <summary>The Net Promoter Score, in [−100, 100]; NaN when there is no answer.</summary>
    public double Score => Total == 0 ? double.NaN : 100.0 * (Promoters - Detractors) / Total;

    internal long[] RawCounts => _counts;

    /// <inheritdoc/>
    public bool Equals(NpsHistogram? other)
    {
        if (other is null)
        {
            return false;
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != other._counts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NpsHistogram);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Total.GetHashCode(), Promoters.GetHashCode(), Detractors.GetHashCode());

    /// <summary>Returns the score and the number of answers.</summary>
    public override string ToString() => FormattableString.Invariant($"NPS {Score:0.#} ({Total} answers)");
}
