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
    public static readonly VariantSet Empty = new(Array.Empty<string>(), Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>(), Array.Empty<long>(), Array.Empty<int>(), 0);

    private readonly int[] _buffer;
    private readonly int[] _offset; // by storage id
    private readonly int[] _length; // by storage id
    private readonly long[] _count; // by storage id
    private readonly int[] _order; // position → storage id

    private VariantSet(string[] names, int[] buffer, int[] offset, int[] length, long[] count, int[] order, long journeys)
    {
        Names = names;
        _buffer = buffer;
        _offset = offset;
        _length = length;
        _count = count;
        _order = order;
        Journeys = journeys;
    }

    /// <summary>The activity names the paths use, distinct and sorted ordinally.</summary>
    public string[] Names { get; }

    public int Count => _order.Length;

    /// <summary>The sum of the counts.</summary>
    public long Journeys { get; }

    /// <summary>The journeys of the variant at a position.</summary>
    public long CountAt(int position) => _count[_order[position]];

    /// <summary>The length of the path at a position.</summary>
    public int LengthAt(int position) => _length[_order[position]];

    /// <summary>The name id (into <see cref="Names"/>) of step <paramref name="step"/> of the path at a position.</summary>
    public int StepAt(int position, int step) => _buffer[_offset[_order[position]] + step];

    /// <summary>A new <see cref="PathVariant"/> for the variant at a position.</summary>
    public PathVariant Create(int position)
    {
        var id = _order[position];
        var o = _offset[id];
        var path = new string[_length[id]];
        for (var i = 0; i < path.Length; i++)
        {
            path[i] = Names[_buffer[o + i]];
        }

        return new PathVariant(path, _count[id]);
    }

    /// <summary>
    /// Sorts the variants of a table whose ids are indexes into <paramref name="names"/> (distinct), remapping the table
    /// in place (it is frozen afterwards).
    /// </summary>
    public static VariantSet From(VariantTable table, IReadOnlyList<string> names)
    {
        var n = table.Count;
        if (n == 0)
        {
            return Empty;
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

        table.RemapAndFreeze(rank);
        var offset = new int[n];
        var length = new int[n];
        var count = new long[n];
        long journeys = 0;
        for (var v = 0; v < n; v++)
        {
            offset[v] = table.Offset(v);
            length[v] = table.Length(v);
            count[v] = table.CountOf(v);
            journeys = checked(journeys + count[v]);
        }

        var order = SortByCountThenPath(table.Buffer, offset, length, count, sorted.Length);
        return new VariantSet(sorted, table.Buffer, offset, length, count, order, journeys);
    }

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
    /// steps), refined on the next steps for runs of equal keys. Paths are distinct, so the order is fully determined.
    /// </summary>
    private static int[] SortByCountThenPath(int[] buffer, int[] offset, int[] length, long[] count, int names)
    {
        var n = count.Length;
        var order = SortByCountDescending(count);
        var bits = 1;
        while ((1L << bits) <= names)
        {
            bits++; // symbols are rank + 1 in [1, names], 0 marks the end of a path
        }

        var perKey = Math.Max(1, 63 / bits);
        var keys = new long[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && count[order[end]] == count[order[start]])
            {
                end++;
            }

            SortByPath(buffer, offset, length, order, keys, start, end, 0, bits, perKey);
            start = end;
        }

        return order;
    }

    /// <summary>Sorts <c>order[from..to)</c> by path, all paths being equal in their first <paramref name="depth"/> steps.</summary>
    private static void SortByPath(int[] buffer, int[] offset, int[] length, int[] order, long[] keys, int from, int to, int depth, int bits, int perKey)
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
                var o = offset[id];
                var len = length[id];
                long key = 0;
                for (var s = depth; s < depth + perKey; s++)
                {
                    key = (key << bits) | (s < len ? buffer[o + s] + 1L : 0L);
                }

                keys[i] = key;
                anyLonger |= len > depth + perKey;
            }

            Array.Sort(keys, order, from, to - from);
            if (!anyLonger)
            {
                continue; // every path ended within these steps: equal keys would be equal paths, and paths are distinct
            }

            var start = from;
            while (start < to)
            {
                var end = start + 1;
                while (end < to && keys[end] == keys[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    runs.Push(Run(start, end));
                    depths.Push(depth + perKey);
                }

                start = end;
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
}
