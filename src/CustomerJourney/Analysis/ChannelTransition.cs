using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// Moves between consecutive events of a journey from one channel to another (or the same one), at the stage left, with how
/// many of them lost the customer's context. The evidence an impossible-switch rupture point rests on.
/// </summary>
/// <remarks>
/// <para>
/// Unlike <see cref="ChannelSwitch"/>, a move is counted at the stage of the event switched <em>from</em>, and moves that
/// stay on their channel (<see cref="FromChannel"/> = <see cref="ToChannel"/>) are listed too: they are the baseline a
/// switch is compared with.
/// </para>
/// <para>
/// A move lost context when the next event is at a stage the journey had already reached (a repeat or a back, by the map's
/// stage ranks, against the furthest stage of any earlier event), or when it is the journey's last move and the journey did
/// not reach the outcome. Each move counts at most once as lost. Immutable; safe to share across threads.
/// </para>
/// </remarks>
public sealed class ChannelTransition : IEquatable<ChannelTransition>
{
    internal ChannelTransition(string stage, string fromChannel, string toChannel, long count, long lostContext)
    {
        Stage = stage;
        FromChannel = fromChannel;
        ToChannel = toChannel;
        Count = count;
        LostContext = lostContext;
    }

    /// <summary>The stage of the event moved from.</summary>
    public string Stage { get; }

    /// <summary>The channel left.</summary>
    public string FromChannel { get; }

    /// <summary>The channel of the next event.</summary>
    public string ToChannel { get; }

    /// <summary>How many moves.</summary>
    public long Count { get; }

    /// <summary>How many of the moves lost the customer's context; at most <see cref="Count"/>.</summary>
    public long LostContext { get; }

    /// <summary>Whether the move stays on its channel: the baseline of its stage.</summary>
    public bool IsStay => string.Equals(FromChannel, ToChannel, StringComparison.Ordinal);

    /// <inheritdoc/>
    public bool Equals(ChannelTransition? other) =>
        other is not null && string.Equals(Stage, other.Stage, StringComparison.Ordinal) && string.Equals(FromChannel, other.FromChannel, StringComparison.Ordinal)
        && string.Equals(ToChannel, other.ToChannel, StringComparison.Ordinal) && Count == other.Count && LostContext == other.LostContext;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ChannelTransition);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Stage), Hash.Of(FromChannel), Hash.Of(ToChannel), Count.GetHashCode());

    /// <summary>Returns <c>stage: from -> to ×count (lost lostContext)</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{Stage}: {FromChannel} -> {ToChannel} x{Count} (lost {LostContext})");
}
