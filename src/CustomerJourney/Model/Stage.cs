using System;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <summary>A step of the relationship between a customer and a company (awareness, purchase, after-sales…).</summary>
/// <remarks>Immutable; safe to share across threads. Equality compares every property (ordinal for strings).</remarks>
public sealed class Stage : IEquatable<Stage>
{
    /// <summary>Creates a stage.</summary>
    /// <param name="id">The identifier events use to name the stage; compared ordinally.</param>
    /// <param name="name">The name people read.</param>
    /// <param name="order">Position in the journey; unique within a map, smaller comes first. Any integer.</param>
    /// <param name="phase">The phase of the relationship the stage belongs to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phase"/> is not a defined value.</exception>
    public Stage(string id, string name, int order, JourneyPhase phase = JourneyPhase.Acquisition)
    {
        Id = Guard.NotBlank(id);
        Name = Guard.NotBlank(name);
        if (phase is < JourneyPhase.Acquisition or > JourneyPhase.Loyalty)
        {
            throw new ArgumentOutOfRangeException(nameof(phase), phase, "Undefined journey phase.");
        }

        Order = order;
        Phase = phase;
    }

    /// <summary>The identifier events use to name the stage.</summary>
    public string Id { get; }

    /// <summary>The name people read.</summary>
    public string Name { get; }

    /// <summary>Position in the journey: smaller comes first. Unique within a map.</summary>
    public int Order { get; }

    /// <summary>The phase of the relationship the stage belongs to.</summary>
    public JourneyPhase Phase { get; }

    /// <inheritdoc/>
    public bool Equals(Stage? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal)
         && Order == other.Order && Phase == other.Phase));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Stage);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(Id), Hash.Of(Name), Order, (int)Phase);

    /// <summary>Returns the id, as activities name the stage.</summary>
    public override string ToString() => Id;
}
