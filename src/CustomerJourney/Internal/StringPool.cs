using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CustomerJourney.Internal;

/// <summary>
/// Interns strings to dense ids in first-seen order, looking them up from UTF-8 bytes or chars so that a value seen
/// before costs no allocation. Ids never depend on hashing, so they are deterministic for a given input order.
/// </summary>
/// <remarks>
/// <para>Lookups are memory-bound on large pools (a million customers): a probe reads one slot holding both hash and id,
/// and a value of at most 16 ASCII characters (most ids and names) is compared as two words kept by id, without reading
/// its string.</para>
/// <para>Such a value met as bytes or chars gets its string only when first read (<see cref="this[int]"/>,
/// <see cref="ToArray"/>): the words are the text. A parallel read interns each part's customers in a pool of its own
/// and then into the log's (<see cref="Intern(StringPool, int)"/>, word to word): the append reads no string, and a string
/// is made once per distinct customer, not once per part that meets it.</para>
/// <para>The hash is seeded per instance, so input crafted to collide cannot degrade lookups to quadratic time.
/// Not thread-safe.</para>
/// </remarks>
internal sealed class StringPool
{
    private static int s_seedCounter = Environment.TickCount;
    private readonly ulong _seed;
    private readonly List<string?> _values = new(); // null: a short ASCII value whose string is not made yet (its key is the text)
    private long[] _slots; // hash in the high half, id + 1 in the low half; 0 = empty: one load per probe
    private ShortKey[] _keys; // by id: the words of a short ASCII value, compared without touching its string
    private int _mask;
    private char[]? _scratch;

