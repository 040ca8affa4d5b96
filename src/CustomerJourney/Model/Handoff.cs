using System;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <summary>
/// A declared way to carry on in another channel without starting over (omnichannel continuity,
/// click-and-collect): the customer's context follows them from one channel to the other.
/// </summary>
/// <remarks>Directed: a hand-off from web to store says nothing of store to web. Immutable; safe to share across threads.</remarks>
public sealed class Handoff : IEquatable<Handoff>
{
    /// <summary>Creates a hand-off.</summary>
    /// <param name="fromChannelId">The channel the customer leaves.</param>
    /// <param name="toChannelId">The channel the customer carries on in; must differ from <paramref name="fromChannelId"/>.</param>
    /// <param name="stageId">The one stage the hand-off applies to, or null for every stage.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fromChannelId"/> or <paramref name="toChannelId"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or white space, or both channels are the same.</exception>
    public Handoff(string fromChannelId, string toChannelId, string? stageId = null)
    {
        FromChannelId = Guard.NotBlank(fromChannelId);
        ToChannelId = Guard.NotBlank(toChannelId);
        if (string.Equals(fromChannelId, toChannelId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A hand-off must lead to another channel, not back to '{fromChannelId}'.", nameof(toChannelId));
        }

        StageId = stageId is null ? null : Guard.NotBlank(stageId);
    }

    /// <summary>The channel the customer leaves.</summary>
    public string FromChannelId { get; }

    /// <summary>The channel the customer carries on in.</summary>
    public string ToChannelId { get; }

    /// <summary>The one stage the hand-off applies to, or null for every stage.</summary>
    public string? StageId { get; }

    /// <summary>Whether this hand-off lets a customer go from one channel to another at a stage.</summary>
    /// <param name="fromChannelId">The channel left.</param>
    /// <param name="toChannelId">The channel reached.</param>
    /// <param name="stageId">The stage of the switch, or null to ask about a hand-off valid at every stage.</param>
    /// <returns>True when the channels match and the hand-off applies to every stage or to <paramref name="stageId"/>.</returns>
    public bool Covers(string fromChannelId, string toChannelId, string? stageId) =>
        string.Equals(FromChannelId, fromChannelId, StringComparison.Ordinal)
        && string.Equals(ToChannelId, toChannelId, StringComparison.Ordinal)
        && (StageId is null || string.Equals(StageId, stageId, StringComparison.Ordinal));

    /// <inheritdoc/>
    public bool Equals(Handoff? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (string.Equals(FromChannelId, other.FromChannelId, StringComparison.Ordinal) && string.Equals(ToChannelId, other.ToChannelId, StringComparison.Ordinal)
         && string.Equals(StageId, other.StageId, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Handoff);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(FromChannelId), Hash.Of(ToChannelId), Hash.Of(StageId));

    /// <summary>Returns <c>from -> to</c>, with the stage when the hand-off is limited to one.</summary>
    public override string ToString() => FromChannelId + " -> " + ToChannelId + (StageId is null ? string.Empty : " @" + StageId);
}
