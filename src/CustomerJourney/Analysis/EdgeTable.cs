using System;

namespace CustomerJourney.Analysis;

/// <summary>
/// Directly-follows edges keyed by (from slot, to slot), each with its duration sketch: a dense slots × slots grid when the
/// map is small enough (up to <see cref="MaxDenseCells"/> cells), else open addressing over a long key, so that counting an
/// edge allocates nothing once the edge has been seen.
/// </summary>
/// <remarks>
/// <para>Not thread-safe: one per worker.</para>
/// <para>A duration's bucket is counted later than the rest of it (<see cref="Add"/>): each edge's buckets span a few
/// kilobytes, thousands of edges do not fit in a core's cache, and adding one to a random bucket of a random edge for every
/// event missed the cache each time (over a third of the analysis loop's samples). Buckets wait in a small buffer, and are then
/// added edge by edge, each edge's buckets in cache while it is its turn. Counts are sums, so the order does not matter.</para>
/// </remarks>
internal sealed class EdgeTable
{
    /// <summary>The largest grid kept dense: 256 slots (512 KB of references per worker).</summary>
    public const int MaxDenseCells = 1 << 16;

    /// <summary>Buckets waiting to be added (a few hundred KB with their sorting space, in a core's cache).</summary>
    internal const int PendingCapacity = 1 << 14;

    /// <summary>With more edges than this, sorting a buffer by edge costs more than it saves: buckets are added at once.</summary>
    internal const int MaxDeferredEdges = PendingCapacity;

    private readonly double _relativeAccuracy;
    private readonly int _slots;
    private readonly SketchBuilder?[]? _dense;
    private readonly int[] _pendingEdge = new int[PendingCapacity]; // edge ids of the waiting buckets
    private readonly int[] _pendingBucket = new int[PendingCapacity];
    private long[] _keys = new long[64];
    private SketchBuilder?[] _sketches = new SketchBuilder?[64];
    private int _mask = 63;
    private SketchBuilder[] _byId = new SketchBuilder[64];
    private int[] _sorted = Array.Empty<int>();
    private int[] _edgeStart = Array.Empty<int>();
    private int _pending;

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

    /// <summary>Counts a transition of <paramref name="ticks"/> (bucket <paramref name="bucket"/>, as <see cref="SketchBuilder.Add(long, int)"/>) on an edge.</summary>
    public void Add(int from, int to, long ticks, int bucket)
    {
        var sketch = Get(from, to);
        if (ticks == 0 || Count > MaxDeferredEdges)
        {
            sketch.Add(ticks, bucket);
            return;
        }

        sketch.AddUnbucketed(ticks);
        _pendingEdge[_pending] = sketch.Id;
        _pendingBucket[_pending] = bucket;
        if (++_pending == PendingCapacity)
        {
            AddPending();
        }
    }

    public SketchBuilder Get(int from, int to)
    {
        if (_dense is { } dense)
        {
            var cell = (from * _slots) + to;
            var found = dense[cell];
            if (found is null)
            {
                found = dense[cell] = Created();
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

        var created = Created();
        _keys[slot] = key;
        _sketches[slot] = created;
        if (Count * 2 > _keys.Length)
        {
            Grow();
        }

        return created;
    }

    /// <summary>Calls <paramref name="visit"/> with each edge's (from, to, sketch), every bucket added.</summary>
    public void ForEach(Action<int, int, SketchBuilder> visit)
    {
        AddPending();
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

    /// <summary>Adds the waiting buckets, edge by edge: a counting sort of the buffer by edge id, then each edge's run.</summary>
    private void AddPending()
    {
        var n = _pending;
        _pending = 0;
        if (n == 0)
        {
            return;
        }

        var edges = Count;
        if (_edgeStart.Length < edges + 1)
        {
            _edgeStart = new int[Math.Max(edges + 1, _edgeStart.Length * 2)];
        }

        if (_sorted.Length == 0)
        {
            _sorted = new int[PendingCapacity]; // once, at the first flush: a small analysis may never need it
        }

        var start = _edgeStart;
        Array.Clear(start, 0, edges + 1);
        for (var i = 0; i < n; i++)
        {
            start[_pendingEdge[i] + 1]++;
        }

        for (var e = 0; e < edges; e++)
        {
            start[e + 1] += start[e];
        }

        for (var i = 0; i < n; i++)
        {
            _sorted[start[_pendingEdge[i]]++] = _pendingBucket[i];
        }

        // start[e] is now the end of edge e's run, and the start of edge e + 1's.
        var from = 0;
        for (var e = 0; e < edges; e++)
        {
            var to = start[e];
            if (to > from)
            {
                var sketch = _byId[e];
                for (var i = from; i < to; i++)
                {
                    sketch.AddBucket(_sorted[i]);
                }
            }

            from = to;
        }
    }

    /// <summary>A new edge's sketch, with the next id.</summary>
    private SketchBuilder Created()
    {
        var created = new SketchBuilder(_relativeAccuracy) { Id = Count };
        if (Count == _byId.Length)
        {
            Array.Resize(ref _byId, Count * 2);
        }

        _byId[Count++] = created;
        return created;
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
