using System;

namespace CustomerJourney.Analysis;

/// <summary>
/// Directly-follows edges keyed by (from slot, to slot), each with its duration sketch: a dense slots × slots grid when the
/// map is small enough (up to <see cref="MaxDenseCells"/> cells), else open addressing over a long key, so that counting an
/// edge allocates nothing once the edge has been seen.
/// </summary>
/// <remarks>Not thread-safe: one per worker.</remarks>
internal sealed class EdgeTable
{
    /// <summary>The largest grid kept dense: 256 slots (512 KB of references per worker).</summary>
    public const int MaxDenseCells = 1 << 16;

    private readonly double _relativeAccuracy;
    private readonly int _slots;
    private readonly SketchBuilder?[]? _dense;
    private long[] _keys = new long[64];
    private SketchBuilder?[] _sketches = new SketchBuilder?[64];
    private int _mask = 63;

    public EdgeTable(double relativeAccuracy, int slots)
    {
        _relativeAccuracy = relativeAccuracy;
        _slots = slots;
        if ((long)slots * slots <= MaxDenseCells)
        {
            _dense = new SketchBuilder?[slots * slots];
        }
    }

    public int Count { get; private set; }

    public SketchBuilder Get(int from, int to)
    {
        if (_dense is { } dense)
        {
            var cell = (from * _slots) + to;
            var found = dense[cell];
            if (found is null)
            {
                found = dense[cell] = new SketchBuilder(_relativeAccuracy);
                Count++;
            }

            return found;
        }

        var key = ((long)from << 32) | (uint)to;
        var slot = Mix(key) & _mask;
        while (true)
        {
            var sketch = _sketches[slot];
            if (sketch is null)
            {
                break;
            }

            if (_keys[slot] == key)
            {
                return sketch;
            }

            slot = (slot + 1) & _mask;
        }

        var created = new SketchBuilder(_relativeAccuracy);
        _keys[slot] = key;
        _sketches[slot] = created;
        Count++;
        if (Count * 2 > _keys.Length)
        {
            Grow();
        }

        return created;
    }

    /// <summary>Calls <paramref name="visit"/> with each edge's (from, to, sketch).</summary>
    public void ForEach(Action<int, int, SketchBuilder> visit)
    {
        if (_dense is { } dense)
        {
            for (var cell = 0; cell < dense.Length; cell++)
            {
                if (dense[cell] is { } sketch)
                {
                    visit(cell / _slots, cell % _slots, sketch);
                }
            }

            return;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (_sketches[i] is { } s)
            {
                visit((int)(_keys[i] >> 32), (int)(_keys[i] & 0xFFFFFFFF), s);
            }
        }
    }

    private static int Mix(long key)
    {
        unchecked
        {
            var h = (ulong)key * 0x9E3779B97F4A7C15UL;
            return (int)(h >> 33);
        }
    }

    private void Grow()
    {
        var size = _keys.Length * 2;
        var keys = new long[size];
        var sketches = new SketchBuilder?[size];
        var mask = size - 1;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_sketches[i] is null)
            {
                continue;
            }

            var slot = Mix(_keys[i]) & mask;
            while (sketches[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = _keys[i];
            sketches[slot] = _sketches[i];
        }

        _keys = keys;
        _sketches = sketches;
        _mask = mask;
    }
}
