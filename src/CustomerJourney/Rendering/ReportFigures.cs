using System;
using System.Collections.Generic;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;

namespace CustomerJourney.Rendering;

/// <summary>What the report renderers (Markdown and HTML) compute and say the same way.</summary>
internal static class ReportFigures
{
    /// <summary>The category as people read it.</summary>
    public static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Enchantment => "Enchantment",
        FindingKind.Irritant => "Irritant",
        FindingKind.RupturePoint => "Rupture point",
        FindingKind.MomentOfTruth => "Moment of truth",
        _ => kind.ToString(),
    };

    /// <summary>The precise kind in words; empty for none.</summary>
    public static string SubkindName(FindingSubkind subkind) => subkind switch
    {
        FindingSubkind.None => string.Empty,
        FindingSubkind.Missing => "missing touchpoint",
        FindingSubkind.Dissatisfying => "dissatisfying",
        FindingSubkind.ForcedCompletion => "forced completion",
        FindingSubkind.ImpossibleSwitch => "impossible switch",
        FindingSubkind.ForcedSwitch => "forced switch",
        _ => subkind.ToString(),
    };

    /// <summary>The stage's name in the map, or its id when the map does not know it.</summary>
    public static string StageName(JourneyMap map, string stageId) =>
        map.TryGetStage(stageId, out var stage) ? stage.Name : stageId;

    /// <summary>The channel's name in the map, or its id when the map does not know it.</summary>
    public static string ChannelName(JourneyMap map, string channelId) =>
        map.TryGetChannel(channelId, out var channel) ? channel.Name : channelId;

    /// <summary>Where a finding happens, with names: "Payment · Phone", or "Contact: Phone → Web site" for a switch.</summary>
    public static string Where(JourneyMap map, Finding finding)
    {
        var stage = StageName(map, finding.StageId);
        if (finding.ChannelId is { } channel)
        {
            return stage + " · " + ChannelName(map, channel);
        }

        if (finding.FromChannelId is { } from && finding.ToChannelId is { } to)
        {
            return stage + ": " + ChannelName(map, from) + " → " + ChannelName(map, to);
        }

        return stage;
    }

    /// <summary>
    /// The mean effective sentiment of every rated event at each stage of the map, in stage order, with an interval:
    /// stages without a rated event are left out.
    /// </summary>
    /// <remarks>
    /// The statistics keep counts and sums, not squares, so the variance is bounded instead of estimated: a sentiment in
    /// [−1, 1] with mean m has a variance of at most (1 − m)(1 + m) (Bhatia–Davis), and the interval is
    /// m ± z √((1 − m²) / n), clamped to [−1, 1]. Wider than an estimated one, never narrower; rated events are taken as
    /// independent, which visits by the same customer are not quite.
    /// </remarks>
    public static List<StageSentiment> SentimentByStage(JourneyMap map, JourneyStatistics? stats, double confidence)
    {
        var result = new List<StageSentiment>();
        if (stats is null)
        {
            return result;
        }

        var count = new long[map.Stages.Count];
        var sumMicros = new long[map.Stages.Count];
        foreach (var touchpoint in stats.Touchpoints)
        {
            if (!map.TryGetStage(touchpoint.Stage, out _))
            {
                continue;
            }

            var s = map.GetStageRank(touchpoint.Stage);
            count[s] = checked(count[s] + touchpoint.Sentiment.Count);
            sumMicros[s] = checked(sumMicros[s] + touchpoint.Sentiment.SumMicros);
        }

        var z = Proportions.ZForConfidence(confidence);
        for (var s = 0; s < count.Length; s++)
        {
            if (count[s] == 0)
            {
                continue;
            }

            var mean = sumMicros[s] / 1e6 / count[s];
            var half = z * Math.Sqrt(Math.Max(0.0, 1.0 - (mean * mean)) / count[s]);
            result.Add(new StageSentiment(map.Stages[s], count[s], mean, Math.Max(-1.0, mean - half), Math.Min(1.0, mean + half)));
        }

        return result;
    }

    /// <summary>The mean desired experience of the touchpoints the map states one for, per stage; null where none is stated.</summary>
    public static double?[] DesiredByStage(JourneyMap map)
    {
        var sum = new double[map.Stages.Count];
        var count = new int[map.Stages.Count];
        foreach (var touchpoint in map.Touchpoints)
        {
            if (touchpoint.DesiredExperience is { } desired)
            {
                var s = map.GetStageRank(touchpoint.StageId);
                sum[s] += desired;
                count[s]++;
            }
        }

        var result = new double?[map.Stages.Count];
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = count[s] == 0 ? null : sum[s] / count[s];
        }

        return result;
    }

    /// <summary>Channel switches summed over stages, from × to in map channel order; null without statistics.</summary>
    public static long[,]? SwitchMatrix(JourneyMap map, JourneyStatistics? stats)
    {
        if (stats is null)
        {
            return null;
        }

        var n = map.Channels.Count;
        var matrix = new long[n, n];
        foreach (var change in stats.ChannelSwitches)
        {
            if (map.ChannelIndexOrMinusOne(change.FromChannel) is var from and >= 0 && map.ChannelIndexOrMinusOne(change.ToChannel) is var to and >= 0)
            {
                matrix[from, to] = checked(matrix[from, to] + change.Count);
            }
        }

        return matrix;
    }

    /// <summary>A finding's score for people: at most two decimals.</summary>
    public static string Score(double score) =>
        Math.Round(score, 2, MidpointRounding.AwayFromZero).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A proportion as a percentage; signed for a moment of truth, whose figures are lifts (differences).</summary>
    public static string Rate(double? value, bool signed)
    {
        if (value is not { } v)
        {
            return "–";
        }

        var text = StatisticsFigures.Percent(v);
        return signed && v > 0 && text != "0%" ? "+" + text : text;
    }

    /// <summary>The finding's interval, "[12%, 30%]", or "–" for a finding read from the map alone.</summary>
    public static string Interval(Finding finding)
    {
        var signed = finding.Kind == FindingKind.MomentOfTruth;
        return finding.CiLow is null || finding.CiHigh is null
            ? "–"
            : "[" + Rate(finding.CiLow, signed) + ", " + Rate(finding.CiHigh, signed) + "]";
    }

    /// <summary>An NPS with its interval: "+37 [+32, +42]".</summary>
    public static string Nps(NpsEstimate nps) => StatisticsFigures.SignedOneDecimal(nps.Score) + " " + NpsInterval(nps);

    /// <summary>An NPS's interval: "[+32, +42]".</summary>
    public static string NpsInterval(NpsEstimate nps) =>
        "[" + StatisticsFigures.SignedOneDecimal(nps.Low) + ", " + StatisticsFigures.SignedOneDecimal(nps.High) + "]";

    /// <summary>A proportion with its interval: "78% [75%, 81%]".</summary>
    public static string Proportion(ProportionEstimate p) => StatisticsFigures.Percent(p.Rate) + " " + ProportionInterval(p);

    /// <summary>A proportion's interval: "[75%, 81%]".</summary>
    public static string ProportionInterval(ProportionEstimate p) =>
        "[" + StatisticsFigures.Percent(p.Low) + ", " + StatisticsFigures.Percent(p.High) + "]";

    /// <summary>The NPS table's rows: all journeys, then segments, personas and touchpoints, each in the report's order.</summary>
    public static List<KeyValuePair<string, NpsEstimate>> NpsGroups(DiagnosticReport report)
    {
        var rows = new List<KeyValuePair<string, NpsEstimate>>();
        if (report.Nps is not { } overall)
        {
            return rows;
        }

        rows.Add(new KeyValuePair<string, NpsEstimate>("All journeys", overall));
        AddNps(rows, "Segment ", report.NpsBySegment);
        AddNps(rows, "Persona ", report.NpsByPersona);
        AddNps(rows, "At ", report.NpsByTouchpoint);
        return rows;
    }

    private static void AddNps(List<KeyValuePair<string, NpsEstimate>> rows, string prefix, IReadOnlyDictionary<string, NpsEstimate> group)
    {
        foreach (var pair in group)
        {
            rows.Add(new KeyValuePair<string, NpsEstimate>(prefix + pair.Key, pair.Value));
        }
    }

    /// <summary>A reference-model deviation's reason in words.</summary>
    public static string ReasonName(UnmappedTransitionReason reason) => reason switch
    {
        UnmappedTransitionReason.NotOffered => "touchpoint not offered",
        UnmappedTransitionReason.NoHandoff => "channel change without hand-off",
        UnmappedTransitionReason.Back => "back to an earlier stage",
        UnmappedTransitionReason.Skip => "skips a stage",
        _ => reason.ToString(),
    };

    /// <summary>How many findings of each kind, in kind order: "3 enchantments, 1 irritant…"; "no finding" when none.</summary>
    public static string CountByKind(DiagnosticReport report)
    {
        var counts = new int[4];
        foreach (var finding in report.Findings)
        {
            var k = (int)finding.Kind;
            if (k >= 0 && k < counts.Length)
            {
                counts[k]++;
            }
        }

        var parts = new List<string>();
        string[] singular = { "enchantment", "irritant", "rupture point", "moment of truth" };
        string[] plural = { "enchantments", "irritants", "rupture points", "moments of truth" };
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] > 0)
            {
                parts.Add(StatisticsFigures.Count(counts[k], singular[k], plural[k]));
            }
        }

        return parts.Count == 0 ? "no finding" : string.Join(", ", parts);
    }

    /// <summary>Checks that the statistics were computed on this map and the report made from them.</summary>
    public static void CheckConsistent(DiagnosticReport report, JourneyMap map, JourneyStatistics? stats)
    {
        if (stats is null)
        {
            return;
        }

        if (stats.Journeys != report.Journeys || stats.Events != report.Events)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"the statistics ({stats.Journeys} journeys, {stats.Events} events) are not those the report was made from ({report.Journeys} journeys, {report.Events} events)"),
                nameof(stats));
        }

        foreach (var touchpoint in stats.Touchpoints)
        {
            if (!map.TryGetStage(touchpoint.Stage, out _) || !map.TryGetChannel(touchpoint.Channel, out _))
            {
                throw new ArgumentException($"the statistics were not computed on this map: touchpoint '{touchpoint.Activity}' is not on its grid", nameof(stats));
            }
        }
    }
}

