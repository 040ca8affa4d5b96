using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>One non-zero cell of the channel × channel switch matrix of a stage.</summary>
/// <remarks>
/// A switch is a move between consecutive events of a journey on different channels; it is counted at the stage of the
/// event switched <em>to</em> (where the customer carries on, and where a hand-off would have to be declared).
/// Immutable; safe to share across threads.
/// </remarks>
public sealed class ChannelSwitch : IEquatable<ChannelSwitch>
{
    internal ChannelSwitch(string stage, string fromChannel, string toChannel, long count)
    {
        Stage = stage;
        FromChannel = fromChannel;
        ToChannel = toChannel;
        Count = count;
    }

    /// <summary>The stage of the event switched to.</summary>
    public string Stage { get; }

    /// <summary>The channel left.</summary>
    public string FromChannel { get; }

    /// <summary>The channel the customer carried on in.</summary>
    public string ToChannel { get; }

    /// <summary>How many switches.</summary>
    public long Count { get; }

    /// <inheritdoc/>
    public bool Equals(ChannelSwitch? other) =>
        other is not null && string.Equals(Stage, other.Stage, StringComparison.Ordinal) && string.Equals(FromChannel, other.FromChannel, StringComparison.Ordinal)
        && string.Equals(ToChannel, other.ToChannel, StringComparison.Ordinal) && Count == other.Count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ChannelSwitch);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Stage), Hash.Of(FromChannel), Hash.Of(ToChannel), Count.GetHashCode());

    /// <summary>Returns <c>stage: from -> to ×count</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{Stage}: {FromChannel} -> {ToChannel} x{Count}");
}
