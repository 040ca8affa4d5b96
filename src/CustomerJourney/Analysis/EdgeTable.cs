using System;

namespace CustomerJourney.Analysis;

/// <summary>
/// Directly-follows edges keyed by (from slot, to slot), each with its duration sketch: open addressing over a long key, so
/// that counting an edge allocates nothing once the edge has been seen.
/// </summary>
/// <remarks>Not thread-safe: one per worker.</remarks>
internal sealed class EdgeTable
{
    private readonly double _relativeAccuracy;
    private long[] _keys = new long[64];
    private SketchBuilder?[] _sketches = new SketchBuilder?[64];
    private int _mask = 63;

    public EdgeTable(double relativeAccuracy) => _relativeAccuracy = relativeAccuracy;

    public int Count { get; private set; }

    public SketchBuilder Get(int from, int to)
    {
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
