using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// For one touchpoint: the journeys that visited it, split by how they lived it, each with how many reached the outcome.
/// The evidence a moment of truth rests on: does living this touchpoint well or badly change where the journey ends?
/// </summary>
/// <remarks>
/// How a journey lived a touchpoint is the mean effective sentiment of its events there (see <see cref="SentimentSummary"/>):
/// good at or above the positive threshold, bad at or below the negative one, neutral in between, unrated when none of its
/// events there has a sentiment. Each visiting journey is in exactly one cell. Immutable; safe to share across threads.
/// </remarks>
public sealed class ExperienceOutcomeTable : IEquatable<ExperienceOutcomeTable>
{
    internal ExperienceOutcomeTable(OutcomeCounts good, OutcomeCounts neutral, OutcomeCounts bad, OutcomeCounts unrated)
    {
        Good = good;
        Neutral = neutral;
        Bad = bad;
        Unrated = unrated;
    }

    /// <summary>Journeys that lived the touchpoint well.</summary>
    public OutcomeCounts Good { get; }

    /// <summary>Journeys whose experience there was neither good nor bad.</summary>
    public OutcomeCounts Neutral { get; }

    /// <summary>Journeys that lived the touchpoint badly.</summary>
    public OutcomeCounts Bad { get; }

    /// <summary>Journeys that visited the touchpoint without a sentiment there.</summary>
    public OutcomeCounts Unrated { get; }

    /// <summary>All journeys that visited the touchpoint.</summary>
    public long Journeys => checked(Good.Journeys + Neutral.Journeys + Bad.Journeys + Unrated.Journeys);

    /// <inheritdoc/>
    public bool Equals(ExperienceOutcomeTable? other) =>
        other is not null && Good == other.Good && Neutral == other.Neutral && Bad == other.Bad && Unrated == other.Unrated;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExperienceOutcomeTable);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Good.GetHashCode(), Neutral.GetHashCode(), Bad.GetHashCode(), Unrated.GetHashCode());

    /// <summary>Returns the four cells.</summary>
    public override string ToString() => $"good {Good}, neutral {Neutral}, bad {Bad}, unrated {Unrated}";
}
