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

        writer.Write("| Kind | Where | Score | Support | Rate | Baseline | Interval | Why |\n|---|---|---:|---:|---:|---:|---|---|\n");
        var shown = System.Math.Min(max, report.Findings.Count);
        for (var i = 0; i < shown; i++)
        {
            var f = report.Findings[i];
            var kind = ReportFigures.KindName(f.Kind);
            if (f.Subkind != FindingSubkind.None)
            {
                kind += " (" + ReportFigures.SubkindName(f.Subkind) + ")";
            }

            writer.Write("| ");
            writer.Write(kind);
            writer.Write(" | ");
            writer.Write(MarkdownText.Escape(ReportFigures.Where(map, f)));
            writer.Write(" | ");
            writer.Write(ReportFigures.Score(f.Score));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(f.Support));
            writer.Write(" | ");
            writer.Write(ReportFigures.Rate(f.Rate, signed: false));
            writer.Write(" | ");
            writer.Write(ReportFigures.Rate(f.Baseline, signed: false));
            writer.Write(" | ");
            writer.Write(ReportFigures.Interval(f));
            writer.Write(" | ");
            writer.Write(MarkdownText.Escape(f.Explanation));
            writer.Write(" |\n");
        }

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
        writer.Write("| Group | NPS | Interval | Answers |\n|---|---:|---|---:|\n");
        foreach (var row in ReportFigures.NpsGroups(report))
        {
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(row.Key));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.SignedOneDecimal(row.Value.Score));
            writer.Write(" | ");
            writer.Write(ReportFigures.NpsInterval(row.Value));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(row.Value.Answers));
            writer.Write(" |\n");
        }
    }

    private static void WriteSatisfaction(TextWriter writer, DiagnosticReport report)
    {
        writer.Write("\n## CSAT and CES\n\n");
        var rows = SatisfactionRow.Of(report);
        if (rows.Count == 0)
        {
            writer.Write("No rating and no effort answer.\n");
            return;
        }

        writer.Write("CSAT: share of ratings 4–5 of 5. CES: share of effort answers 5–7 of 7 (\"the company made it easy for me\"). With their intervals.\n\n");
        writer.Write("| Group | CSAT | Interval | Ratings | CES | Interval | Answers |\n|---|---:|---|---:|---:|---|---:|\n");
        foreach (var row in rows)
        {
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(row.Group));
            Share(writer, row.Csat);
            Share(writer, row.Ces);
            writer.Write(" |\n");
        }
    }

    private static void Share(TextWriter writer, ProportionEstimate? share)
    {
        if (share is null)
        {
            writer.Write(" | – | – | 0");
            return;
        }

        writer.Write(" | ");
        writer.Write(StatisticsFigures.Percent(share.Rate));
        writer.Write(" | ");
        writer.Write(ReportFigures.ProportionInterval(share));
        writer.Write(" | ");
        writer.Write(StatisticsFigures.Count(share.Trials));
    }

    private static void WriteGaps(TextWriter writer, DiagnosticReport report, JourneyMap map)
    {
        writer.Write("\n## Experience gaps\n\n");
        if (report.ExperienceGaps.Count == 0)
        {
            writer.Write("No touchpoint has both a desired experience and a rated event.\n");
            return;
        }

        writer.Write("| Touchpoint | Desired | Observed | Gap | Rated events |\n|---|---:|---:|---:|---:|\n");
        foreach (var gap in report.ExperienceGaps)
        {
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(ReportFigures.StageName(map, gap.StageId) + " · " + ReportFigures.ChannelName(map, gap.ChannelId)));
            writer.Write(" | ");
            writer.Write(MapCells.Signed(gap.Desired));
            writer.Write(" | ");
            writer.Write(MapCells.Signed(gap.Observed));
            writer.Write(" | ");
            writer.Write(MapCells.Signed(gap.Gap));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(gap.RatedEvents));
            writer.Write(" |\n");
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
