using System;
using System.Collections.Generic;
using CustomerJourney.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Analysis;

/// <summary>
/// The edge table counts a duration's bucket later than the rest of it, in batches sorted by edge: every edge's sketch must
/// come out as if each duration had been added to it at once.
/// </summary>
public class EdgeTableTest
{
    private const double Accuracy = 0.01;

    [Property(MaxTest = 60)]
    public Property AnyTransitions_GiveTheSketchesOfAddingEachAtOnce() =>
        Prop.ForAll(
            (from slots in Gen.Elements(3, 40, 300) // 300 slots: the hashed table (over MaxDenseCells)
             from edges in Gen.Choose(1, 3 * EdgeTable.MaxDeferredEdges / 2) // past the most edges deferred, sometimes
             from count in Gen.Choose(0, 3 * EdgeTable.PendingCapacity) // several batches
             from seed in Gen.Choose(0, int.MaxValue)
             select (slots, edges, count, seed)).ToArbitrary(),
            c =>
            {
                var random = new Random(c.seed);
                var lnGamma = DurationSketch.LnGamma(Accuracy);
                var table = new EdgeTable(Accuracy, c.slots);
                var expected = new Dictionary<(int, int), SketchBuilder>();
                var pairs = new (int From, int To)[Math.Min(c.edges, c.slots * c.slots)];
                for (var i = 0; i < pairs.Length; i++)
                {
                    pairs[i] = (random.Next(c.slots), random.Next(c.slots));
                }

                for (var i = 0; i < c.count; i++)
                {
                    var (from, to) = pairs[random.Next(pairs.Length)];
                    long ticks = random.Next(10) == 0 ? 0 : (long)Math.Exp(random.NextDouble() * 40); // zeros, and 1 tick to centuries
                    var bucket = ticks == 0 ? 0 : DurationSketch.IndexOf(ticks, lnGamma);
                    table.Add(from, to, ticks, bucket);
                    if (!expected.TryGetValue((from, to), out var sketch))
                    {
                        expected[(from, to)] = sketch = new SketchBuilder(Accuracy);
                    }

                    sketch.Add(ticks, bucket);
                }

                var seen = 0;
                var same = true;
                table.ForEach((from, to, sketch) =>
                {
                    seen++;
                    // DurationSketch equality compares every bucket's index and count, as well as the count, zeros, min, max and sum.
                    same &= expected.TryGetValue((from, to), out var reference) && reference.Build().Equals(sketch.Build());
                });

                return (same && seen == expected.Count && table.Count == expected.Count).Label($"{c}: {seen} edges seen, {expected.Count} expected");
            });
}
