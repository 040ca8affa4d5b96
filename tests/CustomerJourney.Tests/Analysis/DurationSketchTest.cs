using System;
using System.Linq;
using CustomerJourney.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Analysis;

public class DurationSketchTest
{
    [Property]
    public bool Quantile_IsWithinRelativeErrorOfExactLowerQuantile(NonEmptyArray<int> raw, byte percent)
    {
        // Durations from 0 to about 2 days, ticks spread over many orders of magnitude.
        var ticks = raw.Get.Select(x => (long)(x & 0x7FFFFFFF) * (1 + ((x & 0xF) * 1000L))).ToArray();
        var sketch = DurationSketch.Create(ticks.Select(t => TimeSpan.FromTicks(t)));
        var sorted = ticks.OrderBy(t => t).ToArray();
        var q = (percent % 101) / 100.0;
        var exact = sorted[(int)Math.Floor(q * (sorted.Length - 1))] / (double)TimeSpan.TicksPerSecond;
        var estimate = sketch.Quantile(q);
        return Math.Abs(estimate - exact) <= (0.01 * exact) + 1e-12;
    }

    [Property]
    public bool CountSumMinMax_AreExact(NonEmptyArray<int> raw)
    {
        var ticks = raw.Get.Select(x => (long)(x & 0x7FFFFFFF) * 997L).ToArray();
        var sketch = DurationSketch.Create(ticks.Select(t => TimeSpan.FromTicks(t)));
        return sketch.Count == ticks.Length
            && sketch.Sum == (double)(ticks.Sum(t => (decimal)t) / TimeSpan.TicksPerSecond)
            && sketch.Min == ticks.Min() / (double)TimeSpan.TicksPerSecond
            && sketch.Max == ticks.Max() / (double)TimeSpan.TicksPerSecond;
    }

    [Property]
    public bool Merge_EqualsSketchOfTheUnion(int[] a, int[] b)
    {
        TimeSpan[] Durations(int[] x) => x.Select(v => TimeSpan.FromMilliseconds(v & 0xFFFFFF)).ToArray();
        var merged = DurationSketch.Merge(DurationSketch.Create(Durations(a)), DurationSketch.Create(Durations(b)));
        return merged.Equals(DurationSketch.Create(Durations(a).Concat(Durations(b))))
            && merged.Equals(DurationSketch.Merge(DurationSketch.Create(Durations(b)), DurationSketch.Create(Durations(a))));
    }

    [Fact]
    public void Quantile_OfEmpty_IsNaN_AndOutOfRangeThrows()
    {
        var empty = DurationSketch.Create(Array.Empty<TimeSpan>());
        Assert.True(double.IsNaN(empty.Quantile(0.5)));
        Assert.True(double.IsNaN(empty.Mean));
        Assert.Throws<ArgumentOutOfRangeException>(() => empty.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationSketch.Create(new[] { TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void Zeros_HaveTheirOwnBucket()
    {
        var sketch = DurationSketch.Create(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(10) });
        Assert.Equal(0.0, sketch.Quantile(0.5));
        Assert.Equal(10.0, sketch.Quantile(1.0));
        Assert.Equal(2.5, sketch.Mean);
    }

    [Fact]
    public void Merge_OfDifferentAccuracies_Throws() =>
        Assert.Throws<ArgumentException>(() => DurationSketch.Merge(
            DurationSketch.Create(new[] { TimeSpan.FromSeconds(1) }, 0.01), DurationSketch.Create(new[] { TimeSpan.FromSeconds(1) }, 0.02)));
}
