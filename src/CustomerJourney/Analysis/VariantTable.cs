using System;
using System.Runtime.CompilerServices;

namespace CustomerJourney.Analysis;

/// <summary>
/// Path variants interned as sequences of ids in one flat int buffer, with a count each, found again through an
/// open-addressing hash table: counting a journey's variant costs a hash of its sequence and, for a variant seen before,
/// no allocation. The ids are slot ids in a worker, name ids in a <see cref="StatisticsBuilder"/>.
/// </summary>
/// <remarks>Not thread-safe: one per worker.</remarks>
internal sealed class VariantTable
{
    private int[] _buffer = new int[1024];
    private int[] _start = new int[65]; // variant v is _buffer[_start[v] .. _start[v + 1])
    private long[] _count = new long[64];
    private long[] _table = new long[128]; // hash << 32 | (variant id + 1); 0 = empty
    private int _mask = 127;
    private long _adds; // calls to Add so far
    private long _expectedAdds; // from Expect: how many calls to expect, to size growth from the rate seen so far

    /// <summary>The number of distinct variants.</summary>
    public int Count { get; private set; }

    /// <summary>The sequences, one after the other: variant <c>v</c> is <c>Buffer[Offset(v) .. Offset(v) + Length(v))</c>.</summary>
    public int[] Buffer => _buffer;

    public int Offset(int variant) => _start[variant];

    public int Length(int variant) => _start[variant + 1] - _start[variant];

    public long CountOf(int variant) => _count[variant];

    /// <summary>
    /// Expects <paramref name="adds"/> more calls to <see cref="Add(int[], int, int, long)"/>: when the arrays or the hash table must
    /// grow, they grow to what the rate of new variants and steps so far projects for all of them (at least doubling), rather
    /// than doubling again and again. Nothing is allocated here: a worker's journeys may share a handful of variants.
    /// </summary>
    public void Expect(int adds) => _expectedAdds += adds;

    /// <summary>The steps stored, all variants together.</summary>
    public int Steps => _start[Count];

