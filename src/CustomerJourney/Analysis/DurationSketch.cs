using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// A mergeable summary of durations that answers quantiles (median, p90…) within a bounded relative error, so that
/// statistics computed on separate partitions, cores or machines add up without keeping every duration.
/// </summary>
/// <remarks>
/// <para>
/// DDSketch-style logarithmic buckets: a duration <c>x</c> seconds falls in bucket <c>ceil(log(x) / log(γ))</c> with
/// <c>γ = (1 + α) / (1 − α)</c>, α the <see cref="RelativeAccuracy"/> (1 % by default); durations of zero have their own
/// bucket. <see cref="Quantile"/> returns a value within α of the exact lower quantile (relative to it).
/// <see cref="Count"/>, <see cref="Sum"/>, <see cref="Min"/> and <see cref="Max"/> are exact: the sum is kept in
/// ticks (100 ns) without rounding.
/// </para>
/// <para>
/// Merging is a bucket-wise sum, hence exactly associative and commutative. Memory: one entry per non-empty bucket; at 1 %
/// from one tick to ten thousand years that is at most about 2,100 buckets.
/// </para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class DurationSketch : IEquatable<DurationSketch>
{
    /// <summary>The default relative accuracy: 1 %.</summary>
    public const double DefaultRelativeAccuracy = 0.01;

    private const double TicksPerSecond = TimeSpan.TicksPerSecond;
    private static readonly double s_lnTicksPerSecond = Math.Log(TicksPerSecond);

    internal DurationSketch(double relativeAccuracy, long count, long zeroCount, decimal sumTicks, long minTicks, long maxTicks, int[] bucketIndexes, long[] bucketCounts)
    {
        RelativeAccuracy = relativeAccuracy;
        Count = count;
        ZeroCount = zeroCount;
        SumTicks = sumTicks;
        MinTicks = minTicks;
        MaxTicks = maxTicks;
        BucketIndexes = bucketIndexes;
        BucketCounts = bucketCounts;
    }

    /// <summary>The bound on the relative error of <see cref="Quantile"/>, in (0, 0.5).</summary>
    public double RelativeAccuracy { get; }

    /// <summary>How many durations were added.</summary>
    public long Count { get; }

    /// <summary>The sum of the durations, in seconds; 0 when empty.</summary>
    public double Sum => (double)(SumTicks / (decimal)TimeSpan.TicksPerSecond);

    /// <summary>The shortest duration, in seconds; NaN when empty.</summary>
    public double Min => Count == 0 ? double.NaN : MinTicks / TicksPerSecond;

    /// <summary>The longest duration, in seconds; NaN when empty.</summary>
    public double Max => Count == 0 ? double.NaN : MaxTicks / TicksPerSecond;

    /// <summary>The mean duration, in seconds (exact sum over exact count); NaN when empty.</summary>
    public double Mean => Count == 0 ? double.NaN : (double)(SumTicks / Count / (decimal)TimeSpan.TicksPerSecond);

    /// <summary>Durations of exactly zero (ties), which have their own bucket.</summary>
    internal long ZeroCount { get; }

    /// <summary>Exact sum in ticks.</summary>
    internal decimal SumTicks { get; }

    internal long MinTicks { get; }

    internal long MaxTicks { get; }

    /// <summary>Bucket indexes, ascending; the zero bucket is not among them.</summary>
    internal int[] BucketIndexes { get; }

    /// <summary>Bucket counts, parallel to <see cref="BucketIndexes"/>, all positive.</summary>
    internal long[] BucketCounts { get; }

    /// <summary>The duration below which a fraction <paramref name="q"/> of the durations fall.</summary>
    /// <param name="q">The quantile, in [0, 1]: 0.5 for the median, 0.9 for p90.</param>
    /// <returns>
    /// Seconds: within <see cref="RelativeAccuracy"/> of the exact lower quantile, the element of rank <c>floor(q × (Count − 1))</c>
    /// in ascending order; exactly <see cref="Min"/> for 0 and <see cref="Max"/> for 1; NaN when empty.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1] or not a number.</exception>
    public double Quantile(double q)
    {
        if (!(q >= 0.0 && q <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The quantile must be within [0, 1].");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Floor(q * (Count - 1));
        if (rank == 0)
        {
            return Min;
        }

        if (rank == Count - 1)
        {
            return Max;
        }

        if (rank < ZeroCount)
        {
            return 0.0;
        }

        var seen = ZeroCount;
        var gamma = Math.Exp(LnGamma(RelativeAccuracy));
        for (var i = 0; i < BucketIndexes.Length; i++)
        {
            seen += BucketCounts[i];
            if (seen > rank)
            {
                var value = 2.0 * Math.Pow(gamma, BucketIndexes[i]) / (gamma + 1.0);
                return Math.Max(Min, Math.Min(Max, value));
            }
        }

        return Max;
    }

    /// <summary>Adds two sketches: the result summarizes both sets of durations.</summary>
    /// <param name="a">A sketch.</param>
    /// <param name="b">Another sketch of the same <see cref="RelativeAccuracy"/>.</param>
    /// <returns>A new sketch; exactly associative and commutative.</returns>
    /// <exception cref="ArgumentNullException">A sketch is null.</exception>
    /// <exception cref="ArgumentException">The relative accuracies differ.</exception>
    public static DurationSketch Merge(DurationSketch a, DurationSketch b)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        var builder = new SketchBuilder(a.RelativeAccuracy);
        builder.Add(a);
        builder.Add(b);
        return builder.Build();
    }

    /// <summary>Summarizes durations; for tests, tools and callers who have a handful of durations at hand.</summary>
    /// <param name="durations">The durations; none may be negative.</param>
    /// <param name="relativeAccuracy">The relative accuracy α, in (0, 0.5); 1 % by default.</param>
    /// <returns>A new sketch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="durations"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, or <paramref name="relativeAccuracy"/> is outside (0, 0.5).</exception>
    public static DurationSketch Create(System.Collections.Generic.IEnumerable<TimeSpan> durations, double relativeAccuracy = DefaultRelativeAccuracy)
    {
        Guard.NotNull(durations);
        var builder = new SketchBuilder(ValidateAccuracy(relativeAccuracy, nameof(relativeAccuracy)));
        foreach (var d in durations)
        {
            if (d.Ticks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(durations), d, "Durations must not be negative.");
            }

            builder.Add(d.Ticks);
        }

        return builder.Build();
    }

    /// <inheritdoc/>
    public bool Equals(DurationSketch? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (RelativeAccuracy.Equals(other.RelativeAccuracy) && Count == other.Count && ZeroCount == other.ZeroCount
         && SumTicks == other.SumTicks && MinTicks == other.MinTicks && MaxTicks == other.MaxTicks
         && ArrayEquals(BucketIndexes, other.BucketIndexes) && ArrayEquals(BucketCounts, other.BucketCounts)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DurationSketch);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Count.GetHashCode(), SumTicks.GetHashCode(), MinTicks.GetHashCode(), MaxTicks.GetHashCode());

    /// <summary>Returns the count, median and p90 in seconds.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "n={0} median={1:G6}s p90={2:G6}s", Count, Quantile(0.5), Quantile(0.9));

    internal static DurationSketch Empty(double relativeAccuracy) =>
        new(relativeAccuracy, 0, 0, 0m, 0, 0, Array.Empty<int>(), Array.Empty<long>());

    internal static double LnGamma(double relativeAccuracy) => Math.Log((1.0 + relativeAccuracy) / (1.0 - relativeAccuracy));

    /// <summary>The bucket of a positive duration in ticks. The one formula every builder uses, so merges line up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexOf(long ticks, double lnGamma) =>
        (int)Math.Ceiling((Math.Log(ticks) - s_lnTicksPerSecond) / lnGamma);

    internal static double ValidateAccuracy(double value, string name) =>
        value > 0.0 && value < 0.5 ? value : throw new ArgumentOutOfRangeException(name, value, "The relative accuracy must be within (0, 0.5).");

    private static bool ArrayEquals<T>(T[] a, T[] b)
        where T : IEquatable<T>
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
