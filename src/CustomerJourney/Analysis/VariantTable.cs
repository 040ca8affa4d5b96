using System;

namespace CustomerJourney.Analysis;

/// <summary>
/// Path variants interned as sequences of slot ids in one flat int buffer, found again through an open-addressing hash
/// table: counting a journey's variant costs a hash of its sequence and, for a variant seen before, no allocation.
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

    public int Count { get; private set; }

    public void Add(int[] sequence, int length)
    {
        var hash = HashOf(sequence, length);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _table[slot];
            if (entry == 0)
            {
                break;
            }

            var id = entry - 1;
            if (_hash[id] == hash && _length[id] == length && Same(id, sequence, length))
            {
                _count[id]++;
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

        Array.Copy(sequence, 0, _buffer, _used, length);
        var n = Count;
        _offset[n] = _used;
        _length[n] = length;
        _hash[n] = hash;
        _count[n] = 1;
        _used += length;
        _table[slot] = n + 1;
        Count = n + 1;
        if (Count * 2 > _table.Length)
        {
            Rehash();
        }
    }

    /// <summary>Calls <paramref name="visit"/> with each variant's buffer, offset, length and count.</summary>
    public void ForEach(Action<int[], int, int, long> visit)
    {
        for (var i = 0; i < Count; i++)
        {
            visit(_buffer, _offset[i], _length[i], _count[i]);
        }
    }

    private bool Same(int id, int[] sequence, int length)
    {
        var o = _offset[id];
        for (var i = 0; i < length; i++)
        {
            if (_buffer[o + i] != sequence[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int HashOf(int[] sequence, int length)
    {
        unchecked
        {
            var h = 2166136261u;
            for (var i = 0; i < length; i++)
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