    /// <summary>
    /// Makes room, at once, for up to <paramref name="variants"/> more variants of <paramref name="steps"/> steps in all
    /// (a builder about to add another table): one resize of each array and no rehash while they are added.
    /// </summary>
    public void ReserveMore(int variants, int steps)
    {
        var total = checked(Count + variants);
        var size = TableSizeFor(total);
        if (size > _table.Length)
        {
            Rehash(size);
        }

        _expectedAdds = _adds + variants;
        if (total > _count.Length)
        {
            Array.Resize(ref _count, total);
            Array.Resize(ref _start, total + 1);
        }

        var needed = checked(Steps + steps);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, needed);
        }
    }

    /// <summary>Counts <paramref name="count"/> more journeys of the path <c>sequence[start..start+length)</c>.</summary>
    public void Add(int[] sequence, int start, int length, long count) => Add(sequence, start, length, count, HashOf(sequence, start, length));

    /// <summary>The id of the path <c>sequence[start..start+length)</c> whose <see cref="HashOf"/> is <paramref name="hash"/>, or -1 when the table lacks it.</summary>
    public int Find(int[] sequence, int start, int length, int hash) => Probe(sequence, start, length, hash, out _);

    /// <summary>Counts <paramref name="count"/> more journeys of variant <paramref name="id"/>.</summary>
    public void AddCount(int id, long count) => _count[id] = checked(_count[id] + count);

    /// <summary>
    /// Marks variant <paramref name="id"/> as counted in another table: <see cref="CountOf"/> is then -1, and the variant is
    /// left out of the <see cref="VariantSet"/>. Only once every path is added: a later add of the same path would be lost.
    /// </summary>
    public void Drop(int id) => _count[id] = -1;

    /// <summary>As <see cref="Add(int[], int, int, long)"/>, with the sequence's <see cref="HashOf"/> already computed.</summary>
    public void Add(int[] sequence, int start, int length, long count, int hash)
    {
        _adds++;
        var found = Probe(sequence, start, length, hash, out var slot);
        if (found >= 0)
        {
            AddCount(found, count);
            return;
        }

        var n = Count;
        if (n == _count.Length)
        {
            var size = GrownSize(n, n + 1);
            Array.Resize(ref _count, size);
            Array.Resize(ref _start, size + 1);
        }

        var used = _start[n];
        if (_buffer.Length - used < length)
        {
            Array.Resize(ref _buffer, GrownSize(used, used + length));
        }

        Array.Copy(sequence, start, _buffer, used, length);
        _start[n + 1] = used + length;
        _count[n] = count;
        _table[slot] = ((long)hash << 32) | (uint)(n + 1);
        Count = n + 1;
        if (Count * 2 > _table.Length)
        {
            Rehash(GrownTableSize());
        }
    }

    /// <summary>
    /// Rewrites every id of every sequence through <paramref name="map"/> and drops the hash table: the table can then only
    /// be read (<see cref="Buffer"/>, <see cref="Offset"/>, <see cref="Length"/>, <see cref="CountOf"/>), not added to.
    /// </summary>
    public void RemapAndFreeze(int[] map)
    {
        var buffer = _buffer;
        var used = _start[Count];
        for (var i = 0; i < used; i++)
        {
            buffer[i] = map[buffer[i]];
        }

        _table = Array.Empty<long>();
        _mask = -1;
    }

    /// <summary>At least double and at least <paramref name="needed"/>; more when the rate so far projects more by the last expected add.</summary>
    private int GrownSize(int used, int needed)
    {
        var size = Math.Max((long)used * 2, needed);
        if (_adds > 0 && _expectedAdds > _adds)
        {
            size = Math.Max(size, (long)((double)used / _adds * _expectedAdds * 1.125));
        }

        return (int)Math.Min(size, int.MaxValue - 64);
    }

    /// <summary>
    /// The table for the variants projected from the rate of new ones so far, but for at most 16 times as many as now: the
    /// first journeys are mostly new variants even on a log of few, so an early projection can be far too high, while with
    /// the cap a table for a million variants is reached in three rehashes that move 68 thousand entries in all (doubling
    /// would take fifteen and move two million). Not "at least twice as many": a projection just above the count (the last
    /// journeys of a log of one variant each) would then double a table already large enough for the rest.
    /// </summary>
    private int GrownTableSize()
    {
        var target = Count + 1L; // any more than now doubles the table at least
        if (_expectedAdds > _adds)
        {
            var projected = (long)((double)Count / _adds * _expectedAdds * 1.125);
            target = Math.Max(target, Math.Min(projected, 16L * Count));
        }

        return TableSizeFor(target);
    }

    /// <summary>The power of two, at least the current size, that holds <paramref name="variants"/> at most half full.</summary>
    private int TableSizeFor(long variants)
    {
        var size = _table.Length;
        while (size / 2 < variants && size < (1 << 30))
        {
            size *= 2;
        }

        return size;
    }

    /// <summary>
    /// The id of the path in the table, or -1 with <paramref name="slot"/> the empty slot where it would go. The hash is kept
    /// in each entry: a probe past another variant reads nothing else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(int[] sequence, int start, int length, int hash, out int slot)
    {
        var table = _table;
        var mask = _mask;
        for (slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = table[slot];
            if (unchecked((int)(entry >> 32)) == hash)
            {
                var id = unchecked((int)entry) - 1;
                if (_start[id + 1] - _start[id] == length && Same(_start[id], sequence, start, length))
                {
                    return id;
                }
            }
        }

        return -1;
    }

    private bool Same(int offset, int[] sequence, int start, int length)
    {
        var buffer = _buffer;
        var o = offset - start;
        for (var i = start; i < start + length; i++)
        {
            if (buffer[o + i] != sequence[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The hash of a sequence, non-negative: the tables place variants by its low bits, <see cref="VariantPartitions"/> by its high ones.</summary>
    public static int HashOf(int[] sequence, int start, int length)
    {
        unchecked
        {
            var h = 2166136261u;
            for (var i = start; i < start + length; i++)
            {
                h = (h ^ (uint)sequence[i]) * 16777619u;
            }

            h ^= h >> 15;
            h *= 2246822519u;
            h ^= h >> 13;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    private void Rehash(int size)
    {
        var table = new long[size];
        var mask = size - 1;
        foreach (var entry in _table)
        {
            if (entry == 0)
            {
                continue;
            }

            var slot = unchecked((int)(entry >> 32)) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = entry;
        }

        _table = table;
        _mask = mask;
    }
}
