namespace CustomerJourney.Analysis;

/// <summary>The kinds of <see cref="JourneyOutcome"/>.</summary>
public enum JourneyOutcomeKind
{
    /// <summary>The journey reached the map's conversion stage.</summary>
    Conversion = 0,

    /// <summary>The journey reached a given stage.</summary>
    StageReached = 1,

    /// <summary>The journey's last NPS answer is 9 or 10.</summary>
    Promoter = 2,
}
