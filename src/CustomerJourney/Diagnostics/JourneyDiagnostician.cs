using System;
using CustomerJourney.Analysis;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>
/// Turns a journey map, and optionally the statistics of what customers did, into a diagnosis: enchantments, irritants,
/// rupture points and moments of truth, each with the evidence behind it.
/// </summary>
/// <remarks>
/// <para>
/// From the map alone: irritants/missing (touchpoints expected but not offered), rupture points/forced switch (a stage
/// whose next stage is neither offered on the channel nor reachable by a hand-off, at either stage, to a channel that
/// offers it), coverage and continuity.
/// </para>
/// <para>
/// With statistics, each statistical finding is one family of one-sided two-proportion tests
/// (<c>H1: rate &gt; baseline</c>): a touchpoint (or switch) is tested only when both sides have at least
/// <see cref="DiagnosticOptions.MinSupport"/> observations; Benjamini–Hochberg keeps the false discovery rate of the family
/// at <see cref="DiagnosticOptions.FalseDiscoveryRate"/>; and a discovery is raised only when the Newcombe interval of the
/// difference excludes 0 (lower bound &gt; 0) and the difference is at least <see cref="DiagnosticOptions.MinimumEffect"/>.
/// Families and their counts:
/// </para>
/// <list type="bullet">
/// <item><description>irritant/dissatisfying: journeys that lived the touchpoint badly among those rated there, against the
/// pooled share over every other touchpoint (journey visits, so a journey counts at each touchpoint it visited);</description></item>
/// <item><description>enchantment: the same with journeys that lived it well;</description></item>
/// <item><description>irritant/forcedCompletion: visiting journeys that later completed the same stage on another channel,
/// against the pooled share at the other touchpoints;</description></item>
/// <item><description>rupturePoint/impossibleSwitch: moves from one channel to another with no hand-off declared (at the stage
/// left or the next one) that lost context, against the moves that stayed on their channel at the same stage;</description></item>
/// <item><description>momentOfTruth: outcome rate of journeys that lived the touchpoint well against those that lived it
/// badly; lift = the difference, score = reach × lift with reach = visiting journeys / all journeys.</description></item>
/// </list>
/// <para>
/// A finding's rate, baseline and interval: for rate findings, the rate, the baseline and the Wilson interval of the rate;
/// for a moment of truth, the good and bad outcome rates and the Newcombe interval of the lift. The score of a rate finding
/// is rate − baseline. Irritants/missing observed in the log (events at a touchpoint the map does not offer) have the reach
/// of those events (journeys there / all journeys) as rate and score, 0 as baseline, and need no test: any such event is a
/// fact. Map-only findings have support 0, no rate, and as score the reach of the place (0 without statistics).
/// </para>
/// <para>Never reads events; pure and deterministic; thread-safe.</para>
/// </remarks>
public static class JourneyDiagnostician
{
    /// <summary>Diagnoses a journey map, with what customers did when statistics are given.</summary>
    /// <param name="map">The journey map.</param>
    /// <param name="statistics">Statistics of an event log analyzed against this map; null to diagnose the map alone.</param>
    /// <param name="options">Thresholds; null for the defaults (see <see cref="DiagnosticOptions"/>).</param>
    /// <returns>The report; the same inputs give an equal report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException">The statistics were computed against a map with other stages or channels.</exception>
    public static DiagnosticReport Diagnose(JourneyMap map, JourneyStatistics? statistics = null, DiagnosticOptions? options = null)
    {
        Guard.NotNull(map);
        if (statistics is not null)
        {
            CheckSameMap(map, statistics);
        }

        return new DiagnosticEngine(map, statistics, options ?? DiagnosticOptions.Default).Run();
    }

    private static void CheckSameMap(JourneyMap map, JourneyStatistics statistics)
    {
        var same = map.Stages.Count == statistics.Stages.Count && map.Channels.Count == statistics.Channels.Count;
        for (var i = 0; same && i < map.Stages.Count; i++)
        {
            same = string.Equals(map.Stages[i].Id, statistics.Stages[i], StringComparison.Ordinal);
        }

        for (var i = 0; same && i < map.Channels.Count; i++)
        {
            same = string.Equals(map.Channels[i].Id, statistics.Channels[i], StringComparison.Ordinal);
        }

        if (!same)
        {
            throw new ArgumentException("The statistics were computed against a map with other stages or channels; analyze the log with this map.", nameof(statistics));
        }
    }
}
