namespace CustomerJourney;

/// <summary>The phase of the relationship a stage belongs to.</summary>
/// <remarks>
/// Acquisition stages make up the buyer journey (up to the purchase); retention and loyalty stages
/// complete the customer journey (the whole relationship).
/// </remarks>
public enum JourneyPhase
{
    /// <summary>Attracting and converting a prospect: awareness to purchase.</summary>
    Acquisition = 0,

    /// <summary>Keeping the customer engaged after the purchase: delivery, usage, after-sales.</summary>
    Retention = 1,

    /// <summary>The customer comes back and recommends: loyalty and advocacy.</summary>
    Loyalty = 2,
}