    public StringPool(int capacity = 16)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new long[size];
        _keys = new ShortKey[Math.Max(16, capacity)];
        _mask = size - 1;
        _seed = unchecked((ulong)System.Threading.Interlocked.Increment(ref s_seedCounter) * 0x9E3779B97F4A7C15ul); // wraps by design (checked build)
    }

    /// <summary>Number of distinct strings.</summary>
    public int Count => _values.Count;

    /// <summary>The string of an id.</summary>
    public string this[int id] => _values[id] ?? Materialize(id);

    /// <summary>Interns a string, keeping that very instance when it is new (no copy, no allocation once the table is large enough).</summary>
    public int Intern(string value)
    {
        var id = FindString(value, out var free, out var hash, out var key);
        return id >= 0 ? id : Add(value, free, hash, key);
    }

    /// <summary>Interns the chars <c>buffer[start..start+length]</c>; allocates only the first time a value is seen.</summary>
    public int Intern(char[] buffer, int start, int length) => InternChars(buffer, start, length);

    /// <summary>
    /// Interns the UTF-8 bytes <c>utf8[start..start+length]</c> (already validated); allocates only the first time a value
    /// is seen. Short ASCII is read as two words, hashed and compared as such; longer ASCII is hashed and compared byte
    /// by byte, with the same hash as its chars, so all paths share ids; other text is decoded into a reusable scratch
    /// buffer first.
    /// </summary>
    public int Intern(byte[] utf8, int start, int length)
    {
        // Slots and ids wrap nowhere (the table is a power of two at most half full): no overflow checks per lookup.
        unchecked
        {
            if (length <= ShortKey.MaxLength)
            {
                ShortKey.Of(utf8, start, length, out var w0, out var w1);
                if (((w0 | w1) & ShortKey.HighBits) == 0)
                {
                    var shortHash = HashOf(w0, w1, length);
                    var found = FindShort(w0, w1, length, shortHash, out var free);
                    return found >= 0 ? found : Add(null, free, shortHash, new ShortKey(w0, w1, length));
                }

                return InternDecoded(utf8, start, length);
            }

            var hash = HashOf(utf8, start, length, out var ascii);
            if (!ascii)
            {
                return InternDecoded(utf8, start, length);
            }

            var slot = hash & _mask;
            while (NextWithHash(hash, ref slot, out var id))
            {
                if (_values[id] is { } s && Same(s, utf8, start, length))
                {
                    return id;
                }
            }

            return Add(System.Text.Encoding.ASCII.GetString(utf8, start, length), slot, hash, ShortKey.None);
        }
    }

    /// <summary>The id of a string, or -1.</summary>
    public int Find(string value) => FindString(value, out _, out _, out _);

    /// <summary>
    /// Interns the value <paramref name="id"/> of <paramref name="other"/>: a short ASCII one from its words, without
    /// reading or making its string (and when new here, its string stays unmade); any other from its string.
    /// </summary>
    public int Intern(StringPool other, int id)
    {
        var key = other._keys[id];
        if (key.IsNone)
        {
            return Intern(other[id]);
        }

        var length = key.Length;
        var w1 = key.W1 & ~ShortKey.LengthBits(length);
        var hash = HashOf(key.W0, w1, length);
        var found = FindShort(key.W0, w1, length, hash, out var free);
        return found >= 0 ? found : Add(other._values[id], free, hash, key);
    }

    /// <summary>All strings, indexed by id.</summary>
    public string[] ToArray()
    {
        var values = new string[_values.Count];
        for (var id = 0; id < values.Length; id++)
        {
            values[id] = this[id];
        }

        return values;
    }

    /// <summary>Forgets every string but keeps the table's size, so a pool reused for similar input does not grow again.</summary>
    public void Clear()
    {
        _values.Clear();
        Array.Clear(_slots, 0, _slots.Length);
    }

    /// <summary>The id of a string, or -1 with the free slot, hash and key it is added with.</summary>
    private int FindString(string value, out int free, out int hash, out ShortKey key)
    {
        var length = value.Length;
        if (length <= ShortKey.MaxLength && ShortKey.TryOf(value, length, out var w0, out var w1))
        {
            hash = HashOf(w0, w1, length);
            key = new ShortKey(w0, w1, length);
            return FindShort(w0, w1, length, hash, out free);
        }

        hash = HashOf(value);
        key = ShortKey.None;
        var slot = hash & _mask;
        while (NextWithHash(hash, ref slot, out var id))
        {
            if (string.Equals(_values[id], value, StringComparison.Ordinal)) // null (a short value) never equals a long one
            {
                free = -1;
                return id;
            }
        }

        free = slot;
        return -1;
    }

    /// <summary>
    /// The probe of values longer than a short key: from <paramref name="slot"/> on, the next id whose slot holds
    /// <paramref name="hash"/>, with <paramref name="slot"/> moved past it; false at the first free slot, which
    /// <paramref name="slot"/> is then, where the value goes. The caller compares the value itself.
    /// </summary>
    private bool NextWithHash(int hash, ref int slot, out int id)
    {
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                id = -1;
                return false;
            }

            slot = (slot + 1) & _mask;
            if (HashOfSlot(entry) == hash)
            {
                id = IdOfSlot(entry);
                return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOfSlot(long entry) => unchecked((int)(entry >> 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IdOfSlot(long entry) => unchecked((int)entry) - 1;

    /// <summary>The id of a short ASCII value, or -1 with the free slot where it goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindShort(ulong w0, ulong w1, int length, int hash, out int free)
    {
        // The probe loop of every short lookup: no overflow checks.
        unchecked
        {
            var k1 = w1 | ShortKey.LengthBits(length);
            var slot = hash & _mask;
            while (true)
            {
                var entry = _slots[slot];
                if (entry == 0)
                {
                    free = slot;
                    return -1;
                }

                if (HashOfSlot(entry) == hash)
                {
                    var id = IdOfSlot(entry);
                    ref var key = ref _keys[id];
                    if (key.W0 == w0 && key.W1 == k1)
                    {
                        free = -1;
                        return id;
                    }
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    private int InternDecoded(byte[] utf8, int start, int length)
    {
        var chars = System.Text.Encoding.UTF8.GetMaxCharCount(length);
        if (_scratch is null || _scratch.Length < chars)
        {
            _scratch = new char[Math.Max(chars, 256)];
        }

        var n = System.Text.Encoding.UTF8.GetChars(utf8, start, length, _scratch, 0);
        return InternChars(_scratch, 0, n);
    }

    private int InternChars(char[] buffer, int start, int length)
    {
        if (length <= ShortKey.MaxLength && ShortKey.TryOf(buffer, start, length, out var w0, out var w1))
        {
            var shortHash = HashOf(w0, w1, length);
            var found = FindShort(w0, w1, length, shortHash, out var free);
            return found >= 0 ? found : Add(null, free, shortHash, new ShortKey(w0, w1, length));
        }

        var hash = HashOf(buffer, start, length);
        var slot = hash & _mask;
        while (NextWithHash(hash, ref slot, out var id))
        {
            if (_values[id] is { } s && Same(s, buffer, start, length))
            {
                return id;
            }
        }

        return Add(new string(buffer, start, length), slot, hash, ShortKey.None);
    }

    /// <summary>Makes the string of a short value met as bytes or chars, from its words, and keeps it.</summary>
    private string Materialize(int id)
    {
        var key = _keys[id];
        var length = key.Length;
        var chars = _scratch is { Length: >= ShortKey.MaxLength } scratch ? scratch : _scratch = new char[256];
        for (var i = 0; i < length; i++)
        {
            // Bytes 0-7 are the first word's; bytes 8-15 the end of the second's, which holds the last eight. ASCII needs
            // seven bits: the eighth of the second word's first bytes is the length's.
            var word = i < 8 ? key.W0 : key.W1;
            var shift = i < 8 ? 8 * i : 8 * (i - length + 8);
            chars[i] = (char)((word >> shift) & 0x7F);
        }

        var value = new string(chars, 0, length);
        _values[id] = value;
        return value;
    }

    private int Add(string? value, int slot, int hash, ShortKey key)
    {
        var id = _values.Count;
        _values.Add(value);
        if (id == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[id] = key;
        _slots[slot] = ((long)hash << 32) | (uint)(id + 1);
        if (_values.Count * 2 > _slots.Length)
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

    /// <summary>
    /// Hash of a short ASCII value from its two words (<see cref="ShortKey"/>): a multiply-xor mix, seeded. The same
    /// value always takes this path, from whichever input, so it need not agree with the hash of longer values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HashOf(ulong w0, ulong w1, int length)
    {
        unchecked
        {
            var h = ((w0 ^ _seed) * 0x9E3779B97F4A7C15ul) + ((w1 ^ (ulong)length) * 0xC2B2AE3D27D4EB4Ful);
            h ^= h >> 29;
            h *= 0xBF58476D1CE4E5B9ul;
            h ^= h >> 32;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    // One function over three inputs (UTF-8 bytes, a string, chars): equal for the same text, since the pool interns each
    // value from whichever it meets first and finds it again from any of them. Only the loop differs; Seed, Step and Finish
    // are shared so that they cannot drift apart. (No spans: the core targets .NET Framework without System.Memory.)
    private uint Seed => 2166136261u ^ unchecked((uint)_seed);

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
        var size = _slots.Length * 2;
        var slots = new long[size];
        var mask = size - 1;
        foreach (var entry in _slots)
        {
            if (entry == 0)
            {
                continue;
            }

            var slot = HashOfSlot(entry) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry;
        }

        _slots = slots;
        _mask = mask;
    }

    /// <summary>
    /// A value of at most 16 ASCII characters as two words: the first 8 bytes and the last 8 (overlapping when shorter
    /// than 16, zero-padded when shorter than 8), the length in the high bits of the second word's first five bytes
    /// (always clear in ASCII). They determine the value, so comparing them compares the text without reading the string,
    /// one cache line away.
    /// </summary>
    private readonly struct ShortKey
    {
        public const int MaxLength = 16;
        public const ulong HighBits = 0x8080808080808080ul;

        /// <summary>Not a short ASCII value: the high bits of bytes 5-7 of the second word, which no short key sets.</summary>
        public static readonly ShortKey None = new(0, ulong.MaxValue, 0);

        public readonly ulong W0;
        public readonly ulong W1;

        public ShortKey(ulong w0, ulong w1, int length)
        {
            W0 = w0;
            W1 = w1 | LengthBits(length);
        }

        /// <summary>Whether this is <see cref="None"/>: the value is not short ASCII and has its string.</summary>
        public bool IsNone => W1 == ulong.MaxValue;

        /// <summary>The value's length, from <see cref="LengthBits"/>.</summary>
        public int Length => (int)(((W1 >> 7) & 1) | ((W1 >> 14) & 2) | ((W1 >> 21) & 4) | ((W1 >> 28) & 8) | ((W1 >> 35) & 16));

        /// <summary>Bits 0-4 of the length as the high bits of bytes 0-4.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong LengthBits(int length)
        {
            var n = (ulong)length;
            return ((n & 1) << 7) | ((n & 2) << 14) | ((n & 4) << 21) | ((n & 8) << 28) | ((n & 16) << 35);
        }

        /// <summary>The words of <paramref name="length"/> (at most 16) bytes; ASCII when neither has a high bit set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Of(byte[] bytes, int start, int length, out ulong w0, out ulong w1)
        {
            // Offsets within the value's bytes: no overflow checks.
            unchecked
            {
                if (length >= 8)
                {
                    w0 = LittleEndian.Read64(bytes, start);
                    w1 = length > 8 ? LittleEndian.Read64(bytes, start + length - 8) : 0;
                    return;
                }

                w1 = 0;
                if (start + 8 <= bytes.Length)
                {
                    w0 = length == 0 ? 0 : LittleEndian.Read64(bytes, start) & (ulong.MaxValue >> (64 - (8 * length)));
                    return;
                }

                w0 = 0;
                for (var i = 0; i < length; i++)
                {
                    w0 |= (ulong)bytes[start + i] << (8 * i);
                }
            }
        }

        /// <summary>The words of a string of at most 16 chars, when every char is ASCII.</summary>
        public static bool TryOf(string value, int length, out ulong w0, out ulong w1)
        {
            w0 = 0;
            w1 = 0;
            var any = 0;
            for (var i = 0; i < Math.Min(length, 8); i++)
            {
                any |= value[i];
                w0 |= (ulong)value[i] << (8 * i);
            }

            if (length > 8)
            {
                for (var i = 0; i < 8; i++)
                {
                    var c = value[length - 8 + i];
                    any |= c;
                    w1 |= (ulong)c << (8 * i);
                }
            }

            return any < 0x80;
        }

        /// <summary>The words of at most 16 chars, when every char is ASCII.</summary>
        public static bool TryOf(char[] buffer, int start, int length, out ulong w0, out ulong w1)
        {
            w0 = 0;
            w1 = 0;
            var any = 0;
            for (var i = 0; i < Math.Min(length, 8); i++)
            {
                any |= buffer[start + i];
                w0 |= (ulong)buffer[start + i] << (8 * i);
            }

            if (length > 8)
            {
                for (var i = 0; i < 8; i++)
                {
                    var c = buffer[start + length - 8 + i];
                    any |= c;
                    w1 |= (ulong)c << (8 * i);
                }
            }

            return any < 0x80;
        }
    }
}
