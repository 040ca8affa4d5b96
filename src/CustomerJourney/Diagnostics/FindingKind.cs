namespace CustomerJourney.Diagnostics;

/// <summary>The four categories of a journey diagnosis; reports list them in this order.</summary>
public enum FindingKind
{
    /// <summary>A touchpoint whose experience is clearly better than the journey's baseline.</summary>
    Enchantment = 0,

    /// <summary>A touchpoint that irritates: missing, dissatisfying, or forcing customers to finish elsewhere.</summary>
    Irritant = 1,

    /// <summary>A place where the journey breaks: a switch that loses the customer's context, or a dead end by design.</summary>
    RupturePoint = 2,

    /// <summary>A touchpoint where the relationship tips: the outcome differs strongly between those who lived it well and badly.</summary>
    MomentOfTruth = 3,
}
