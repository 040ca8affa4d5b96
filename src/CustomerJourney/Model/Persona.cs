using System;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <summary>A core target the journey is designed for.</summary>
/// <remarks>
/// Events carry a segment; a persona whose <see cref="Segment"/> matches lets reports speak of the persona.
/// Immutable; safe to share across threads.
/// </remarks>
public sealed class Persona : IEquatable<Persona>
{
    /// <summary>Creates a persona.</summary>
    /// <param name="id">The identifier; compared ordinally.</param>
    /// <param name="name">The name people read.</param>
    /// <param name="description">Who they are and what they want; null when not stated.</param>
    /// <param name="segment">The segment value that identifies this persona in event logs; null when none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is empty or white space.</exception>
    public Persona(string id, string name, string? description = null, string? segment = null)
    {
        Id = Guard.NotBlank(id);
        Name = Guard.NotBlank(name);
        Description = description;
        Segment = segment;
    }

    /// <summary>The identifier.</summary>
    public string Id { get; }

    /// <summary>The name people read.</summary>
    public string Name { get; }

    /// <summary>Who they are and what they want; null when not stated.</summary>
    public string? Description { get; }

    /// <summary>The segment value that identifies this persona in event logs; null when none.</summary>
    public string? Segment { get; }

    /// <inheritdoc/>
    public bool Equals(Persona? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal)
         && string.Equals(Description, other.Description, StringComparison.Ordinal) && string.Equals(Segment, other.Segment, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Persona);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Id), Hash.Of(Name), Hash.Of(Description), Hash.Of(Segment));

    /// <summary>Returns the id.</summary>
    public override string ToString() => Id;
}
