using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// How customers move between stages: from one event to the next in a journey, with stage ranks <c>a</c> → <c>b</c> in
/// the map, a move is forward (<c>b = a + 1</c>), a skip (<c>b &gt; a + 1</c>), a repeat (<c>b = a</c>) or back (<c>b &lt; a</c>).
/// </summary>
/// <remarks>
/// <see cref="Total"/> equals events minus journeys: each journey of n events makes n − 1 moves. Value semantics;
/// immutable; safe to share across threads.
/// </remarks>
public readonly struct TransitionCounts : IEquatable<TransitionCounts>
{
    /// <summary>Creates the counts.</summary>
    /// <param name="forward">Moves to the next stage.</param>
    /// <param name="skip">Moves that jump over at least one stage.</param>
    /// <param name="skippedStages">The stages jumped over, summed over the skips.</param>
    /// <param name="repeat">Moves that stay on the same stage.</param>
    /// <param name="back">Moves to an earlier stage.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or skipped stages are fewer than skips.</exception>
    public TransitionCounts(long forward, long skip, long skippedStages, long repeat, long back)
    {
        if (forward < 0 || skip < 0 || repeat < 0 || back < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(forward), "Transition counts must not be negative.");
        }

        if (skippedStages < skip)
        {
            throw new ArgumentOutOfRangeException(nameof(skippedStages), skippedStages, "Each skip jumps over at least one stage.");
        }

        Forward = forward;
        Skip = skip;
        SkippedStages = skippedStages;
        Repeat = repeat;
        Back = back;
    }

    /// <summary>Moves to the next stage.</summary>
    public long Forward { get; }

    /// <summary>Moves that jump over at least one stage.</summary>
    public long Skip { get; }

    /// <summary>The stages jumped over, summed over the skips (a skip from rank 1 to rank 4 jumps over 2).</summary>
    public long SkippedStages { get; }

    /// <summary>Moves that stay on the same stage (another channel, or the same touchpoint again).</summary>
    public long Repeat { get; }

    /// <summary>Moves to an earlier stage.</summary>
    public long Back { get; }

    /// <summary>All moves: forward + skip + repeat + back.</summary>
    public long Total => checked(Forward + Skip + Repeat + Back);

    /// <summary>Adds two counts.</summary>
    /// <param name="a">Counts.</param>
    /// <param name="b">Other counts.</param>
    /// <returns>The sums.</returns>
    public static TransitionCounts operator +(TransitionCounts a, TransitionCounts b) =>
        new(checked(a.Forward + b.Forward), checked(a.Skip + b.Skip), checked(a.SkippedStages + b.SkippedStages), checked(a.Repeat + b.Repeat), checked(a.Back + b.Back));

    /// <summary>Adds two counts (the named form of <c>+</c>).</summary>
    /// <param name="other">Other counts.</param>
    /// <returns>The sums.</returns>
    public TransitionCounts Add(TransitionCounts other) => this + other;

    /// <summary>Value equality.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>True when every count is equal.</returns>
    public static bool operator ==(TransitionCounts left, TransitionCounts right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>True when a count differs.</returns>
    public static bool operator !=(TransitionCounts left, TransitionCounts right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TransitionCounts other) =>
        Forward == other.Forward && Skip == other.Skip && SkippedStages == other.SkippedStages && Repeat == other.Repeat && Back == other.Back;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransitionCounts other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Hash.Combine(Forward.GetHashCode(), Skip.GetHashCode(), SkippedStages.GetHashCode(), Hash.Combine(Repeat.GetHashCode(), Back.GetHashCode()));

    /// <summary>Returns the five counts.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"forward {Forward}, skip {Skip} ({SkippedStages} stages), repeat {Repeat}, back {Back}");
}