/// <summary>One row of the CSAT and CES table: a group (all, a segment, a persona, a touchpoint) and its two shares.</summary>
internal sealed class SatisfactionRow
{
    public SatisfactionRow(string group, ProportionEstimate? csat, ProportionEstimate? ces)
    {
        Group = group;
        Csat = csat;
        Ces = ces;
    }

    public string Group { get; }

    public ProportionEstimate? Csat { get; }

    public ProportionEstimate? Ces { get; }

    /// <summary>The rows of a report: all journeys, then segments, personas and touchpoints, each in ordinal order of keys.</summary>
    public static List<SatisfactionRow> Of(DiagnosticReport report)
    {
        var rows = new List<SatisfactionRow>();
        if (report.Csat is null && report.Ces is null)
        {
            return rows;
        }

        rows.Add(new SatisfactionRow("All journeys", report.Csat, report.Ces));
        AddGroup(rows, "Segment ", report.CsatBySegment, report.CesBySegment);
        AddGroup(rows, "Persona ", report.CsatByPersona, report.CesByPersona);
        AddGroup(rows, "At ", report.CsatByTouchpoint, report.CesByTouchpoint);
        return rows;
    }

    private static void AddGroup(
        List<SatisfactionRow> rows, string prefix, IReadOnlyDictionary<string, ProportionEstimate> csat, IReadOnlyDictionary<string, ProportionEstimate> ces)
    {
        var keys = new List<string>(csat.Keys);
        foreach (var key in ces.Keys)
        {
            if (!csat.ContainsKey(key))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            rows.Add(new SatisfactionRow(prefix + key, csat.TryGetValue(key, out var a) ? a : null, ces.TryGetValue(key, out var b) ? b : null));
        }
    }
}

/// <summary>The observed mean sentiment at one stage, with its interval and the number of rated events.</summary>
internal sealed class StageSentiment
{
    public StageSentiment(Stage stage, long count, double mean, double low, double high)
    {
        Stage = stage;
        Count = count;
        Mean = mean;
        Low = low;
        High = high;
    }

    public Stage Stage { get; }

    public long Count { get; }

    public double Mean { get; }

    public double Low { get; }

    public double High { get; }
}
