using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerJourney.Analysis;

namespace CustomerJourney.Rendering;

/// <summary>Writes the directly-follows graph as Graphviz DOT: START, END, a node per activity, an edge per DFG edge.</summary>
internal static class DotStatisticsWriter
{
    private const double MinPenWidth = 1.0;
    private const double MaxPenWidth = 6.0;

    public static void Write(TextWriter writer, JourneyStatistics stats, StatisticsRenderOptions options)
    {
        // Node ids are generated (a0, a1… in ordinal order of names), so no activity name can collide with START or END.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pair in stats.Activities)
        {
            names.Add(pair.Key);
        }

        foreach (var edge in stats.DirectlyFollows)
        {
            names.Add(edge.From);
            names.Add(edge.To);
        }

        foreach (var pair in stats.StartActivities)
        {
            names.Add(pair.Key);
        }

        foreach (var pair in stats.EndActivities)
        {
            names.Add(pair.Key);
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            ids.Add(name, DotText.Quote("a" + ids.Count.ToString(CultureInfo.InvariantCulture)));
        }

        long max = 1;
        foreach (var edge in stats.DirectlyFollows)
        {
            max = Math.Max(max, edge.Count);
        }

        foreach (var pair in stats.StartActivities)
        {
            max = Math.Max(max, pair.Value);
        }

        foreach (var pair in stats.EndActivities)
        {
            max = Math.Max(max, pair.Value);
        }

        writer.Write("digraph \"journey\" {\n");
        writer.Write("    rankdir=\"LR\";\n");
        writer.Write("    node [shape=\"box\", style=\"rounded\"];\n");
        writer.Write("    \"start\" [label=\"START\", shape=\"circle\"];\n");
        writer.Write("    \"end\" [label=\"END\", shape=\"doublecircle\"];\n");
        foreach (var name in names)
        {
            stats.Activities.TryGetValue(name, out var count);
            writer.Write("    ");
            writer.Write(ids[name]);
            writer.Write(" [label=");
            writer.Write(DotText.Quote(name + "\n" + StatisticsFigures.Count(count)));
            writer.Write("];\n");
        }

        foreach (var pair in stats.StartActivities)
        {
            Edge(writer, "\"start\"", ids[pair.Key], StatisticsFigures.Count(pair.Value), pair.Value, max);
        }

        foreach (var edge in stats.DirectlyFollows)
        {
            var label = StatisticsFigures.Count(edge.Count) + "\nmedian " + StatisticsFigures.Median(edge.Durations, options.DurationUnits);
            Edge(writer, ids[edge.From], ids[edge.To], label, edge.Count, max);
        }

        foreach (var pair in stats.EndActivities)
        {
            Edge(writer, ids[pair.Key], "\"end\"", StatisticsFigures.Count(pair.Value), pair.Value, max);
        }

        writer.Write("}\n");
    }

    private static void Edge(TextWriter writer, string from, string to, string label, long count, long max)
    {
        writer.Write("    ");
        writer.Write(from);
        writer.Write(" -> ");
        writer.Write(to);
        writer.Write(" [label=");
        writer.Write(DotText.Quote(label));
        writer.Write(", penwidth=\"");
        writer.Write(PenWidth(count, max).ToString("0.##", CultureInfo.InvariantCulture));
        writer.Write("\"];\n");
    }

    /// <summary>Linear in the count: 1 for nothing, 6 for the most frequent edge of the graph.</summary>
    internal static double PenWidth(long count, long max) =>
        Math.Round(MinPenWidth + ((MaxPenWidth - MinPenWidth) * count / max), 2, MidpointRounding.AwayFromZero);
}
