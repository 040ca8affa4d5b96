using System;
using System.Collections.Generic;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>Ordinal equality of activity paths (and of the string keys of switch tables).</summary>
internal sealed class PathComparer : IEqualityComparer<string[]>
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
}
