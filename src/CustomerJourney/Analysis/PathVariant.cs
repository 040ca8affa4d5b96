using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>A path variant: one full sequence of activities, and how many journeys followed exactly it.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class PathVariant : IEquatable<PathVariant>
{
    private readonly string[] _path;

    internal PathVariant(string[] path, long count)
    {
        _path = path;
        Path = new ReadOnlyCollection<string>(path);
        Count = count;
    }

    /// <summary>The activities, in journey order.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The journeys that followed this path.</summary>
    public long Count { get; }

    /// <inheritdoc/>
    public bool Equals(PathVariant? other) => other is not null && Count == other.Count && PathComparer.Instance.Equals(_path, other._path);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PathVariant);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(PathComparer.Instance.GetHashCode(_path), Count.GetHashCode());

    /// <summary>Returns the path joined by arrows, and the count.</summary>
    public override string ToString() => string.Join(" -> ", _path) + FormattableString.Invariant($" x{Count}");
}
