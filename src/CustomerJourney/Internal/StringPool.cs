using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CustomerJourney.Internal;

/// <summary>
/// Interns strings to dense ids in first-seen order, looking them up from a char buffer so that a value seen
/// before costs no allocation. Ids never depend on hashing, so they are deterministic for a given input order.
/// </summary>
/// <remarks>
/// The hash is seeded per instance, so input crafted to collide cannot degrade lookups to quadratic time.
/// Not thread-safe.
/// </remarks>
internal sealed class StringPool
{
    private static int s_seedCounter = Environment.TickCount;
    private readonly uint _seed;
    private readonly List<string> _values = new();
    private int[] _buckets; // id + 1; 0 = empty
    private int[] _hashes;
    private int _mask;
    private char[]? _scratch;

    public StringPool(int capacity = 16)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _buckets = new int[size];
        _hashes = new int[size];
        _mask = size - 1;
        _seed = unchecked((uint)System.Threading.Interlocked.Increment(ref s_seedCounter) * 2654435761u); // wraps by design (checked build)
    }

    /// <summary>Number of distinct strings.</summary>
    public int Count => _values.Count;

    /// <summary>The string of an id.</summary>
    public string this[int id] => _values[id];

    /// <summary>Interns a string, keeping that very instance when it is new (no copy, no allocation once the table is large enough).</summary>
    public int Intern(string value)
    {
        var hash = HashOf(value);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                break;
            }

            if (_hashes[slot] == hash && string.Equals(_values[entry - 1], value, StringComparison.Ordinal))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return Add(value, slot, hash);
    }

    /// <summary>Interns the chars <c>buffer[start..start+length]</c>; allocates only the first time a value is seen.</summary>
    public int Intern(char[] buffer, int start, int length) => InternChars(buffer, start, length);

    /// <summary>
    /// Interns the UTF-8 bytes <c>utf8[start..start+length]</c> (already validated); allocates only the first time a value
    /// is seen. ASCII is hashed and compared byte by byte, with the same hash as its chars, so both paths share ids;
    /// other text is decoded into a reusable scratch buffer first.
    /// </summary>
    public int Intern(byte[] utf8, int start, int length)
    {
        var hash = HashOf(utf8, start, length, out var ascii);
        if (!ascii)
        {
            var chars = System.Text.Encoding.UTF8.GetMaxCharCount(length);
            if (_scratch is null || _scratch.Length < chars)
            {
                _scratch = new char[Math.Max(chars, 256)];
            }

            var n = System.Text.Encoding.UTF8.GetChars(utf8, start, length, _scratch, 0);
            return InternChars(_scratch, 0, n);
        }

        var slot = hash & _mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                break;
            }

            if (_hashes[slot] == hash && Same(_values[entry - 1], utf8, start, length))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return Add(System.Text.Encoding.ASCII.GetString(utf8, start, length), slot, hash);
    }

    /// <summary>The id of a string, or -1.</summary>
    public int Find(string value)
    {
        var hash = HashOf(value);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (_hashes[slot] == hash && string.Equals(_values[entry - 1], value, StringComparison.Ordinal))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>All strings, indexed by id.</summary>
    public string[] ToArray() => _values.ToArray();

    /// <summary>Forgets every string but keeps the table's size, so a pool reused for similar input does not grow again.</summary>
    public void Clear()
    {
        _values.Clear();
        Array.Clear(_buckets, 0, _buckets.Length);
    }

    private int InternChars(char[] buffer, int start, int length)
    {
        var hash = HashOf(buffer, start, length);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                break;
            }

            if (_hashes[slot] == hash && Same(_values[entry - 1], buffer, start, length))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return Add(new string(buffer, start, length), slot, hash);
    }

    private int Add(string value, int slot, int hash)
    {
        var id = _values.Count;
        _values.Add(value);
        _buckets[slot] = id + 1;
        _hashes[slot] = hash;
        if (_values.Count * 2 > _buckets.Length)
        {
            Grow();
        }

        return id;
    }

    private static bool Same(string s, char[] buffer, int start, int length)
    {
        if (s.Length != length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (s[i] != buffer[start + i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(string s, byte[] utf8, int start, int length)
    {
        if (s.Length != length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (s[i] != utf8[start + i])
            {
                return false;
            }
        }

        return true;
    }

    // One function over three inputs (UTF-8 bytes, a string, chars): equal for the same text, since the pool interns each
    // value from whichever it meets first and finds it again from any of them. Only the loop differs; Seed, Step and Finish
    // are shared so that they cannot drift apart. (No spans: the core targets .NET Framework without System.Memory.)
    private uint Seed => 2166136261u ^ _seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Step(uint h, uint c) => unchecked((h ^ c) * 16777619u);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Finish(uint h)
    {
        unchecked
        {
            h ^= h >> 15;
            h *= 2246822519u;
            h ^= h >> 13;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    // The same as the char hash when every byte is ASCII (then byte value == char value).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HashOf(byte[] utf8, int start, int length, out bool ascii)
    {
        var h = Seed;
        var any = 0;
        for (var i = 0; i < length; i++)
        {
            var b = utf8[start + i];
            any |= b;
            h = Step(h, b);
        }

        ascii = any < 0x80;
        return Finish(h);
    }

    private int HashOf(string value)
    {
        var h = Seed;
        for (var i = 0; i < value.Length; i++)
        {
            h = Step(h, value[i]);
        }

        return Finish(h);
    }

    private int HashOf(char[] buffer, int start, int length)
    {
        var h = Seed;
        for (var i = 0; i < length; i++)
        {
            h = Step(h, buffer[start + i]);
        }

        return Finish(h);
    }

    private void Grow()
    {
        var size = _buckets.Length * 2;
        var buckets = new int[size];
        var hashes = new int[size];
        var mask = size - 1;
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (_buckets[i] == 0)
            {
                continue;
            }

            var slot = _hashes[i] & mask;
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = _buckets[i];
            hashes[slot] = _hashes[i];
        }

        _buckets = buckets;
        _hashes = hashes;
        _mask = mask;
    }
}
