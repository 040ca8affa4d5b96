using System;
using System.Collections.Generic;

namespace CustomerJourney.Analysis;

/// <summary>
/// Path variants split over independent <see cref="VariantTable"/>s by the high bits of their hash, so that a path can only
/// be in the same partition of every worker: the workers' variants are combined partition by partition, each on its own
/// thread (<see cref="Combine"/>). A log of a million distinct journeys has a million variants, and merging and sorting
/// them on one thread was a third of the analysis on two cores.
/// </summary>
/// <remarks>Not thread-safe; distinct partitions may be written by distinct threads.</remarks>
internal sealed class VariantPartitions
{
    /// <summary>The most partitions: more would only make more, smaller tables.</summary>
    private const int MaxPartitions = 64;

    public VariantPartitions(int partitions)
    {
        var count = Math.Max(1, Math.Min(partitions, MaxPartitions));
        Parts = new VariantTable[count];
        for (var p = 0; p < count; p++)
        {
            Parts[p] = new VariantTable();
        }
    }

    /// <summary>The partitions: a path is in <c>Parts[PartOf(VariantTable.HashOf(path), Parts.Length)]</c>.</summary>
    public VariantTable[] Parts { get; }

    /// <summary>Expects <paramref name="adds"/> more calls to <see cref="Add"/>, spread evenly over the partitions by the hash.</summary>
    public void Expect(int adds)
    {
        foreach (var part in Parts)
        {
            part.Expect((adds / Parts.Length) + 1);
        }
    }

    /// <summary>
    /// Makes room for about <paramref name="variants"/> more variants of <paramref name="steps"/> steps in all, spread evenly
    /// over the partitions by the hash (exactly, with one partition): a builder about to add finished statistics.
    /// </summary>
    public void ReserveMore(int variants, int steps)
    {
        foreach (var part in Parts)
        {
            part.ReserveMore((variants / Parts.Length) + 1, (steps / Parts.Length) + 1);
        }
    }

    /// <summary>Counts <paramref name="count"/> more journeys of the path <c>sequence[start..start+length)</c>.</summary>
    public void Add(int[] sequence, int start, int length, long count)
    {
        var hash = VariantTable.HashOf(sequence, start, length);
        Parts[PartOf(hash, Parts.Length)].Add(sequence, start, length, count, hash);
    }

    /// <summary>
    /// Counts each variant of later sets in the first set that has it, partition by partition in parallel, and drops it from
    /// the later one (<see cref="VariantTable.Drop"/>): a lookup per variant, where adding the later sets' variants to the
    /// first would copy their steps into tables grown for them. The sets must have the same ids (same names, same order)
    /// and as many partitions; none is added to afterwards.
    /// </summary>
    public static void Combine(IReadOnlyList<VariantPartitions> sets, int parallelism)
    {
        var partitions = sets[0].Parts.Length;
        foreach (var set in sets)
        {
            if (set.Parts.Length != partitions)
            {
                throw new ArgumentException("The variants are not split into as many partitions.", nameof(sets));
            }
        }

        JourneyOrdering.ForEachItem(partitions, parallelism, p =>
        {
            for (var w = 1; w < sets.Count; w++)
            {
                var table = sets[w].Parts[p];
                var buffer = table.Buffer;
                for (var v = 0; v < table.Count; v++)
                {
                    var offset = table.Offset(v);
                    var length = table.Length(v);
                    var hash = VariantTable.HashOf(buffer, offset, length);
                    // The earliest set that has the path has it counted: a later one that has it too dropped it already.
                    for (var u = 0; u < w; u++)
                    {
                        var earlier = sets[u].Parts[p];
                        var id = earlier.Find(buffer, offset, length, hash);
                        if (id >= 0)
                        {
                            earlier.AddCount(id, table.CountOf(v));
                            table.Drop(v);
                            break;
                        }
                    }
                }
            }
        });
    }

    /// <summary>The partition of a (non-negative) hash: its high bits, as the tables place entries by the low ones.</summary>
    private static int PartOf(int hash, int partitions) => (int)(((ulong)(uint)hash * (uint)partitions) >> 31);
}
