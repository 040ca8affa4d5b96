using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using CustomerJourney.Analysis;

namespace CustomerJourney.Diagnostics;

/// <summary>One diagnosis: the map-only checks, then one family of tests per statistical finding kind.</summary>
/// <remarks>Single use; not thread-safe.</remarks>
internal sealed class DiagnosticEngine
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private readonly JourneyMap _map;
    private readonly JourneyStatistics? _statistics;
    private readonly DiagnosticOptions _options;
    private readonly double _z;
    private readonly TouchpointStatistics?[] _grid; // [stage rank × channels + channel]
    private readonly List<Finding> _findings = new();
    private readonly int _channels;

    public DiagnosticEngine(JourneyMap map, JourneyStatistics? statistics, DiagnosticOptions options)
    {
        _map = map;
        _statistics = statistics;
        _options = options;
        _z = Proportions.ZForConfidence(options.Confidence);
        _channels = map.Channels.Count;
        _grid = new TouchpointStatistics?[checked(map.Stages.Count * _channels)];
        if (statistics is not null)
        {
            foreach (var t in statistics.Touchpoints)
            {
                _grid[(map.StageIndexOrMinusOne(t.Stage) * _channels) + map.ChannelIndexOrMinusOne(t.Channel)] = t;
            }
        }
    }

    public DiagnosticReport Run()
    {
        var coverage = Coverage();
        Missing();
        ForcedSwitches();
        if (_statistics is not null)
        {
            RateFamily(FindingKind.Irritant, FindingSubkind.Dissatisfying, t => t.Experience.Bad.Journeys, Rated,
                (t, x1, n1, x2, n2) => Format("{0} of the {1} journeys rated at {2} lived it badly, against {3} of the {4} rated visits to the other touchpoints.", Pct(x1, n1), n1, Place(t), Pct(x2, n2), n2));
            RateFamily(FindingKind.Enchantment, FindingSubkind.None, t => t.Experience.Good.Journeys, Rated,
                (t, x1, n1, x2, n2) => Format("{0} of the {1} journeys rated at {2} lived it well, against {3} of the {4} rated visits to the other touchpoints.", Pct(x1, n1), n1, Place(t), Pct(x2, n2), n2));
            RateFamily(FindingKind.Irritant, FindingSubkind.ForcedCompletion, t => t.ForcedCompletions, t => t.Experience.Journeys,
                (t, x1, n1, x2, n2) => Format("{0} of the {1} journeys that visited {2} later completed {3} on another channel, against {4} of the {5} visits to the other touchpoints.", Pct(x1, n1), n1, Place(t), t.Stage, Pct(x2, n2), n2));
            ImpossibleSwitches();
            MomentsOfTruth();
        }

        _findings.Sort(Finding.Compare);
        var continuity = new List<Handoff>(_map.Handoffs);
        var unused = new List<Touchpoint>();
        var unmapped = new List<UnmappedTransition>();
        var npsByTouchpoint = new List<KeyValuePair<string, NpsEstimate>>();
        var npsBySegment = new List<KeyValuePair<string, NpsEstimate>>();
        var npsByPersona = new List<KeyValuePair<string, NpsEstimate>>();
        var csatByTouchpoint = new List<KeyValuePair<string, ProportionEstimate>>();
        var csatBySegment = new List<KeyValuePair<string, ProportionEstimate>>();
        var csatByPersona = new List<KeyValuePair<string, ProportionEstimate>>();
        var cesByTouchpoint = new List<KeyValuePair<string, ProportionEstimate>>();
        var cesBySegment = new List<KeyValuePair<string, ProportionEstimate>>();
        var cesByPersona = new List<KeyValuePair<string, ProportionEstimate>>();
        var gaps = new List<ExperienceGap>();
        ProportionEstimate? csat = null;
        ProportionEstimate? ces = null;
        NpsEstimate? nps = null;
        VariantSelection? top = null;
        IReadOnlyList<FunnelStep> funnel = Array.Empty<FunnelStep>();
        var s = _statistics;
        if (s is not null)
        {
            ReferenceModel(s, unused, unmapped);
            nps = NpsEstimate.From(s.Nps, _z);
            var allRatings = new long[5];
            var allEfforts = new long[7];
            foreach (var t in s.Touchpoints)
            {
                if (NpsEstimate.From(t.Nps, _z) is { } e)
                {
                    npsByTouchpoint.Add(new KeyValuePair<string, NpsEstimate>(t.Activity, e));
                }

                Add(csatByTouchpoint, t.Activity, TopShare(t.RawRatings, CsatFrom));
                Add(cesByTouchpoint, t.Activity, TopShare(t.RawEfforts, CesFrom));
                StatisticsBuilder.AddInto(allRatings, t.RawRatings, 0);
                StatisticsBuilder.AddInto(allEfforts, t.RawEfforts, 0);
            }

            csat = TopShare(allRatings, CsatFrom);
            ces = TopShare(allEfforts, CesFrom);
            foreach (var g in s.Segments)
            {
                var segmentCsat = TopShare(g.RawRatings, CsatFrom);
                var segmentCes = TopShare(g.RawEfforts, CesFrom);
                Add(csatBySegment, g.Segment, segmentCsat);
                Add(cesBySegment, g.Segment, segmentCes);
                foreach (var p in _map.Personas)
                {
                    if (string.Equals(p.Segment, g.Segment, StringComparison.Ordinal))
                    {
                        Add(csatByPersona, p.Id, segmentCsat);
                        Add(cesByPersona, p.Id, segmentCes);
                    }
                }

                if (NpsEstimate.From(g.Nps, _z) is { } e)
                {
                    npsBySegment.Add(new KeyValuePair<string, NpsEstimate>(g.Segment, e));
                    foreach (var p in _map.Personas)
                    {
                        if (string.Equals(p.Segment, g.Segment, StringComparison.Ordinal))
                        {
                            npsByPersona.Add(new KeyValuePair<string, NpsEstimate>(p.Id, e));
                        }
                    }
                }
            }

            foreach (var tp in _map.Touchpoints)
            {
                if (tp.DesiredExperience is { } desired && At(tp.StageId, tp.ChannelId) is { } t && t.Sentiment.Count > 0)
                {
                    gaps.Add(new ExperienceGap(tp.StageId, tp.ChannelId, desired, t.Sentiment.Mean, t.Sentiment.Count));
                }
            }

            top = s.TopVariants(_options.TopVariants);
            funnel = s.Funnel;
        }

        return new DiagnosticReport(
            new ReadOnlyCollection<Finding>(_findings.ToArray()), coverage, new ReadOnlyCollection<Handoff>(continuity.ToArray()),
            new ReadOnlyCollection<Touchpoint>(unused.ToArray()), new ReadOnlyCollection<UnmappedTransition>(unmapped.ToArray()),
            s?.Journeys ?? 0, s?.Events ?? 0, funnel, nps,
            new SortedMap<string, NpsEstimate>(npsByTouchpoint, StringComparer.Ordinal),
            new SortedMap<string, NpsEstimate>(npsBySegment, StringComparer.Ordinal),
            new SortedMap<string, NpsEstimate>(npsByPersona, StringComparer.Ordinal),
            csat, Sorted(csatByTouchpoint), Sorted(csatBySegment), Sorted(csatByPersona),
            ces, Sorted(cesByTouchpoint), Sorted(cesBySegment), Sorted(cesByPersona),
            new ReadOnlyCollection<ExperienceGap>(gaps.ToArray()), top);
    }

    /// <summary>CSAT counts ratings 4 and 5 of 5 (index 3 on).</summary>
    private const int CsatFrom = 3;

    /// <summary>CES counts effort answers 5 to 7 of 7 (index 4 on): "agree" that it was easy.</summary>
    private const int CesFrom = 4;

    /// <summary>The share of answers at index <paramref name="from"/> or above, with its interval; null without answers.</summary>
    private ProportionEstimate? TopShare(long[] counts, int from)
    {
        long top = 0, all = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            all = checked(all + counts[i]);
            top = i >= from ? checked(top + counts[i]) : top;
        }

        return all > 0 ? new ProportionEstimate(top, all, _z) : null;
    }

    private static void Add(List<KeyValuePair<string, ProportionEstimate>> list, string key, ProportionEstimate? estimate)
    {
        if (estimate is not null)
        {
            list.Add(new KeyValuePair<string, ProportionEstimate>(key, estimate));
        }
    }

    private static SortedMap<string, ProportionEstimate> Sorted(List<KeyValuePair<string, ProportionEstimate>> list) =>
        new(list, StringComparer.Ordinal);

    private static long Rated(TouchpointStatistics t) => checked(t.Experience.Good.Journeys + t.Experience.Neutral.Journeys + t.Experience.Bad.Journeys);

    private static string Place(TouchpointStatistics t) => t.Stage + "@" + t.Channel;

    private static string Format(string format, params object[] args) => string.Format(s_invariant, format, Counts(args));

    private static object[] Counts(object[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is long n)
            {
                args[i] = n.ToString("N0", s_invariant);
            }
        }

        return args;
    }

    private static string Pct(long x, long n) => (100.0 * x / n).ToString("0", s_invariant) + "%";

    private TouchpointStatistics? At(string stage, string channel) =>
        _grid[(_map.StageIndexOrMinusOne(stage) * _channels) + _map.ChannelIndexOrMinusOne(channel)];

    private double Reach(long journeys) => _statistics is { Journeys: > 0 } s ? (double)journeys / s.Journeys : 0.0;

    private ReadOnlyCollection<StageCoverage> Coverage()
    {
        var result = new StageCoverage[_map.Stages.Count];
        for (var k = 0; k < result.Length; k++)
        {
            var offered = new List<string>();
            var expected = new List<string>();
            var missing = new List<string>();
            for (var c = 0; c < _channels; c++)
            {
                var tp = _map.TouchpointAt(k, c);
                if (tp is null)
                {
                    continue;
                }

                if (tp.IsOffered)
                {
                    offered.Add(tp.ChannelId);
                }

                if (tp.IsExpected)
                {
                    expected.Add(tp.ChannelId);
                }

                if (tp.IsExpected && !tp.IsOffered)
                {
                    missing.Add(tp.ChannelId);
                }
            }

            result[k] = new StageCoverage(_map.Stages[k].Id, offered.AsReadOnly(), expected.AsReadOnly(), missing.AsReadOnly());
        }

        return new ReadOnlyCollection<StageCoverage>(result);
    }

    /// <summary>Declared (expected, not offered) and observed (events where the map offers nothing) missing touchpoints; one finding per place.</summary>
    private void Missing()
    {
        for (var k = 0; k < _map.Stages.Count; k++)
        {
            for (var c = 0; c < _channels; c++)
            {
                var tp = _map.TouchpointAt(k, c);
                if (tp is { IsOffered: true })
                {
                    continue;
                }

                var stage = _map.Stages[k].Id;
                var channel = _map.Channels[c].Id;
                var t = _grid[(k * _channels) + c];
                if (t is not null && t.Events > 0)
                {
                    var journeys = t.Experience.Journeys;
                    var reach = Reach(journeys);
                    var ci = Proportions.Wilson(journeys, _statistics!.Journeys, _z);
                    _findings.Add(new Finding(
                        FindingKind.Irritant, FindingSubkind.Missing, stage, channel, null, null, reach, journeys, reach, 0.0, ci.Low, ci.High,
                        Format("{0} journeys ({1}) logged {2} events at {3}@{4}, which the map does not offer; {5} of them failed or were abandoned.", journeys, Pct(journeys, _statistics.Journeys), t.Events, stage, channel, t.Attempts)));
                }
                else if (tp is { IsExpected: true })
                {
                    _findings.Add(new Finding(
                        FindingKind.Irritant, FindingSubkind.Missing, stage, channel, null, null, 0.0, 0, null, null, null, null,
                        Format("Customers expect {0}@{1}, which the map does not offer.", stage, channel)));
                }
            }
        }
    }

    private void ForcedSwitches()
    {
        for (var k = 0; k + 1 < _map.Stages.Count; k++)
        {
            var stage = _map.Stages[k].Id;
            var next = _map.Stages[k + 1].Id;
            for (var c = 0; c < _channels; c++)
            {
                if (_map.TouchpointAt(k, c) is not { IsOffered: true } || _map.TouchpointAt(k + 1, c) is { IsOffered: true })
                {
                    continue;
                }

                var reachable = false;
                for (var d = 0; d < _channels && !reachable; d++)
                {
                    reachable = d != c && _map.TouchpointAt(k + 1, d) is { IsOffered: true }
                        && (_map.HasHandoffAt(c, d, k) || _map.HasHandoffAt(c, d, k + 1));
                }

                if (reachable)
                {
                    continue;
                }

                var channel = _map.Channels[c].Id;
                var visited = _grid[(k * _channels) + c]?.Experience.Journeys ?? 0;
                _findings.Add(new Finding(
                    FindingKind.RupturePoint, FindingSubkind.ForcedSwitch, stage, channel, null, null, Reach(visited), 0, null, null, null, null,
                    Format("At {0}@{1} the map offers no way on to {2}: {2} is not offered on {1}, and no hand-off leads to a channel that offers it.", stage, channel, next)));
            }
        }
    }

    /// <summary>A touchpoint family: each touchpoint's share against the pooled share of every other touchpoint.</summary>
    private void RateFamily(
        FindingKind kind, FindingSubkind subkind, Func<TouchpointStatistics, long> successes, Func<TouchpointStatistics, long> trials,
        Func<TouchpointStatistics, long, long, long, long, string> explain)
    {
        long allX = 0, allN = 0;
        foreach (var t in _statistics!.Touchpoints)
        {
            allX = checked(allX + successes(t));
            allN = checked(allN + trials(t));
        }

        var tests = new List<Test>();
        foreach (var t in _statistics.Touchpoints)
        {
            long x1 = successes(t), n1 = trials(t);
            tests.Add(new Test(t, x1, n1, allX - x1, allN - n1));
        }

        foreach (var test in Discoveries(tests))
        {
            var t = (TouchpointStatistics)test.Subject;
            var rate = (double)test.X1 / test.N1;
            var baseline = (double)test.X2 / test.N2;
            var ci = Proportions.Wilson(test.X1, test.N1, _z);
            _findings.Add(new Finding(kind, subkind, t.Stage, t.Channel, null, null, rate - baseline, test.N1, rate, baseline, ci.Low, ci.High,
                explain(t, test.X1, test.N1, test.X2, test.N2)));
        }
    }

    private void ImpossibleSwitches()
    {
        var stays = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var m in _statistics!.ChannelTransitions)
        {
            if (m.IsStay)
            {
                if (!stays.TryGetValue(m.Stage, out var cell))
                {
                    cell = new long[2];
                    stays.Add(m.Stage, cell);
                }

                cell[0] = checked(cell[0] + m.Count);
                cell[1] = checked(cell[1] + m.LostContext);
            }
        }

        var tests = new List<Test>();
        foreach (var m in _statistics.ChannelTransitions)
        {
            if (m.IsStay)
            {
                continue;
            }

            var k = _map.StageIndexOrMinusOne(m.Stage);
            int from = _map.ChannelIndexOrMinusOne(m.FromChannel), to = _map.ChannelIndexOrMinusOne(m.ToChannel);
            if (_map.HasHandoffAt(from, to, k) || (k + 1 < _map.Stages.Count && _map.HasHandoffAt(from, to, k + 1)))
            {
                continue;
            }

            stays.TryGetValue(m.Stage, out var baseline);
            tests.Add(new Test(m, m.LostContext, m.Count, baseline?[1] ?? 0, baseline?[0] ?? 0));
        }

        foreach (var test in Discoveries(tests))
        {
            var m = (ChannelTransition)test.Subject;
            var rate = (double)test.X1 / test.N1;
            var baseline = (double)test.X2 / test.N2;
            var ci = Proportions.Wilson(test.X1, test.N1, _z);
            _findings.Add(new Finding(FindingKind.RupturePoint, FindingSubkind.ImpossibleSwitch, m.Stage, null, m.FromChannel, m.ToChannel, rate - baseline, test.N1,
                rate, baseline, ci.Low, ci.High,
                Format("{0} of the {1} switches from {2} to {3} at {4} went back to an earlier stage or gave up, against {5} of the {6} moves that stayed on their channel.",
                    Pct(test.X1, test.N1), test.N1, m.FromChannel, m.ToChannel, m.Stage, Pct(test.X2, test.N2), test.N2)));
        }
    }

    private void MomentsOfTruth()
    {
        var tests = new List<Test>();
        foreach (var t in _statistics!.Touchpoints)
        {
            tests.Add(new Test(t, t.Experience.Good.ReachedOutcome, t.Experience.Good.Journeys, t.Experience.Bad.ReachedOutcome, t.Experience.Bad.Journeys));
        }

        foreach (var test in Discoveries(tests))
        {
            var t = (TouchpointStatistics)test.Subject;
            var good = (double)test.X1 / test.N1;
            var bad = (double)test.X2 / test.N2;
            var lift = good - bad;
            var reach = Reach(t.Experience.Journeys);
            _findings.Add(new Finding(FindingKind.MomentOfTruth, FindingSubkind.None, t.Stage, t.Channel, null, null, reach * lift, checked(test.N1 + test.N2),
                good, bad, test.Interval.Low, test.Interval.High,
                Format("{0} of the {1} journeys that lived {2} well reached the outcome, against {3} of the {4} that lived it badly; {5} of all journeys pass there.",
                    Pct(test.X1, test.N1), test.N1, Place(t), Pct(test.X2, test.N2), test.N2, Pct(t.Experience.Journeys, _statistics.Journeys))));
        }
    }

    private void ReferenceModel(JourneyStatistics s, List<Touchpoint> unused, List<UnmappedTransition> unmapped)
    {
        foreach (var tp in _map.Touchpoints)
        {
            if (tp.IsOffered && At(tp.StageId, tp.ChannelId) is not { Events: > 0 })
            {
                unused.Add(tp);
            }
        }

        var byActivity = new Dictionary<string, TouchpointStatistics>(StringComparer.Ordinal);
        foreach (var t in s.Touchpoints)
        {
            byActivity[t.Activity] = t;
        }

        foreach (var e in s.DirectlyFollows)
        {
            if (!byActivity.TryGetValue(e.From, out var a) || !byActivity.TryGetValue(e.To, out var b))
            {
                continue;
            }

            int ka = _map.StageIndexOrMinusOne(a.Stage), kb = _map.StageIndexOrMinusOne(b.Stage);
            int ca = _map.ChannelIndexOrMinusOne(a.Channel), cb = _map.ChannelIndexOrMinusOne(b.Channel);
            UnmappedTransitionReason? reason =
                _map.TouchpointAt(ka, ca) is not { IsOffered: true } || _map.TouchpointAt(kb, cb) is not { IsOffered: true } ? UnmappedTransitionReason.NotOffered
                : !_map.HasHandoffAt(ca, cb, ka) && !_map.HasHandoffAt(ca, cb, kb) ? UnmappedTransitionReason.NoHandoff
                : kb < ka ? UnmappedTransitionReason.Back
                : kb > ka + 1 ? UnmappedTransitionReason.Skip
                : null;
            if (reason is { } r)
            {
                unmapped.Add(new UnmappedTransition(e.From, e.To, r, e.Count));
            }
        }
    }

    /// <summary>The tests of one family that pass: support on both sides, Benjamini–Hochberg over the family, Newcombe lower bound &gt; 0, effect ≥ the minimum.</summary>
    private List<Test> Discoveries(List<Test> candidates)
    {
        var tests = new List<Test>();
        foreach (var t in candidates)
        {
            if (t.N1 >= _options.MinSupport && t.N2 >= _options.MinSupport)
            {
                tests.Add(t);
            }
        }

        var p = new double[tests.Count];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = Proportions.PValueGreater(tests[i].X1, tests[i].N1, tests[i].X2, tests[i].N2);
        }

        var rejected = Proportions.BenjaminiHochberg(p, _options.FalseDiscoveryRate);
        var result = new List<Test>();
        for (var i = 0; i < tests.Count; i++)
        {
            var t = tests[i];
            if (!rejected[i])
            {
                continue;
            }

            t.Interval = Proportions.NewcombeDifference(t.X1, t.N1, t.X2, t.N2, _z);
            var effect = ((double)t.X1 / t.N1) - ((double)t.X2 / t.N2);
            if (t.Interval.Low > 0 && effect >= _options.MinimumEffect)
            {
                result.Add(t);
            }
        }

        return result;
    }

    /// <summary>One hypothesis: x1 of n1 against x2 of n2.</summary>
    private sealed class Test
    {
        public Test(object subject, long x1, long n1, long x2, long n2)
        {
            Subject = subject;
            X1 = x1;
            N1 = n1;
            X2 = x2;
            N2 = n2;
        }

        public object Subject { get; }

        public long X1 { get; }

        public long N1 { get; }

        public long X2 { get; }

        public long N2 { get; }

        public Interval Interval { get; set; }
    }
}
