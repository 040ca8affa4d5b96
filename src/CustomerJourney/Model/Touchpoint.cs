using System;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <summary>The crossing of a stage and a channel: where the customer meets the company at one step.</summary>
/// <remarks>
/// A touchpoint can be offered by the company, expected by customers, both or neither. Expected but not offered
/// is a missing touchpoint (an irritant). Immutable; safe to share across threads.
/// </remarks>
public sealed class Touchpoint : IEquatable<Touchpoint>
{
    /// <summary>Creates a touchpoint.</summary>
    /// <param name="stageId">The id of the stage.</param>
    /// <param name="channelId">The id of the channel.</param>
    /// <param name="offered">Whether the company offers this touchpoint.</param>
    /// <param name="expected">Whether customers expect to find it.</param>
    /// <param name="desiredExperience">
    /// The experience the company wants customers to have here, on the sentiment scale [-1, 1]; null when not stated.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> or <paramref name="channelId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stageId"/> or <paramref name="channelId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="desiredExperience"/> is outside [-1, 1] or not a number.</exception>
    public Touchpoint(string stageId, string channelId, bool offered = true, bool expected = true, double? desiredExperience = null)
    {
        StageId = Guard.NotBlank(stageId);
        ChannelId = Guard.NotBlank(channelId);
        if (desiredExperience is { } d && !(d >= -1.0 && d <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(desiredExperience), d, "The desired experience must be within [-1, 1].");
        }

        IsOffered = offered;
        IsExpected = expected;
        DesiredExperience = desiredExperience;
    }

    /// <summary>The id of the stage.</summary>
    public string StageId { get; }

    /// <summary>The id of the channel.</summary>
    public string ChannelId { get; }

    /// <summary>Whether the company offers this touchpoint.</summary>
    public bool IsOffered { get; }

    /// <summary>Whether customers expect to find this touchpoint.</summary>
    public bool IsExpected { get; }

    /// <summary>The experience the company wants customers to have here, in [-1, 1]; null when not stated.</summary>
    public double? DesiredExperience { get; }

    /// <inheritdoc/>
    public bool Equals(Touchpoint? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (string.Equals(StageId, other.StageId, StringComparison.Ordinal) && string.Equals(ChannelId, other.ChannelId, StringComparison.Ordinal)
         && IsOffered == other.IsOffered && IsExpected == other.IsExpected && Nullable.Equals(DesiredExperience, other.DesiredExperience)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Touchpoint);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Hash.Combine(Hash.Of(StageId), Hash.Of(ChannelId), (IsOffered ? 1 : 0) | (IsExpected ? 2 : 0), DesiredExperience.GetHashCode());

    /// <summary>Returns <c>stage@channel</c>, the activity name of this touchpoint.</summary>
    public override string ToString() => StageId + "@" + ChannelId;
}
