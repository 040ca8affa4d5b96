using System;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>
/// What counts as a journey that went well, for the experience × outcome tables that tell which touchpoints tip the
/// relationship (moments of truth): a conversion, a stage reached, or a promoter.
/// </summary>
/// <remarks>
/// A stage counts as reached when the journey's furthest stage (by map rank) among its <em>completed</em> events is at or
/// beyond it, the same rule as the funnel. Immutable; safe to share across threads.
/// </remarks>
public sealed class JourneyOutcome : IEquatable<JourneyOutcome>
{
    private JourneyOutcome(JourneyOutcomeKind kind, string? stageId)
    {
        Kind = kind;
        StageId = stageId;
    }

    /// <summary>The journey reached the map's <see cref="JourneyMap.ConversionStage"/> (the default outcome).</summary>
    public static JourneyOutcome Conversion { get; } = new(JourneyOutcomeKind.Conversion, null);

    /// <summary>The journey's last NPS answer is 9 or 10; journeys without an answer are not promoters.</summary>
    public static JourneyOutcome Promoter { get; } = new(JourneyOutcomeKind.Promoter, null);

    /// <summary>What kind of outcome this is.</summary>
    public JourneyOutcomeKind Kind { get; }

    /// <summary>The stage to reach, for <see cref="JourneyOutcomeKind.StageReached"/>; null otherwise.</summary>
    public string? StageId { get; }

    /// <summary>The journey reached a given stage (loyalty, recommendation…).</summary>
    /// <param name="stageId">The stage id; the analyzer checks it exists in the map.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stageId"/> is empty or white space.</exception>
    public static JourneyOutcome StageReached(string stageId) => new(JourneyOutcomeKind.StageReached, Guard.NotBlank(stageId));

    /// <inheritdoc/>
    public bool Equals(JourneyOutcome? other) =>
        other is not null && Kind == other.Kind && string.Equals(StageId, other.StageId, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JourneyOutcome);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine((int)Kind, Hash.Of(StageId));

    /// <summary>Returns <c>conversion</c>, <c>promoter</c> or <c>stage:&lt;id&gt;</c>, as the command line writes it.</summary>
    public override string ToString() => Kind switch
    {
        JourneyOutcomeKind.Conversion => "conversion",
        JourneyOutcomeKind.Promoter => "promoter",
        _ => "stage:" + StageId,
    };
}
