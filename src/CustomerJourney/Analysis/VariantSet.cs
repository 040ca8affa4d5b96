using System;
using System.Collections.Generic;

namespace CustomerJourney.Analysis;

/// <summary>
/// The path variants of <see cref="JourneyStatistics"/>, stored compactly and already in their public order (count
/// descending, then path ordinally): paths are sequences of name ids into <see cref="Names"/>, which is sorted ordinally,
/// so that comparing two paths is comparing two int sequences. <see cref="PathVariant"/> objects and their string arrays
/// are only made when asked for (<see cref="Create"/>).
/// </summary>
/// <remarks>Immutable once built.</remarks>
internal sealed class VariantSet : IEquatable<VariantSet>
{
    public static readonly VariantSet Empty = new(Array.Empty<string>(), Array.Empty<int>(), new int[1], Array.Empty<long>(), 0);

    /// <summary>Runs of equal counts at least this long are sorted on several threads (when allowed).</summary>
    internal const int ParallelSortRun = 1 << 16;

    // By position: writing or comparing the variants in order reads these front to back, rather than jumping to wherever
    // each path was first stored (with a million variants, that was a few cache misses per variant).
    private readonly int[] _steps; // every path's steps, one after the other
    private readonly int[] _start; // position → where its steps start in _steps; Count + 1 entries
    private readonly long[] _count; // position → journeys

    private VariantSet(string[] names, int[] steps, int[] start, long[] count, long journeys)
    {
        Names = names;
        _steps = steps;
        _start = start;
        _count = count;
        Journeys = journeys;
    }

    /// <summary>The activity names the paths use, distinct and sorted ordinally.</summary>
    public string[] Names { get; }

    public int Count => _count.Length;

    /// <summary>The sum of the counts.</summary>
    public long Journeys { get; }

    /// <summary>The journeys of the variant at a position.</summary>
    public long CountAt(int position) => _count[position];

    /// <summary>The length of the path at a position.</summary>
    public int LengthAt(int position) => _start[position + 1] - _start[position];

    /// <summary>The name id (into <see cref="Names"/>) of step <paramref name="step"/> of the path at a position.</summary>
    public int StepAt(int position, int step) => _steps[_start[position] + step];

    /// <summary>
    /// The path at a position, to read in a loop: its steps are <c>buffer[offset .. offset + length)</c> of the returned
    /// buffer, name ids into <see cref="Names"/>.
    /// </summary>
    public int[] PathAt(int position, out int offset, out int length)
    {
        offset = _start[position];
        length = _start[position + 1] - offset;
        return _steps;
    }

    /// <summary>A new <see cref="PathVariant"/> for the variant at a position.</summary>
    public PathVariant Create(int position)
    {
        var buffer = PathAt(position, out var o, out var length);
        var path = new string[length];
        for (var i = 0; i < path.Length; i++)
        {
            path[i] = Names[buffer[o + i]];
        }

        return new PathVariant(path, CountAt(position));
    }

    /// <summary>
    /// Sorts the variants of partitioned tables (<see cref="VariantPartitions.Combine"/>d when several) whose ids are indexes
    /// into <paramref name="names"/> (distinct), remapping the tables in place (they are frozen afterwards), on up to
    /// <paramref name="parallelism"/> threads. The steps are then copied into the set in position order.
    /// </summary>
    public static VariantSet From(IReadOnlyList<VariantPartitions> sets, IReadOnlyList<string> names, int parallelism = 1)
    {
        var tables = new List<VariantTable>();
        foreach (var set in sets)
        {
            tables.AddRange(set.Parts);
        }

        // Name ids → ranks in ordinal order, so that the order of ids is the order of strings.
        var sorted = new string[names.Count];
        var byRank = new int[names.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = names[i];
            byRank[i] = i;
        }

        Array.Sort(sorted, byRank, StringComparer.Ordinal);
        var rank = new int[names.Count];
        for (var r = 0; r < byRank.Length; r++)
        {
            rank[byRank[r]] = r;
        }

        var kept = new int[tables.Count];
        JourneyOrdering.ForEachItem(tables.Count, parallelism, t =>
        {
            var table = tables[t];
            table.RemapAndFreeze(rank);
            for (var v = 0; v < table.Count; v++)
            {
                kept[t] += table.CountOf(v) >= 0 ? 1 : 0;
            }
        });

        // Storage ids: the first table's kept variants, then the second's, and so on.
        var first = new int[tables.Count + 1];
        for (var t = 0; t < tables.Count; t++)
        {
            first[t + 1] = checked(first[t] + kept[t]);
        }

        var n = first[tables.Count];
        if (n == 0)
        {
            return Empty;
        }

        var buffers = new int[tables.Count][];
        var bufferOf = new int[n];
        var offset = new int[n];
        var length = new int[n];
        var count = new long[n];
        var journeys = new long[tables.Count];
        JourneyOrdering.ForEachItem(tables.Count, parallelism, t =>
        {
            var table = tables[t];
            buffers[t] = table.Buffer;
            long sum = 0;
            for (int v = 0, id = first[t]; v < table.Count; v++)
            {
                var c = table.CountOf(v);
                if (c < 0)
                {
                    continue; // counted in an earlier table
                }

                bufferOf[id] = t;
                offset[id] = table.Offset(v);
                length[id] = table.Length(v);
                count[id] = c;
                sum = checked(sum + c);
                id++;
            }

            journeys[t] = sum;
        });

        long total = 0;
        foreach (var sum in journeys)
        {
            total = checked(total + sum);
        }

        var paths = new Paths(buffers, bufferOf, offset, length, sorted.Length);
        var order = SortByCountThenPath(paths, count, parallelism);

        // The steps copied into position order: the tables' buffers (with the room they grew into) are let go.
        var start = new int[n + 1];
        for (var p = 0; p < n; p++)
        {
            var next = start[p] + (long)length[order[p]];
            if (next > MaxSteps)
            {
                throw new InvalidOperationException($"The variants' paths hold more than {MaxSteps:N0} steps in all, more than one set can store; analyze or merge fewer events.");
            }

            start[p + 1] = (int)next;
        }

        var steps = new int[start[n]];
        var countAt = new long[n];
        var parts = Math.Max(1, Math.Min(parallelism, n / MinCopyPart));
        JourneyOrdering.ForEachPart(parts, part =>
        {
            for (int p = (int)((long)n * part / parts), end = (int)((long)n * (part + 1) / parts); p < end; p++)
            {
                var id = order[p];
                Array.Copy(buffers[bufferOf[id]], offset[id], steps, start[p], length[id]);
                countAt[p] = count[id];
            }
        });

        return new VariantSet(sorted, steps, start, countAt, total);
    }

