namespace CustomerJourney.Analysis;

/// <summary>What the analyzer does with an event that repeats the one before it in its journey.</summary>
/// <remarks>
/// A duplicate has the same customer, timestamp, touchpoint and status as the previous event of its journey (after the
/// journey is ordered by time): exports that write a row twice produce them, and they inflate counts and self-loops.
/// </remarks>
public enum DuplicatePolicy
{
    /// <summary>Drop duplicates and count them as <see cref="Events.RejectionReason.Duplicate"/> (the default).</summary>
    Drop = 0,

    /// <summary>Keep duplicates as ordinary events: what pm4py does, so use it to reproduce pm4py's figures.</summary>
    Keep = 1,
}
