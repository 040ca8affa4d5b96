using System;
using System.Collections.Generic;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>
/// What <see cref="JourneyDiagnostician.Diagnose"/> concluded, with everything a reader needs to check it: the findings
/// with their evidence, the omnichannel coverage and continuity of the map, the reference-model deviations, and the
/// satisfaction figures (funnel, NPS, CSAT, CES, experience gaps, top variants).
/// </summary>
/// <remarks>
/// <para>
/// Figures that need an event log (funnel, NPS, CSAT, CES, gaps, variants, unused touchpoints, unmapped transitions) are
/// empty or null when the diagnosis was made from the map alone. CES comes only from the events' effort answers (the
/// <c>effort</c> field, 1–7): it is never made up from ratings or sentiment, which measure something else.
/// </para>
/// <para>Value equality over every figure. Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class DiagnosticReport : IEquatable<DiagnosticReport>
{
    internal DiagnosticReport(
        IReadOnlyList<Finding> findings,
        IReadOnlyList<StageCoverage> coverage,
        IReadOnlyList<Handoff> continuity,
        IReadOnlyList<Touchpoint> unusedTouchpoints,
        IReadOnlyList<UnmappedTransition> unmappedTransitions,
        long journeys,
        long events,
        IReadOnlyList<FunnelStep> funnel,
        NpsEstimate? nps,
        IReadOnlyDictionary<string, NpsEstimate> npsByTouchpoint,
        IReadOnlyDictionary<string, NpsEstimate> npsBySegment,
        IReadOnlyDictionary<string, NpsEstimate> npsByPersona,
        ProportionEstimate? csat,
        IReadOnlyDictionary<string, ProportionEstimate> csatByTouchpoint,
        IReadOnlyDictionary<string, ProportionEstimate> csatBySegment,
        IReadOnlyDictionary<string, ProportionEstimate> csatByPersona,
        ProportionEstimate? ces,
        IReadOnlyDictionary<string, ProportionEstimate> cesByTouchpoint,
        IReadOnlyDictionary<string, ProportionEstimate> cesBySegment,
        IReadOnlyDictionary<string, ProportionEstimate> cesByPersona,
        IReadOnlyList<ExperienceGap> experienceGaps,
        VariantSelection? topVariants)
    {
        Findings = findings;
        Coverage = coverage;
        Continuity = continuity;
        UnusedTouchpoints = unusedTouchpoints;
        UnmappedTransitions = unmappedTransitions;
        Journeys = journeys;
        Events = events;
        Funnel = funnel;
        Nps = nps;
        NpsByTouchpoint = npsByTouchpoint;
        NpsBySegment = npsBySegment;
        NpsByPersona = npsByPersona;
        Csat = csat;
        CsatByTouchpoint = csatByTouchpoint;
        CsatBySegment = csatBySegment;
        CsatByPersona = csatByPersona;
        Ces = ces;
        CesByTouchpoint = cesByTouchpoint;
        CesBySegment = cesBySegment;
        CesByPersona = cesByPersona;
        ExperienceGaps = experienceGaps;
        TopVariants = topVariants;
    }

    /// <summary>The findings, by kind (enchantments, irritants, rupture points, moments of truth), then score descending, then place.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Per stage, in map order: channels offered, expected, and expected but missing.</summary>
    public IReadOnlyList<StageCoverage> Coverage { get; }

    /// <summary>The hand-offs the map declares (the channel continuity matrix, as its non-empty cells), in map order.</summary>
    public IReadOnlyList<Handoff> Continuity { get; }

    /// <summary>Reference model: offered touchpoints no journey used (each with a count of 0), in map order.</summary>
    public IReadOnlyList<Touchpoint> UnusedTouchpoints { get; }

    /// <summary>Reference model: directly-follows pairs customers took that the map does not connect, sorted by (from, to).</summary>
    public IReadOnlyList<UnmappedTransition> UnmappedTransitions { get; }

    /// <summary>The journeys diagnosed; 0 from the map alone.</summary>
    public long Journeys { get; }

    /// <summary>The events diagnosed; 0 from the map alone.</summary>
    public long Events { get; }

    /// <summary>Journeys reaching each stage, in map order (see <see cref="JourneyStatistics.Funnel"/>).</summary>
    public IReadOnlyList<FunnelStep> Funnel { get; }

    /// <summary>NPS over journeys (each journey's last answer); null when no journey answered.</summary>
    public NpsEstimate? Nps { get; }

    /// <summary>NPS of the answers given at each touchpoint, by activity name; touchpoints without answers are absent.</summary>
    public IReadOnlyDictionary<string, NpsEstimate> NpsByTouchpoint { get; }

    /// <summary>NPS per segment; segments without answers are absent.</summary>
    public IReadOnlyDictionary<string, NpsEstimate> NpsBySegment { get; }

    /// <summary>NPS per persona id, for the personas whose segment the log has answers for.</summary>
    public IReadOnlyDictionary<string, NpsEstimate> NpsByPersona { get; }

    /// <summary>CSAT over every rated event: the share of ratings 4 and 5; null when nothing was rated.</summary>
    public ProportionEstimate? Csat { get; }

    /// <summary>CSAT per touchpoint, by activity name; touchpoints without ratings are absent.</summary>
    public IReadOnlyDictionary<string, ProportionEstimate> CsatByTouchpoint { get; }

    /// <summary>CSAT over the rated events of each segment's journeys, by segment; segments without ratings are absent.</summary>
    public IReadOnlyDictionary<string, ProportionEstimate> CsatBySegment { get; }

    /// <summary>CSAT per persona of the map, by persona id: that of the persona's segment; personas without one are absent.</summary>
    public IReadOnlyDictionary<string, ProportionEstimate> CsatByPersona { get; }

    /// <summary>
    /// CES (customer effort score) over every effort answer: the share of answers 5 to 7 on the 1–7 scale of "the company
    /// made it easy for me", with its Wilson interval; null when no event has an effort answer.
    /// </summary>
    public ProportionEstimate? Ces { get; }

    /// <summary>CES per touchpoint, by activity name; touchpoints without effort answers are absent.</summary>
    public IReadOnlyDictionary<string, ProportionEstimate> CesByTouchpoint { get; }

    /// <summary>CES over the effort answers of each segment's journeys, by segment; segments without answers are absent.</summary>
    public IReadOnlyDictionary<string, ProportionEstimate> CesBySegment { get; }

    /// <summary>CES per persona of the map, by persona id: that of the persona's segment; personas without one are absent.</summary>
    public IReadOnlyDictionary<string, ProportionEstimate> CesByPersona { get; }

    /// <summary>Desired versus observed experience for the touchpoints that declare one and have rated events, in map order.</summary>
    public IReadOnlyList<ExperienceGap> ExperienceGaps { get; }

    /// <summary>The most frequent path variants (<see cref="DiagnosticOptions.TopVariants"/>); null from the map alone.</summary>
    public VariantSelection? TopVariants { get; }

    /// <inheritdoc/>
    public bool Equals(DiagnosticReport? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (Journeys == other.Journeys && Events == other.Events
         && Findings.SequenceEqual(other.Findings) && Coverage.SequenceEqual(other.Coverage) && Continuity.SequenceEqual(other.Continuity)
         && UnusedTouchpoints.SequenceEqual(other.UnusedTouchpoints) && UnmappedTransitions.SequenceEqual(other.UnmappedTransitions)
         && Funnel.SequenceEqual(other.Funnel) && Equals(Nps, other.Nps)
         && NpsByTouchpoint.SequenceEqual(other.NpsByTouchpoint) && NpsBySegment.SequenceEqual(other.NpsBySegment)
         && NpsByPersona.SequenceEqual(other.NpsByPersona) && Equals(Csat, other.Csat) && CsatByTouchpoint.SequenceEqual(other.CsatByTouchpoint)
         && CsatBySegment.SequenceEqual(other.CsatBySegment) && CsatByPersona.SequenceEqual(other.CsatByPersona)
         && Equals(Ces, other.Ces) && CesByTouchpoint.SequenceEqual(other.CesByTouchpoint)
         && CesBySegment.SequenceEqual(other.CesBySegment) && CesByPersona.SequenceEqual(other.CesByPersona)
         && ExperienceGaps.SequenceEqual(other.ExperienceGaps) && SameVariants(TopVariants, other.TopVariants)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DiagnosticReport);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Findings.Count, Journeys.GetHashCode(), Events.GetHashCode());

    /// <summary>Returns the number of findings by kind.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Findings.Count} findings over {Journeys} journeys: {Findings.Count(f => f.Kind == FindingKind.Enchantment)} enchantments, {Findings.Count(f => f.Kind == FindingKind.Irritant)} irritants, {Findings.Count(f => f.Kind == FindingKind.RupturePoint)} rupture points, {Findings.Count(f => f.Kind == FindingKind.MomentOfTruth)} moments of truth");

    private static bool SameVariants(VariantSelection? a, VariantSelection? b) =>
        a is null ? b is null : b is not null && a.OtherVariants == b.OtherVariants && a.OtherJourneys == b.OtherJourneys && a.Variants.SequenceEqual(b.Variants);
}
