using System;
using System.Collections.Generic;
using CustomerJourney.Analysis;

namespace CustomerJourney.Tests.Analysis;

/// <summary>
/// The worker's variant table (<see cref="VariantTable"/>): exact counts and stable ids however it grows, and a table sized by
/// the variants met rather than by the journeys expected.
/// </summary>
public class VariantTableTest
{
    [Theory]
    [InlineData(200_000, 200_000, 1)] // about one variant per journey: the projection sizes the table early
    [InlineData(200_000, 5_000, 2)] // many journeys per variant: the early projection is far too high, the cap holds it
    [InlineData(50_000, 40, 3)] // few variants: the table never grows
    [InlineData(3_000, 3_000, 4)] // fewer journeys than expected: the projection overshoots, counts must not care
    public void Add_CountsEveryVariantExactly_AsItGrows(int journeys, int distinct, int seed)
    {
        var rng = new Random(seed);
        var paths = new int[distinct][];
        for (var v = 0; v < distinct; v++)
        {
            // The variant's number in base 7, then a random tail: distinct by construction.
            var path = new List<int>();
            for (var n = v; n > 0 || path.Count == 0; n /= 7)
            {
                path.Add(n % 7);
            }

            path.Add(7);
            for (var tail = rng.Next(0, 6); tail > 0; tail--)
            {
                path.Add(rng.Next(0, 8));
            }

            paths[v] = path.ToArray();
        }

        var table = new VariantTable();
        table.Expect(journeys * 4 / 3);
        var expected = new long[distinct];
        var firstSeen = new List<int>();
        for (var j = 0; j < journeys; j++)
        {
            var v = j < distinct ? j : rng.Next(distinct);
            if (expected[v]++ == 0)
            {
                firstSeen.Add(v);
            }

            table.Add(paths[v], 0, paths[v].Length, 1);
        }

        Assert.Equal(firstSeen.Count, table.Count);
        for (var id = 0; id < table.Count; id++)
        {
            var v = firstSeen[id]; // ids are given in order of first sight and kept through rehashes
            Assert.Equal(paths[v], table.Buffer.AsSpan(table.Offset(id), table.Length(id)).ToArray());
            Assert.Equal(expected[v], table.CountOf(id));
        }
    }

    [Fact]
    public void Expect_ManyJourneysOfFewVariants_AllocatesForTheVariantsOnly()
    {
        var paths = new int[18][];
        for (var v = 0; v < paths.Length; v++)
        {
            paths[v] = new int[2 + (v / 2)];
            paths[v][0] = v % 2;
        }

        // The smaller of two measurements, each on a new table: the per-thread counter now and then over-counts by a few
        // kilobytes when a collection (another test's, in a parallel run) lands inside the window (dotnet/runtime#63487);
        // it did once in about ten full runs here (5,216 bytes).
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var table = new VariantTable();
            var before = GC.GetAllocatedBytesForCurrentThread();
            table.Expect(1_000_000);
            for (var j = 0; j < 1_000_000; j++)
            {
                var path = paths[j % paths.Length];
                table.Add(path, 0, path.Length, 1);
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(18, table.Count);
        }

        Assert.True(allocated < 1024, $"{allocated} bytes allocated for 18 variants of a million journeys"); // a table per journey would be 16 MB
    }
}
