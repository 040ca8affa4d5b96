using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// The read-only list behind <see cref="JourneyStatistics.Variants"/>: each <see cref="PathVariant"/> is made from the
/// compact <see cref="VariantSet"/> the first time its position is read, then kept, so that a caller reading only the
/// first few variants does not pay for the millions after them.
/// </summary>
/// <remarks>Thread-safe: two threads racing on a position get the same object.</remarks>
internal sealed class VariantList : IList<PathVariant>, IReadOnlyList<PathVariant>
{
    private readonly VariantSet _set;
    private PathVariant?[]? _made;

    public VariantList(VariantSet set) => _set = set;

    public int Count => _set.Count;

    public bool IsReadOnly => true;

    public PathVariant this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_set.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "Must be a position in the list.");
            }

            var made = Volatile.Read(ref _made);
            if (made is null)
            {
                made = new PathVariant?[_set.Count];
                made = Interlocked.CompareExchange(ref _made, made, null) ?? made;
            }

            var variant = Volatile.Read(ref made[index]);
            if (variant is null)
            {
                variant = _set.Create(index);
                variant = Interlocked.CompareExchange(ref made[index], variant, null) ?? variant;
            }

            return variant;
        }

        set => throw ReadOnly();
    }

    public int IndexOf(PathVariant item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (this[i].Equals(item))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(PathVariant item) => IndexOf(item) >= 0;

    public void CopyTo(PathVariant[] array, int arrayIndex)
    {
        Guard.NotNull(array);
        if (arrayIndex < 0 || array.Length - arrayIndex < Count)
        {
            throw new ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, "The array is too short.");
        }

        for (var i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    public IEnumerator<PathVariant> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(PathVariant item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    public void Insert(int index, PathVariant item) => throw ReadOnly();

    public bool Remove(PathVariant item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The variants are read-only.");
}
