using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

namespace CustomerJourney.Samples.CrmPlugin;

/// <summary>
/// What a CRM plug-in does when an interaction record is created: place it in the customer's journey and say
/// whether it is a touchpoint the company does not offer, or a channel switch with no hand-off (the customer
/// will have to start over). Records are attribute bags, as Dataverse entities are.
/// </summary>
/// <remarks>
/// Built for net462 through the library's netstandard2.0/net462 build. Plug-ins forbid threads, so the analyzer runs
/// with <c>MaxDegreeOfParallelism = 1</c>, on the calling thread; the map is immutable and can be cached in a static.
/// </remarks>
public sealed class InteractionHandler
{
    private readonly JourneyMap _map;

    /// <summary>Creates the handler for a journey map (load it once, e.g. from a web resource, and keep it).</summary>
    public InteractionHandler(JourneyMap map) => _map = map ?? throw new ArgumentNullException(nameof(map));

    /// <summary>Evaluates a new interaction against the customer's earlier ones.</summary>
    /// <param name="interaction">The record created: <c>contactid</c>, <c>createdon</c> (DateTimeOffset), <c>cj_stage</c>, <c>cj_channel</c>, optional <c>cj_sentiment</c> (double).</param>
    /// <param name="history">The customer's earlier interaction records, in any order.</param>
    /// <returns>Warnings for the CRM user, empty when the interaction is where the design expects it.</returns>
    public IReadOnlyList<string> Evaluate(IReadOnlyDictionary<string, object> interaction, IEnumerable<IReadOnlyDictionary<string, object>> history)
    {
        var events = new List<JourneyEvent>();
        foreach (var record in history)
        {
            events.Add(ToEvent(record));
        }

        var current = ToEvent(interaction);
        events.Add(current);
        var warnings = new List<string>();
        if (!_map.IsOffered(current.StageId, current.ChannelId))
        {
            warnings.Add($"'{current.StageId}' is not offered on '{current.ChannelId}': the customer tried a touchpoint the journey does not have.");
        }

        var log = EventLog.FromEvents(events, new EventLogOptions { Map = _map });
        var stats = JourneyAnalyzer.Analyze(log, _map, new AnalyzerOptions { MaxDegreeOfParallelism = 1 });
        foreach (var change in stats.ChannelSwitches)
        {
            if (!_map.HasHandoff(change.FromChannel, change.ToChannel, change.Stage))
            {
                warnings.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "switched from '{0}' to '{1}' at '{2}' with no hand-off: the customer's context is lost.",
                    change.FromChannel,
                    change.ToChannel,
                    change.Stage));
            }
        }

        return warnings;
    }

    private static JourneyEvent ToEvent(IReadOnlyDictionary<string, object> record) =>
        new(
            (string)record["contactid"],
            (DateTimeOffset)record["createdon"],
            (string)record["cj_stage"],
            (string)record["cj_channel"],
            record.TryGetValue("cj_sentiment", out var s) ? Convert.ToDouble(s, CultureInfo.InvariantCulture) : null);
}
