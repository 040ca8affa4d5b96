using System;
using System.Collections.Generic;
using System.Linq;
using CustomerJourney.Analysis;

namespace CustomerJourney.Tests.Analysis;

/// <summary>
/// The compact variant store (<see cref="VariantSet"/>) against a reference: every variant, exactly counted, sorted by count
/// descending then path ordinally (shorter first on a common prefix), however many names and however long the shared prefixes.
/// </summary>
public class VariantOrderTest
{
    [Theory]
    [InlineData(3, 4, 200, 1)]
    [InlineData(50, 18, 5_000, 2)]
    [InlineData(2, 70, 3_000, 3)] // long paths over two names: many keys equal on their first packed steps
    [InlineData(3_000, 12, 5_000, 4)] // many names: few steps per packed key
    [InlineData(5, 3, 2_000, 5)] // few distinct paths: large counts
    public void Variants_AreSortedByCountThenPath_AsTheReference(int names, int maxLength, int journeys, int seed)
    {
        var rng = new Random(seed);
        var pool = Enumerable.Range(0, names).Select(i => "n" + ((i * 7919) % names).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToArray();
        var expected = new Dictionary<string, (string[] Path, long Count)>(StringComparer.Ordinal);
        var builder = new StatisticsBuilder(StatisticsContext.From(null, AnalyzerOptions.Default));
        for (var j = 0; j < journeys; j++)
        {
            var length = rng.Next(0, maxLength + 1);
            var path = new string[length];
            for (var i = 0; i < length; i++)
            {
                path[i] = pool[rng.Next(Math.Min(pool.Length, 2 + (j % 5 == 0 ? pool.Length : 1)))];
            }

            var count = rng.Next(1, 4);
            builder.AddVariant(path, count);
            var key = string.Join("\u001f", path) + "|" + length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            expected[key] = expected.TryGetValue(key, out var e) ? (path, e.Count + count) : (path, count);
        }

        var reference = expected.Values.ToList();
        reference.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : ComparePaths(a.Path, b.Path));
        var stats = builder.Build();
        Assert.Equal(reference.Select(r => (string.Join(",", r.Path), r.Count)), stats.Variants.Select(v => (string.Join(",", v.Path), v.Count)));
        Assert.Equal(reference.Count, stats.Variants.Count);

        var top = stats.TopVariants(3);
        Assert.Equal(stats.Variants.Take(3), top.Variants);
        Assert.Equal(reference.Skip(3).Sum(r => r.Count), top.OtherJourneys);
        Assert.Equal(Math.Max(0, reference.Count - 3), top.OtherVariants);
    }

    [Fact]
    public void Merge_OfStatisticsWithDifferentNames_KeepsExactCountsAndOrder()
    {
        var context = StatisticsContext.From(null, AnalyzerOptions.Default);
        var a = new StatisticsBuilder(context);
        a.AddVariant(["b", "a"], 2);
        a.AddVariant(["c"], 1);
        var b = new StatisticsBuilder(context);
        b.AddVariant(["a@x", "b"], 2);
        b.AddVariant(["c"], 2);
        b.AddVariant(["b", "a"], 1);
        var merged = JourneyStatistics.Merge(a.Build(), b.Build());
        Assert.Equal(["b,a x3", "c x3", "a@x,b x2"], merged.Variants.Select(v => string.Join(",", v.Path) + " x" + v.Count));

        var again = new StatisticsBuilder(context);
        again.AddVariant(["c"], 3);
        again.AddVariant(["a@x", "b"], 2);
        again.AddVariant(["b", "a"], 3);
        Assert.Equal(merged, again.Build());
    }

    private static int ComparePaths(string[] x, string[] y)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
