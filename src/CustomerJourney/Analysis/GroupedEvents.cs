using CustomerJourney.Events;

namespace CustomerJourney.Analysis;

/// <summary>
/// All the events of a log grouped by customer: <c>Order[Start[c]..Start[c+1])</c> are the events of customer c, by time,
/// equal timestamps in input order. Made once per log and kept by it (<see cref="EventLog.GroupedByCustomer"/>).
/// </summary>
/// <remarks>Never written after it is made: shared by every analysis of the log, on any thread.</remarks>
internal sealed class GroupedEvents
{
    private GroupedEvents(int[] order, int[] start)
    {
        Order = order;
        Start = start;
    }

    /// <summary>Event positions, customer after customer.</summary>
    public int[] Order { get; }

    /// <summary>Where each customer's events start in <see cref="Order"/>, and the end (customers + 1 entries).</summary>
    public int[] Start { get; }

    /// <summary>
    /// The index of a log: the one it keeps, or a new one, then kept. The first analysis pays for it (4 bytes per event, 4 per
    /// customer and 4 more per customer and thread while it is made); the log then holds 4 bytes per event and 4 per customer for as long as it lives.
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="parallelism">How many threads may make it (the index is the same whatever the number).</param>
    public static GroupedEvents Of(EventLog log, int parallelism)
    {
        if (log.GroupedByCustomer is { } kept)
        {
            return kept;
        }

        JourneyOrdering.GroupByCustomer(log, null, parallelism, out var order, out var start);
        return log.KeepGroupedByCustomer(new GroupedEvents(order, start));
    }
}
