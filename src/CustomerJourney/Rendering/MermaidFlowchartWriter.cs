using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerJourney.Analysis;

namespace CustomerJourney.Rendering;

/// <summary>Writes the top directly-follows edges as a Mermaid <c>flowchart LR</c> with counts on the edges.</summary>
internal static class MermaidFlowchartWriter
{
    public static void Write(TextWriter writer, JourneyStatistics stats, StatisticsRenderOptions options)
    {
        var edges = StatisticsFigures.TopEdges(stats, options.TopTransitions);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            names.Add(edge.From);
            names.Add(edge.To);
        }

        // Ids are generated (n0, n1… in ordinal order of names): Mermaid ids cannot hold spaces or punctuation, and
        // words such as "end" are keywords.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        writer.Write("flowchart LR\n");
        foreach (var name in names)
        {
            var id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            ids.Add(name, id);
            writer.Write("    ");
            writer.Write(id);
            writer.Write("[\"");
            writer.Write(MermaidText.EscapeLabel(name));
            writer.Write("\"]\n");
        }

        foreach (var edge in edges)
        {
            writer.Write("    ");
            writer.Write(ids[edge.From]);
            writer.Write(" -->|");
            writer.Write(StatisticsFigures.Count(edge.Count));
            writer.Write("| ");
            writer.Write(ids[edge.To]);
            writer.Write('\n');
        }
    }
}
