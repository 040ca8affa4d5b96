using System;
using System.Collections;
using System.Collections.Generic;

namespace CustomerJourney.Analysis;

/// <summary>
/// A read-only dictionary whose enumeration is sorted by key (ordinal for strings), so that every view of the statistics
/// is deterministic; lookups are binary searches. Equality compares keys and values.
/// </summary>
internal sealed class SortedMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<SortedMap<TKey, TValue>>
    where TKey : notnull
{
    private readonly TKey[] _keys;
    private readonly TValue[] _values;
    private readonly IComparer<TKey> _comparer;

    public SortedMap(IEnumerable<KeyValuePair<TKey, TValue>> pairs, IComparer<TKey> comparer)
    {
        var list = new List<KeyValuePair<TKey, TValue>>(pairs);
        list.Sort((a, b) => comparer.Compare(a.Key, b.Key));
        _keys = new TKey[list.Count];
        _values = new TValue[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            _keys[i] = list[i].Key;
            _values[i] = list[i].Value;
        }

        _comparer = comparer;
    }

    public int Count => _keys.Length;

    public IEnumerable<TKey> Keys => _keys;

    public IEnumerable<TValue> Values => _values;

    public TValue this[TKey key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"No entry for '{key}'.");

    public bool ContainsKey(TKey key) => Array.BinarySearch(_keys, key, _comparer) >= 0;

    public bool TryGetValue(TKey key, out TValue value)
    {
        var i = Array.BinarySearch(_keys, key, _comparer);
        if (i >= 0)
        {
            value = _values[i];
            return true;
        }

        value = default!;
        return false;
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SortedMap<TKey, TValue>? other)
    {
        if (other is null || other._keys.Length != _keys.Length)
        {
            return false;
        }

        var values = EqualityComparer<TValue>.Default;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_comparer.Compare(_keys[i], other._keys[i]) != 0 || !values.Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SortedMap<TKey, TValue>);

    public override int GetHashCode() => _keys.Length;
}
