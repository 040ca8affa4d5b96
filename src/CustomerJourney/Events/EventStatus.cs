namespace CustomerJourney.Events;

/// <summary>How an interaction ended.</summary>
public enum EventStatus
{
    /// <summary>The customer did what they came to do (the default when a log does not say).</summary>
    Completed = 0,

    /// <summary>The customer tried and could not: typically an attempt at a touchpoint the company does not offer.</summary>
    Failed = 1,

    /// <summary>The customer gave up during the interaction.</summary>
    Abandoned = 2,
}
