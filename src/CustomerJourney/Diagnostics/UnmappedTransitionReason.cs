namespace CustomerJourney.Diagnostics;

/// <summary>Why a transition customers took is not one the map connects; when several apply, the first in this order.</summary>
public enum UnmappedTransitionReason
{
    /// <summary>One of the two touchpoints is not offered by the map.</summary>
    NotOffered = 0,

    /// <summary>The channel changes and no hand-off is declared, at the stage left or the stage reached.</summary>
    NoHandoff = 1,

    /// <summary>The journey goes back to an earlier stage.</summary>
    Back = 2,

    /// <summary>The journey skips one stage or more.</summary>
    Skip = 3,
}
