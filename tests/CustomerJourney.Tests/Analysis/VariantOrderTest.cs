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

    [Theory]
    [InlineData(2, 2, 1)] // two workers' partitions merged, the long run of single journeys sorted in two chunks
    [InlineData(3, 3, 2)] // three chunks: one merged pairwise, then with the third
    [InlineData(4, 2, 3)] // more partitions than threads
    [InlineData(2, 1, 4)] // partitions, but one thread
    public void PartitionedVariants_MergedAndSortedInParallel_AreTheReferenceOrder(int partitions, int parallelism, int seed)
    {
        // Enough distinct variants of count 1 for the parallel sort (VariantSet.ParallelSortRun), half of them sharing their
        // first 22 steps: with 6 names a sort key packs 21 steps, so those tie on the first key and need refining after the merge.
        var rng = new Random(seed);
        var names = Enumerable.Range(0, 6).Select(i => "s" + (5 - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var prefix = Enumerable.Range(0, 22).Select(_ => rng.Next(names.Length)).ToArray();
        var workers = new[] { new VariantPartitions(partitions), new VariantPartitions(partitions) };
        var expected = new Dictionary<string, (string[] Path, long Count)>(StringComparer.Ordinal);
        var journeys = (VariantSet.ParallelSortRun * 2) + 1000;
        for (var j = 0; j < journeys; j++)
        {
            var length = rng.Next(1, 31);
            var path = new int[length];
            for (var i = 0; i < length; i++)
            {
                path[i] = j % 2 == 0 && length > prefix.Length && i < prefix.Length ? prefix[i] : rng.Next(names.Length);
            }

            if (j % 50 == 0)
            {
                path = [j % 3, 1]; // a few variants counted many times, in both workers
            }

            workers[j % 2].Add(path, 0, path.Length, 1);
            var named = path.Select(id => names[id]).ToArray();
            var key = string.Join(",", named) + "|" + named.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            expected[key] = expected.TryGetValue(key, out var e) ? (named, e.Count + 1) : (named, 1);
        }

        var builder = new StatisticsBuilder(StatisticsContext.From(null, AnalyzerOptions.Default));
        builder.AddVariants(workers[0], names);
        builder.AddVariants(workers[1], names);
        var stats = builder.Build(parallelism);

        var reference = expected.Values.ToList();
        reference.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : ComparePaths(a.Path, b.Path));
        Assert.True(reference.Count(r => r.Count == 1) >= VariantSet.ParallelSortRun, "the long run must reach the parallel sort");
        Assert.Equal(reference.Select(r => (string.Join(",", r.Path), r.Count)), stats.Variants.Select(v => (string.Join(",", v.Path), v.Count)));
    }

    [Fact]
    public void PartitionedVariants_OfThreeWorkers_CountEachPathOnce()
    {
        // "y" is in the second and third workers only: the third must count it in the second, not keep a copy of its own.
        var names = new[] { "x", "y", "z" };
        var workers = new[] { new VariantPartitions(2), new VariantPartitions(2), new VariantPartitions(2) };
        workers[0].Add([0], 0, 1, 1);
        workers[1].Add([1], 0, 1, 2);
        workers[1].Add([0], 0, 1, 3);
        workers[2].Add([1], 0, 1, 4);
        workers[2].Add([0], 0, 1, 5);
        workers[2].Add([2, 0], 0, 2, 6);
        var builder = new StatisticsBuilder(StatisticsContext.From(null, AnalyzerOptions.Default));
        foreach (var worker in workers)
        {
            builder.AddVariants(worker, names);
        }

        var stats = builder.Build(2);
        Assert.Equal(["x x9", "y x6", "z,x x6"], stats.Variants.Select(v => string.Join(",", v.Path) + " x" + v.Count));
        Assert.Equal(21, stats.Variants.Sum(v => v.Count));
    }

    [Fact]
    public void PartitionedVariants_WithOtherNamesOrPartitions_AreAddedOneByOne()
    {
        var a = new VariantPartitions(2);
        a.Add([0, 1], 0, 2, 1);
        a.Add([1], 0, 1, 2);
        var b = new VariantPartitions(2); // other names: its ids must be translated, so it cannot be merged partition by partition
        b.Add([0, 1], 0, 2, 4); // "y,x"
        var c = new VariantPartitions(3); // same names, but not as many partitions
        c.Add([1], 0, 1, 5);
        var builder = new StatisticsBuilder(StatisticsContext.From(null, AnalyzerOptions.Default));
        builder.AddVariants(a, ["x", "y"]);
        builder.AddVariants(b, ["y", "x"]);
        builder.AddVariants(c, ["x", "y"]);
        var stats = builder.Build(2);
        Assert.Equal(["y x7", "y,x x4", "x,y x1"], stats.Variants.Select(v => string.Join(",", v.Path) + " x" + v.Count));
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
