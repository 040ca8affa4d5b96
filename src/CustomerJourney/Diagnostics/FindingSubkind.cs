namespace CustomerJourney.Diagnostics;

/// <summary>The precise kind of an irritant or a rupture point.</summary>
public enum FindingSubkind
{
    /// <summary>Enchantments and moments of truth have no subkind.</summary>
    None = 0,

    /// <summary>Irritant: a touchpoint customers expect (declared, or attempted in the log) that the company does not offer.</summary>
    Missing = 1,

    /// <summary>Irritant: a touchpoint whose share of bad experiences is clearly above the baseline.</summary>
    Dissatisfying = 2,

    /// <summary>Irritant: customers here must finish the same stage on another channel, clearly more often than elsewhere.</summary>
    ForcedCompletion = 3,

    /// <summary>Rupture: switching channel where the map declares no hand-off loses the customer's context, clearly more often than staying.</summary>
    ImpossibleSwitch = 4,

    /// <summary>Rupture: the map offers no way to the next stage on this channel, nor a hand-off to a channel that has it.</summary>
    ForcedSwitch = 5,
}
