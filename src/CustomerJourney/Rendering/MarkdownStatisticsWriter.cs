using System.IO;
using CustomerJourney.Analysis;

namespace CustomerJourney.Rendering;

/// <summary>Writes statistics as the Markdown paths report: totals, funnel, variants, transitions, switches, sentiment, NPS.</summary>
internal static class MarkdownStatisticsWriter
{
    public static void Write(TextWriter writer, JourneyStatistics stats, StatisticsRenderOptions options)
    {
        var units = options.DurationUnits;
        writer.Write("# Journey paths\n\n");
        WriteTotals(writer, stats, units);
        WriteFunnel(writer, stats);
        WriteVariants(writer, stats, options.TopVariants);
        WriteTransitions(writer, stats, options.TopTransitions, units);
        WriteTransitionKinds(writer, stats.Transitions);
        WriteChannelSwitches(writer, stats);
        WriteSentiment(writer, stats);
        WriteNps(writer, stats.Nps);
    }

    private static void WriteTotals(TextWriter writer, JourneyStatistics stats, int units)
    {
        writer.Write("- Events: ");
        writer.Write(StatisticsFigures.Count(stats.Events));
        writer.Write("\n- Journeys: ");
        writer.Write(StatisticsFigures.Count(stats.Journeys));
        writer.Write("\n- Rejected: ");
        long rejected = 0;
        foreach (var pair in stats.Rejections)
        {
            rejected = checked(rejected + pair.Value);
        }

        writer.Write(StatisticsFigures.Count(rejected));
        if (rejected > 0)
        {
            writer.Write(" (");
            var first = true;
            foreach (var pair in stats.Rejections)
            {
                writer.Write(first ? string.Empty : ", ");
                writer.Write(StatisticsFigures.ReasonName(pair.Key));
                writer.Write(": ");
                writer.Write(StatisticsFigures.Count(pair.Value));
                first = false;
            }

            writer.Write(')');
        }

        writer.Write("\n- Median time between events: ");
        writer.Write(StatisticsFigures.Median(stats.DurationBetweenEvents, units));
        if (stats.ConversionStage is { } conversion)
        {
            writer.Write("\n- Converted (reached ");
            writer.Write(MarkdownText.Escape(conversion));
            writer.Write("): ");
            writer.Write(StatisticsFigures.Count(stats.TimeToConvert.Count));
            writer.Write(", median time to convert: ");
            writer.Write(StatisticsFigures.Median(stats.TimeToConvert, units));
        }

        writer.Write('\n');
    }

    private static void WriteFunnel(TextWriter writer, JourneyStatistics stats)
    {
        writer.Write("\n## Funnel\n\n");
        if (stats.Funnel.Count == 0)
        {
            writer.Write("No stage.\n");
            return;
        }

        writer.Write("| Stage | Journeys | Conversion | Drop-off |\n|---|---:|---:|---:|\n");
        foreach (var step in stats.Funnel)
        {
            Row(writer, MarkdownText.Escape(step.Stage), StatisticsFigures.Count(step.Journeys),
                StatisticsFigures.Percent(step.Journeys, step.Previous), StatisticsFigures.Count(step.DropOff));
        }
    }

    private static void WriteVariants(TextWriter writer, JourneyStatistics stats, int top)
    {
        writer.Write("\n## Top variants\n\n");
        var selection = stats.TopVariants(top);
        if (selection.Variants.Count > 0)
        {
            writer.Write("| Path | Journeys | Share |\n|---|---:|---:|\n");
            foreach (var variant in selection.Variants)
            {
                var path = new System.Text.StringBuilder();
                foreach (var activity in variant.Path)
                {
                    path.Append(path.Length == 0 ? string.Empty : " → ").Append(MarkdownText.Escape(activity));
                }

                Row(writer, path.ToString(), StatisticsFigures.Count(variant.Count), StatisticsFigures.Percent(variant.Count, stats.Journeys));
            }
        }

        if (selection.OtherVariants > 0)
        {
            writer.Write(selection.Variants.Count > 0 ? "\n" : string.Empty);
            writer.Write("Other variants: ");
            writer.Write(StatisticsFigures.Count(selection.OtherVariants));
            writer.Write(" (");
            writer.Write(StatisticsFigures.Count(selection.OtherJourneys, "journey", "journeys"));
            writer.Write(", ");
            writer.Write(StatisticsFigures.Percent(selection.OtherJourneys, stats.Journeys));
            writer.Write(")\n");
        }
        else if (selection.Variants.Count == 0)
        {
            writer.Write("No journey.\n");
        }
    }

