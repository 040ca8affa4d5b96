using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

namespace CustomerJourney.Rendering;

/// <summary>What the statistics renderers say the same way: counts, shares, the top edges, rejection reasons.</summary>
internal static class StatisticsFigures
{
    /// <summary>A count in the invariant culture, without grouping: "12345".</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A share of a whole as a percentage with at most one decimal ("66.7%"); "–" when the whole is zero.</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "–" : Percent((double)part / whole);

    /// <summary>A count and its noun, singular for exactly one: "1 move", "3 moves".</summary>
    public static string Count(long value, string singular, string plural) => Count(value) + " " + (value == 1 ? singular : plural);

    /// <summary>A ratio as a percentage with at most one decimal, halves away from zero: 0.6667 → "66.7%".</summary>
    public static string Percent(double ratio) =>
        Math.Round(ratio * 100.0, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The median of a sketch, for people; "–" when it holds nothing.</summary>
    public static string Median(DurationSketch sketch, int units) =>
        sketch.Count == 0 ? "–" : HumanDuration.Format(sketch.Quantile(0.5), units);

    /// <summary>
    /// The <paramref name="top"/> most frequent directly-follows edges: count descending, then from and to ordinally, so the
    /// same statistics always pick the same edges.
    /// </summary>
    public static List<DirectlyFollowsEdge> TopEdges(JourneyStatistics stats, int top)
    {
        var edges = new List<DirectlyFollowsEdge>(stats.DirectlyFollows);
        edges.Sort(static (a, b) =>
        {
            if (a.Count != b.Count)
            {
                return b.Count.CompareTo(a.Count);
            }

            var c = string.CompareOrdinal(a.From, b.From);
            return c != 0 ? c : string.CompareOrdinal(a.To, b.To);
        });
        if (edges.Count > top)
        {
            edges.RemoveRange(top, edges.Count - top);
        }

        return edges;
    }

    /// <summary>A rejection reason in words: "unknown stage".</summary>
    public static string ReasonName(RejectionReason reason) => reason switch
    {
        RejectionReason.Malformed => "malformed",
        RejectionReason.MissingField => "missing field",
        RejectionReason.InvalidTimestamp => "invalid timestamp",
        RejectionReason.TimestampWithoutOffset => "timestamp without offset",
        RejectionReason.OutOfRange => "out of range",
        RejectionReason.InvalidValue => "invalid value",
        RejectionReason.UnknownStage => "unknown stage",
        RejectionReason.UnknownChannel => "unknown channel",
        RejectionReason.Duplicate => "duplicate",
        RejectionReason.LimitExceeded => "limit exceeded",
        _ => ((int)reason).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A score with its sign and at most one decimal: +33.3, -50, 0; "–" for NaN.</summary>
    public static string SignedOneDecimal(double value)
    {
        if (double.IsNaN(value))
        {
            return "–";
        }

        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == 0.0 ? "0" : rounded.ToString("+0.#;-0.#", CultureInfo.InvariantCulture);
    }
}
