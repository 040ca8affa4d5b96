using System;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <summary>A way the customer and the company meet: web site, store, phone, email…</summary>
/// <remarks>Immutable; safe to share across threads. Equality compares every property (ordinal for strings).</remarks>
public sealed class Channel : IEquatable<Channel>
{
    /// <summary>Creates a channel.</summary>
    /// <param name="id">The identifier events use to name the channel; compared ordinally.</param>
    /// <param name="name">The name people read.</param>
    /// <param name="kind">Physical or digital.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public Channel(string id, string name, ChannelKind kind = ChannelKind.Digital)
    {
        Id = Guard.NotBlank(id);
        Name = Guard.NotBlank(name);
        if (kind is < ChannelKind.Digital or > ChannelKind.Physical)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined channel kind.");
        }

        Kind = kind;
    }

    /// <summary>The identifier events use to name the channel.</summary>
    public string Id { get; }

    /// <summary>The name people read.</summary>
    public string Name { get; }

    /// <summary>Physical or digital.</summary>
    public ChannelKind Kind { get; }

    /// <inheritdoc/>
    public bool Equals(Channel? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal)
         && Kind == other.Kind));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Channel);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Id), Hash.Of(Name), (int)Kind);

    /// <summary>Returns the id, as activities name the channel.</summary>
    public override string ToString() => Id;
}