    private static void WriteTransitions(TextWriter writer, JourneyStatistics stats, int top, int units)
    {
        writer.Write("\n## Top transitions\n\n");
        var edges = StatisticsFigures.TopEdges(stats, top);
        if (edges.Count > 0)
        {
            writer.Write("| From | To | Moves | Median time |\n|---|---|---:|---:|\n");
            foreach (var edge in edges)
            {
                Row(writer, MarkdownText.Escape(edge.From), MarkdownText.Escape(edge.To), StatisticsFigures.Count(edge.Count),
                    StatisticsFigures.Median(edge.Durations, units));
            }
        }

        var others = stats.DirectlyFollows.Count - edges.Count;
        if (others > 0)
        {
            long otherMoves = 0;
            foreach (var edge in stats.DirectlyFollows)
            {
                otherMoves = checked(otherMoves + edge.Count);
            }

            foreach (var edge in edges)
            {
                otherMoves -= edge.Count;
            }

            writer.Write(edges.Count > 0 ? "\n" : string.Empty);
            writer.Write("Other transitions: ");
            writer.Write(StatisticsFigures.Count(others));
            writer.Write(" (");
            writer.Write(StatisticsFigures.Count(otherMoves, "move", "moves"));
            writer.Write(")\n");
        }
        else if (edges.Count == 0)
        {
            writer.Write("No transition: every journey has a single event.\n");
        }
    }

    private static void WriteTransitionKinds(TextWriter writer, TransitionCounts transitions)
    {
        writer.Write("\n## Transition kinds\n\n");
        var total = transitions.Total;
        if (total == 0)
        {
            writer.Write("No transition.\n");
            return;
        }

        writer.Write("| Kind | Moves | Share |\n|---|---:|---:|\n");
        Row(writer, "forward", StatisticsFigures.Count(transitions.Forward), StatisticsFigures.Percent(transitions.Forward, total));
        Row(writer, "skip", StatisticsFigures.Count(transitions.Skip), StatisticsFigures.Percent(transitions.Skip, total));
        Row(writer, "repeat", StatisticsFigures.Count(transitions.Repeat), StatisticsFigures.Percent(transitions.Repeat, total));
        Row(writer, "back", StatisticsFigures.Count(transitions.Back), StatisticsFigures.Percent(transitions.Back, total));
        if (transitions.Skip > 0)
        {
            writer.Write("\nSkips jumped over ");
            writer.Write(StatisticsFigures.Count(transitions.SkippedStages, "stage", "stages"));
            writer.Write(" in all.\n");
        }
    }

    private static void WriteChannelSwitches(TextWriter writer, JourneyStatistics stats)
    {
        writer.Write("\n## Channel switches\n\n");
        if (stats.ChannelSwitches.Count == 0)
        {
            writer.Write("No channel switch.\n");
            return;
        }

        writer.Write("| Stage | From | To | Switches |\n|---|---|---|---:|\n");
        foreach (var s in stats.ChannelSwitches)
        {
            Row(writer, MarkdownText.Escape(s.Stage), MarkdownText.Escape(s.FromChannel), MarkdownText.Escape(s.ToChannel), StatisticsFigures.Count(s.Count));
        }
    }

    private static void WriteSentiment(TextWriter writer, JourneyStatistics stats)
    {
        writer.Write("\n## Sentiment per touchpoint\n\n");
        if (stats.Touchpoints.Count == 0)
        {
            writer.Write("No touchpoint.\n");
            return;
        }

        writer.Write("| Touchpoint | Events | Rated | Mean | + | = | − |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var t in stats.Touchpoints)
        {
            var s = t.Sentiment;
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(t.Activity));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(t.Events));
            writer.Write(" | ");
            writer.Write(StatisticsFigures.Count(s.Count));
            writer.Write(" | ");
            writer.Write(s.Count == 0 ? "–" : MapCells.Signed(s.Mean));
            Row(writer, null, StatisticsFigures.Count(s.Positive), StatisticsFigures.Count(s.Neutral), StatisticsFigures.Count(s.Negative));
        }
    }

    private static void WriteNps(TextWriter writer, NpsHistogram nps)
    {
        writer.Write("\n## NPS\n\n");
        if (nps.Total == 0)
        {
            writer.Write("No NPS answer.\n");
            return;
        }

        writer.Write("| NPS | Answers | Promoters | Passives | Detractors |\n|---:|---:|---:|---:|---:|\n");
        Row(writer, StatisticsFigures.SignedOneDecimal(nps.Score), StatisticsFigures.Count(nps.Total),
            CountAndShare(nps.Promoters, nps.Total), CountAndShare(nps.Passives, nps.Total), CountAndShare(nps.Detractors, nps.Total));
    }

    private static string CountAndShare(long part, long whole) =>
        StatisticsFigures.Count(part) + " (" + StatisticsFigures.Percent(part, whole) + ")";

    /// <summary>Writes a table row of already escaped cells; a null first cell continues a row already begun.</summary>
    private static void Row(TextWriter writer, string? first, params string[] rest)
    {
        if (first is not null)
        {
            writer.Write("| ");
            writer.Write(first);
        }

        foreach (var cell in rest)
        {
            writer.Write(" | ");
            writer.Write(cell);
        }

        writer.Write(" |\n");
    }
}
