using System;

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
    private int _used;
    private int[] _offset = new int[64];
    private int[] _length = new int[64];
    private int[] _hash = new int[64];
    private long[] _count = new long[64];
    private int[] _table = new int[128]; // variant id + 1; 0 = empty
    private int _mask = 127;

    /// <summary>The number of distinct variants.</summary>
    public int Count { get; private set; }

    /// <summary>The sequences, one after the other: variant <c>v</c> is <c>Buffer[Offset(v) .. Offset(v) + Length(v))</c>.</summary>
    public int[] Buffer => _buffer;

    public int Offset(int variant) => _offset[variant];

    public int Length(int variant) => _length[variant];

    public long CountOf(int variant) => _count[variant];

    /// <summary>Counts one more journey of the path <c>sequence[0..length)</c>.</summary>
    public void Add(int[] sequence, int length) => Add(sequence, 0, length, 1);

    /// <summary>Counts <paramref name="count"/> more journeys of the path <c>sequence[start..start+length)</c>.</summary>
    public void Add(int[] sequence, int start, int length, long count)
    {
        var hash = HashOf(sequence, start, length);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _table[slot];
            if (entry == 0)
            {
                break;
            }

            var id = entry - 1;
            if (_hash[id] == hash && _length[id] == length && Same(id, sequence, start, length))
            {
                _count[id] = checked(_count[id] + count);
                return;
            }

            slot = (slot + 1) & _mask;
        }

        if (Count == _offset.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _offset, size);
            Array.Resize(ref _length, size);
            Array.Resize(ref _hash, size);
            Array.Resize(ref _count, size);
        }

        if (_buffer.Length - _used < length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + length));
        }

        Array.Copy(sequence, start, _buffer, _used, length);
        var n = Count;
        _offset[n] = _used;
        _length[n] = length;
        _hash[n] = hash;
        _count[n] = count;
        _used += length;
        _table[slot] = n + 1;
        Count = n + 1;
        if (Count * 2 > _table.Length)
        {
            Rehash();
        }
    }

    /// <summary>
    /// Rewrites every id of every sequence through <paramref name="map"/> and drops the hash table: the table can then only
    /// be read (<see cref="Buffer"/>, <see cref="Offset"/>, <see cref="Length"/>, <see cref="CountOf"/>), not added to.
    /// </summary>
    public void RemapAndFreeze(int[] map)
    {
        var buffer = _buffer;
        for (var i = 0; i < _used; i++)
        {
            buffer[i] = map[buffer[i]];
        }

        _table = Array.Empty<int>();
        _mask = -1;
        _hash = Array.Empty<int>();
    }

    private bool Same(int id, int[] sequence, int start, int length)
    {
        var buffer = _buffer;
        var o = _offset[id] - start;
        for (var i = start; i < start + length; i++)
        {
            if (buffer[o + i] != sequence[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int HashOf(int[] sequence, int start, int length)
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

    private void Rehash()
    {
        var size = _table.Length * 2;
        var table = new int[size];
        var mask = size - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hash[id] & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = id + 1;
        }

        _table = table;
        _mask = mask;
    }
}
