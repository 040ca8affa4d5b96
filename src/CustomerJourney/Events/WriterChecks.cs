using System;
using System.Collections.Generic;

namespace CustomerJourney.Events;

/// <summary>Checks and names shared by the writers.</summary>
internal static class WriterChecks
{
    /// <summary>The column names the CSV and JSON Lines writers use for the event's own fields.</summary>
    public static readonly HashSet<string> CsvColumns = new(StringComparer.Ordinal)
    {
        "customer_id", "timestamp", "stage", "channel", "sentiment", "rating", "emotion", "nps", "status", "segment", "effort",
    };

    /// <summary>The attribute keys the XES writer uses for the event's own fields.</summary>
    public static readonly HashSet<string> XesKeys = new(StringComparer.Ordinal)
    {
        "concept:name", "time:timestamp", "stage", "channel", "sentiment", "rating", "emotion", "nps", "status", "segment", "effort",
    };

    /// <summary>Throws when an attribute would be read back as one of the event's own fields (or has no name).</summary>
    /// <exception cref="ArgumentException">An attribute name is empty or reserved.</exception>
    public static void CheckAttributeNames(EventLog log, HashSet<string> reserved)
    {
        foreach (var name in log.AttributeNameArray)
        {
            if (name.Length == 0 || reserved.Contains(name))
            {
                throw new ArgumentException($"The attribute '{name}' cannot be written: its name is empty or is the name of an event field.", nameof(log));
            }
        }
    }

    public static string StatusName(EventStatus status) => status switch
    {
        EventStatus.Failed => "failed",
        EventStatus.Abandoned => "abandoned",
        _ => "completed",
    };
}
