using System;
using System.Runtime.CompilerServices;

namespace CustomerJourney.Analysis;

/// <summary>
/// The mutable side of <see cref="DurationSketch"/>: dense log buckets over a growing index range, so that adding a value
/// is a logarithm, a subtraction and an increment. Used by the analyzer's hot loop and to merge immutable sketches.
/// </summary>
/// <remarks>Not thread-safe. Allocates only when the index range grows (a few times per sketch at most).</remarks>
internal sealed class SketchBuilder
{
    private readonly double _lnGamma;
    private long[] _counts = Array.Empty<long>();
    private int _offset; // bucket index of _counts[0]
    private long _sumLow; // exact sum in ticks, split so that it cannot overflow
    private decimal _sumHigh;

    public SketchBuilder(double relativeAccuracy)
    {
        RelativeAccuracy = relativeAccuracy;
        _lnGamma = DurationSketch.LnGamma(relativeAccuracy);
    }

    public double RelativeAccuracy { get; }

    /// <summary>The sketch's number in the <see cref="EdgeTable"/> that made it (its buckets wait there under it); 0 otherwise.</summary>
    public int Id { get; init; }

    public long Count { get; private set; }

    public long ZeroCount { get; private set; }

    public long MinTicks { get; private set; } = long.MaxValue;

    public long MaxTicks { get; private set; } = long.MinValue;

    /// <summary>Adds a duration in ticks (never negative: journeys are sorted by time).</summary>
    public void Add(long ticks) => Add(ticks, ticks == 0 ? 0 : DurationSketch.IndexOf(ticks, _lnGamma));

    /// <summary>
    /// Adds a duration whose bucket the caller computed once, as <see cref="DurationSketch.IndexOf"/> with
    /// <see cref="DurationSketch.LnGamma"/> of this builder's accuracy, to feed several builders (ignored for 0 ticks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long ticks, int index)
    {
        AddUnbucketed(ticks);
        if (ticks != 0)
        {
            AddBucket(index);
        }
    }

    /// <summary>
    /// Counts a duration in everything but its bucket: the count, zeros, minimum, maximum and sum. The caller adds its bucket
    /// (<see cref="AddBucket"/>) later, when it is cheaper (<see cref="EdgeTable"/> adds them edge by edge).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddUnbucketed(long ticks)
    {
        Count++;
        if (ticks < MinTicks)
        {
            MinTicks = ticks;
        }

        if (ticks > MaxTicks)
        {
            MaxTicks = ticks;
        }

        if (_sumLow > long.MaxValue - ticks)
        {
            _sumHigh += _sumLow;
            _sumLow = 0;
        }

        _sumLow += ticks;
        if (ticks == 0)
        {
            ZeroCount++;
        }
    }

    /// <summary>Adds one to the bucket of a positive duration (see <see cref="AddUnbucketed"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddBucket(int index)
    {
        var at = index - _offset;
        if (at < 0 || at >= _counts.Length)
        {
            at = Reserve(index);
        }

        _counts[at]++;
    }

    /// <summary>Adds every bucket of an immutable sketch of the same accuracy.</summary>
    public void Add(DurationSketch sketch)
    {
        if (sketch.RelativeAccuracy != RelativeAccuracy)
        {
            throw new ArgumentException(
                $"Cannot merge a sketch of relative accuracy {sketch.RelativeAccuracy} into one of {RelativeAccuracy}.", nameof(sketch));
        }

        if (sketch.Count == 0)
        {
            return;
        }

        Count += sketch.Count;
        ZeroCount += sketch.ZeroCount;
        MinTicks = Math.Min(MinTicks, sketch.MinTicks);
        MaxTicks = Math.Max(MaxTicks, sketch.MaxTicks);
        _sumHigh += sketch.SumTicks;
        var indexes = sketch.BucketIndexes;
        var counts = sketch.BucketCounts;
        for (var i = 0; i < indexes.Length; i++)
        {
            var at = indexes[i] - _offset;
            if (at < 0 || at >= _counts.Length)
            {
                at = Reserve(indexes[i]);
            }

            _counts[at] += counts[i];
        }
    }

    /// <summary>Adds another builder of the same accuracy.</summary>
    public void Add(SketchBuilder other)
    {
        if (other.Count == 0)
        {
            return;
        }

        Count += other.Count;
        ZeroCount += other.ZeroCount;
        MinTicks = Math.Min(MinTicks, other.MinTicks);
        MaxTicks = Math.Max(MaxTicks, other.MaxTicks);
        _sumHigh += other._sumHigh + other._sumLow;
        for (var i = 0; i < other._counts.Length; i++)
        {
            if (other._counts[i] == 0)
            {
                continue;
            }

            var index = other._offset + i;
            var at = index - _offset;
            if (at < 0 || at >= _counts.Length)
            {
                at = Reserve(index);
            }

            _counts[at] += other._counts[i];
        }
    }

    public DurationSketch Build()
    {
        var n = 0;
        foreach (var c in _counts)
        {
            if (c != 0)
            {
                n++;
            }
        }

        var indexes = new int[n];
        var counts = new long[n];
        n = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                indexes[n] = _offset + i;
                counts[n] = _counts[i];
                n++;
            }
        }

        return Count == 0
            ? DurationSketch.Empty(RelativeAccuracy)
            : new DurationSketch(RelativeAccuracy, Count, ZeroCount, _sumHigh + _sumLow, MinTicks, MaxTicks, indexes, counts);
    }

    /// <summary>Grows the dense range to hold <paramref name="index"/>; returns its position.</summary>
    private int Reserve(int index)
    {
        if (_counts.Length == 0)
        {
            _counts = new long[16];
            _offset = index - 8;
            return index - _offset;
        }

        var low = Math.Min(_offset, index);
        var high = Math.Max(_offset + _counts.Length - 1, index);
        var size = Math.Max(high - low + 1, _counts.Length * 2);
        // Grow towards the side that needed it, keeping a margin there for the next values.
        var newOffset = index < _offset ? high - size + 1 : low;
        var grown = new long[size];
        Array.Copy(_counts, 0, grown, _offset - newOffset, _counts.Length);
        _counts = grown;
        _offset = newOffset;
        return index - _offset;
    }
}
