using System.IO;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;

namespace CustomerJourney.Rendering;

/// <summary>Writes a diagnosis as Markdown: totals, the grid with the observed sentiment, findings, funnel, NPS, gaps, deviations.</summary>
internal static class MarkdownReportWriter
{
    public static void Write(TextWriter writer, DiagnosticReport report, JourneyMap map, JourneyStatistics? stats, ReportRenderOptions options)
    {
        writer.Write("# ");
        writer.Write(MarkdownText.Escape(ReportRenderer.TitleOf(map, options)));
        writer.Write("\n\n- Journeys: ");
        writer.Write(StatisticsFigures.Count(report.Journeys));
        writer.Write("\n- Events: ");
        writer.Write(StatisticsFigures.Count(report.Events));
        writer.Write("\n- Findings: ");
        writer.Write(ReportFigures.CountByKind(report));
        if (report.Nps is { } nps)
        {
            writer.Write("\n- NPS: ");
            writer.Write(ReportFigures.Nps(nps));
            writer.Write(", ");
            writer.Write(StatisticsFigures.Count(nps.Answers, "answer", "answers"));
        }

        if (report.Csat is { } csat)
        {
            writer.Write("\n- CSAT (ratings 4–5): ");
            writer.Write(ReportFigures.Proportion(csat));
            writer.Write(", ");
            writer.Write(StatisticsFigures.Count(csat.Trials, "rating", "ratings"));
        }

        if (report.Ces is { } ces)
        {
            writer.Write("\n- CES (effort answers 5–7 of 7): ");
            writer.Write(ReportFigures.Proportion(ces));
            writer.Write(", ");
            writer.Write(StatisticsFigures.Count(ces.Trials, "answer", "answers"));
        }

        writer.Write('\n');
        WriteGrid(writer, map, stats);
        WriteFindings(writer, report, map, options.MaxFindings);
        WriteFunnel(writer, report, map);
        WriteNps(writer, report);
        WriteSatisfaction(writer, report);
        WriteGaps(writer, report, map);
        WriteDeviations(writer, report, map);
    }

    private static void WriteGrid(TextWriter writer, JourneyMap map, JourneyStatistics? stats)
    {
        var observed = ObservedSentiment.From(stats);
        writer.Write("\n## Journey map\n\n");
        MarkdownMapWriter.WriteGrid(writer, map, includeDesiredExperience: false, observed, includePhase: false);
        writer.Write(stats is null
            ? " · no event log: nothing observed\n"
            : " · observed: mean sentiment of the events, from -1 to +1\n");
    }

    private static void WriteFindings(TextWriter writer, DiagnosticReport report, JourneyMap map, int max)
    {
        writer.Write("\n## Findings\n\n");
        if (report.Findings.Count == 0)
        {
            writer.Write("No finding: nothing stands out from its baseline with enough evidence.\n");
            return;
        }

        var shown = System.Math.Min(max, report.Findings.Count);
        WriteTable(writer, ReportTable.Findings(report, map, shown));
        if (shown < report.Findings.Count)
        {
            writer.Write("\n");
            writer.Write(StatisticsFigures.Count(report.Findings.Count - shown, "other finding", "other findings"));
            writer.Write(" not listed.\n");
        }
    }

    private static void WriteFunnel(TextWriter writer, DiagnosticReport report, JourneyMap map)
    {
        writer.Write("\n## Funnel\n\n");
        if (report.Funnel.Count == 0)
        {
            writer.Write("No event log: no funnel.\n");
            return;
        }

        writer.Write("| Stage | Journeys | Conversion | Drop-off |\n|---|---:|---:|---:|\n");
        foreach (var step in report.Funnel)
        {
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(ReportFigures.StageName(map, step.Stage)));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(step.Journeys));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Percent(step.Journeys, step.Previous));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(step.DropOff));
            writer.Write(" |\n");
        }
    }

    private static void WriteNps(TextWriter writer, DiagnosticReport report)
    {
        writer.Write("\n## NPS\n\n");
        if (report.Nps is null)
        {
            writer.Write("No NPS answer.\n");
            return;
        }

        writer.Write("Promoters answer 9–10, detractors 0–6; the score runs from -100 to +100, with its interval.\n\n");
        WriteTable(writer, ReportTable.Nps(report));
    }

    private static void WriteSatisfaction(TextWriter writer, DiagnosticReport report)
    {
        writer.Write("\n## CSAT and CES\n\n");
        var table = ReportTable.Satisfaction(report);
        if (table.Rows.Count == 0)
        {
            writer.Write("No rating and no effort answer.\n");
            return;
        }

        writer.Write("CSAT: share of ratings 4–5 of 5. CES: share of effort answers 5–7 of 7 (\"the company made it easy for me\"). With their intervals.\n\n");
        WriteTable(writer, table);
    }

    private static void WriteGaps(TextWriter writer, DiagnosticReport report, JourneyMap map)
    {
        writer.Write("\n## Experience gaps\n\n");
        if (report.ExperienceGaps.Count == 0)
        {
            writer.Write("No touchpoint has both a desired experience and a rated event.\n");
            return;
        }

        WriteTable(writer, ReportTable.Gaps(report, map));
    }

    /// <summary>A Markdown table: numbers right-aligned, input text escaped.</summary>
    private static void WriteTable(TextWriter writer, ReportTable table)
    {
        writer.Write("|");
        foreach (var column in table.Columns)
        {
            writer.Write(" " + column.Header + " |");
        }

        writer.Write("\n|");
        foreach (var column in table.Columns)
        {
            writer.Write(column.Numeric ? "---:|" : "---|");
        }

        writer.Write("\n");
        foreach (var row in table.Rows)
        {
            writer.Write("|");
            for (var c = 0; c < row.Length; c++)
            {
                writer.Write(" ");
                writer.Write(table.Columns[c].IsText ? MarkdownText.Escape(row[c]) : row[c]);
                writer.Write(" |");
            }

            writer.Write("\n");
        }
    }

    private static void WriteDeviations(TextWriter writer, DiagnosticReport report, JourneyMap map)
    {
        writer.Write("\n## Unused touchpoints\n\n");
        if (report.UnusedTouchpoints.Count == 0)
        {
            writer.Write(report.Journeys == 0 ? "No event log: nothing to compare with.\n" : "Every offered touchpoint was used.\n");
        }
        else
        {
            foreach (var touchpoint in report.UnusedTouchpoints)
            {
                writer.Write("- ");
                writer.Write(MarkdownText.Escape(ReportFigures.StageName(map, touchpoint.StageId) + " · " + ReportFigures.ChannelName(map, touchpoint.ChannelId)));
                writer.Write('\n');
            }
        }

        writer.Write("\n## Paths the map does not foresee\n\n");
        if (report.UnmappedTransitions.Count == 0)
        {
            writer.Write(report.Journeys == 0 ? "No event log: nothing to compare with.\n" : "Every move customers made is one the map connects.\n");
            return;
        }

        writer.Write("| From | To | Why not foreseen | Moves |\n|---|---|---|---:|\n");
        foreach (var t in report.UnmappedTransitions)
        {
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(t.From));
            writer.Write(" | ");
            writer.Write(MarkdownText.Escape(t.To));
            writer.Write(" | ");
            writer.Write(ReportFigures.ReasonName(t.Reason));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(t.Count));
            writer.Write(" |\n");
        }
    }
}
