using System;
using System.Collections.Generic;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>Ordinal equality and lexicographic order of activity paths.</summary>
internal sealed class PathComparer : IEqualityComparer<string[]>, IComparer<string[]>
{
    public static PathComparer Instance { get; } = new();

    public bool Equals(string[]? x, string[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(string[] obj)
    {
        var h = obj.Length;
        foreach (var s in obj)
        {
            h = Hash.Combine(h, Hash.Of(s));
        }

        return h;
    }

    public int Compare(string[]? x, string[]? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