    /// <summary>The most steps one set stores: the length of the largest <see cref="int"/> array.</summary>
    internal const int MaxSteps = 0x7FFFFFC7;

    private const int MinCopyPart = 1 << 14;

    /// <inheritdoc/>
    public bool Equals(VariantSet? other)
    {
        if (other is null || other.Count != Count || other.Journeys != Journeys)
        {
            return false;
        }

        var sameNames = Names.Length == other.Names.Length;
        for (var i = 0; sameNames && i < Names.Length; i++)
        {
            sameNames = string.Equals(Names[i], other.Names[i], StringComparison.Ordinal);
        }

        for (var p = 0; p < Count; p++)
        {
            var length = LengthAt(p);
            if (CountAt(p) != other.CountAt(p) || length != other.LengthAt(p))
            {
                return false;
            }

            for (var s = 0; s < length; s++)
            {
                int a = StepAt(p, s), b = other.StepAt(p, s);
                if (sameNames ? a != b : !string.Equals(Names[a], other.Names[b], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VariantSet);

    /// <inheritdoc/>
    public override int GetHashCode() => Count;

    /// <summary>
    /// Storage ids by count descending, then path: a counting sort by count when counts are small (the usual case), then
    /// within each run of equal counts a sort of 63-bit keys packing the first steps of each path (shorter first on equal
    /// steps), refined on the next steps for runs of equal keys. Paths are distinct, so the order is fully determined, and
    /// does not depend on the threads: a long run is sorted in chunks, one per thread, merged by key, then refined.
    /// </summary>
    private static int[] SortByCountThenPath(Paths paths, long[] count, int parallelism)
    {
        var n = count.Length;
        var order = SortByCountDescending(count);
        var keys = new long[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && count[order[end]] == count[order[start]])
            {
                end++;
            }

            if (parallelism > 1 && end - start >= ParallelSortRun)
            {
                SortLongRun(paths, order, keys, start, end, parallelism);
            }
            else
            {
                SortByPath(paths, order, keys, start, end, 0);
            }

            start = end;
        }

        return order;
    }

    /// <summary>
    /// Sorts <c>order[from..to)</c> by path as <see cref="SortByPath"/> does, the first level on several threads: each sorts
    /// a chunk by the first key, the chunks are merged by key, and runs of equal keys are refined on the next steps.
    /// </summary>
    private static void SortLongRun(Paths paths, int[] order, long[] keys, int from, int to, int parallelism)
    {
        var length = to - from;
        var chunks = Math.Max(1, Math.Min(parallelism, length / (ParallelSortRun / 2)));
        var bounds = new int[chunks + 1];
        for (var c = 0; c <= chunks; c++)
        {
            bounds[c] = from + (int)((long)length * c / chunks);
        }

        JourneyOrdering.ForEachPart(chunks, c =>
        {
            for (var i = bounds[c]; i < bounds[c + 1]; i++)
            {
                keys[i] = paths.Key(order[i], 0);
            }

            Array.Sort(keys, order, bounds[c], bounds[c + 1] - bounds[c]);
        });

        // Merge the sorted chunks pairwise, by key alone: equal keys are refined below, so how they are ordered among
        // themselves here does not matter.
        var mergedKeys = new long[length];
        var mergedOrder = new int[length];
        while (bounds.Length > 2)
        {
            var next = new int[(bounds.Length / 2) + 1];
            var k = 0;
            for (var c = 0; c + 1 < bounds.Length; c += 2)
            {
                next[k++] = bounds[c];
                if (c + 2 < bounds.Length)
                {
                    int lo = bounds[c], hi = bounds[c + 2];
                    JourneyOrdering.Merge(keys, order, lo, bounds[c + 1], hi, mergedKeys, mergedOrder, origin: from);
                    Array.Copy(mergedKeys, lo - from, keys, lo, hi - lo);
                    Array.Copy(mergedOrder, lo - from, order, lo, hi - lo);
                }
            }

            next[k] = to;
            bounds = next;
        }

        for (int start = from, end; start < to; start = end)
        {
            end = EndOfEqualKeys(keys, start, to);
            if (end - start > 1)
            {
                SortByPath(paths, order, keys, start, end, paths.PerKey);
            }
        }
    }

    /// <summary>The end of the run of keys equal to <c>keys[start]</c>, at most <paramref name="to"/>.</summary>
    private static int EndOfEqualKeys(long[] keys, int start, int to)
    {
        var end = start + 1;
        while (end < to && keys[end] == keys[start])
        {
            end++;
        }

        return end;
    }

    /// <summary>Sorts <c>order[from..to)</c> by path, all paths being equal in their first <paramref name="depth"/> steps.</summary>
    private static void SortByPath(Paths paths, int[] order, long[] keys, int from, int to, int depth)
    {
        // An explicit stack of runs (from, to, depth) rather than recursion: long paths sharing long prefixes stay cheap on the stack.
        var runs = new Stack<long>();
        runs.Push(Run(from, to));
        var depths = new Stack<int>();
        depths.Push(depth);
        while (runs.Count > 0)
        {
            var run = runs.Pop();
            from = (int)(run >> 32);
            to = unchecked((int)run);
            depth = depths.Pop();
            if (to - from < 2)
            {
                continue;
            }

            var anyLonger = false;
            for (var i = from; i < to; i++)
            {
                var id = order[i];
                keys[i] = paths.Key(id, depth);
                anyLonger |= paths.Length[id] > depth + paths.PerKey;
            }

            Array.Sort(keys, order, from, to - from);
            if (!anyLonger)
            {
                continue; // every path ended within these steps: equal keys would be equal paths, and paths are distinct
            }

            for (int start = from, end; start < to; start = end)
            {
                end = EndOfEqualKeys(keys, start, to);
                if (end - start > 1)
                {
                    runs.Push(Run(start, end));
                    depths.Push(depth + paths.PerKey);
                }
            }
        }
    }

    private static long Run(int from, int to) => ((long)from << 32) | (uint)to;

    /// <summary>Ids 0..n-1 by count descending (ties in id order).</summary>
    private static int[] SortByCountDescending(long[] count)
    {
        var n = count.Length;
        var order = new int[n];
        long max = 0;
        for (var i = 0; i < n; i++)
        {
            max = Math.Max(max, count[i]);
        }

        if (max <= Math.Max(1024, 4L * n))
        {
            // Counting sort: buckets from the largest count down.
            var at = new int[max + 2];
            for (var i = 0; i < n; i++)
            {
                at[max - count[i] + 1]++;
            }

            for (var c = 1; c < at.Length; c++)
            {
                at[c] += at[c - 1];
            }

            for (var i = 0; i < n; i++)
            {
                order[at[max - count[i]]++] = i;
            }

            return order;
        }

        var keys = new long[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = -count[i];
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Where the steps of each storage id are, and how to pack them into sort keys.</summary>
    private sealed class Paths
    {
        private readonly int[][] _buffers;
        private readonly int[] _bufferOf;
        private readonly int[] _offset;
        private readonly int _bits;

        public Paths(int[][] buffers, int[] bufferOf, int[] offset, int[] length, int names)
        {
            _buffers = buffers;
            _bufferOf = bufferOf;
            _offset = offset;
            Length = length;
            var bits = 1;
            while ((1L << bits) <= names)
            {
                bits++; // symbols are rank + 1 in [1, names], 0 marks the end of a path
            }

            _bits = bits;
            PerKey = Math.Max(1, 63 / bits);
        }

        public int[] Length { get; }

        /// <summary>How many steps a key packs.</summary>
        public int PerKey { get; }

        /// <summary>Steps [depth, depth + PerKey) of a path packed into a key that orders as the steps do, shorter first.</summary>
        public long Key(int id, int depth)
        {
            var buffer = _buffers[_bufferOf[id]];
            var o = _offset[id];
            var len = Length[id];
            long key = 0;
            for (var s = depth; s < depth + PerKey; s++)
            {
                key = (key << _bits) | (s < len ? buffer[o + s] + 1L : 0L);
            }

            return key;
        }
    }
}
