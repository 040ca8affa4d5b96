using System.IO;

namespace CustomerJourney.Rendering;

/// <summary>Writes a map as Markdown: the stage × channel table, the hand-offs, the conversion stage, the personas.</summary>
internal static class MarkdownMapWriter
{
    /// <summary>
    /// The stage × channel table, then its legend without a line end (callers finish it): shared by the map and the
    /// diagnosis, so both read the grid the same way.
    /// </summary>
    public static void WriteGrid(TextWriter writer, JourneyMap map, bool includeDesiredExperience, ObservedSentiment observed, bool includePhase)
    {
        writer.Write(includePhase ? "| Stage | Phase |" : "| Stage |");
        foreach (var channel in map.Channels)
        {
            writer.Write(' ');
            writer.Write(MarkdownText.Escape(channel.Name));
            writer.Write(" |");
        }

        writer.Write(includePhase ? "\n|---|---|" : "\n|---|");
        for (var c = 0; c < map.Channels.Count; c++)
        {
            writer.Write("---|");
        }

        writer.Write('\n');
        for (var s = 0; s < map.Stages.Count; s++)
        {
            var stage = map.Stages[s];
            writer.Write("| ");
            writer.Write(MarkdownText.Escape(stage.Name));
            if (includePhase)
            {
                writer.Write(" | ");
                writer.Write(MapCells.PhaseName(stage.Phase));
            }

            writer.Write(" |");
            for (var c = 0; c < map.Channels.Count; c++)
            {
                writer.Write(' ');
                writer.Write(MapCells.Cell(map.TouchpointAt(s, c), includeDesiredExperience, observed.MeanAt(stage.Id, map.Channels[c].Id)));
                writer.Write(" |");
            }

            writer.Write('\n');
        }

        writer.Write("\n");
        writer.Write(MapCells.Offered);
        writer.Write(" offered · ");
        writer.Write(MapCells.Missing);
        writer.Write(" expected but not offered · ");
        writer.Write(MapCells.Unexpected);
        writer.Write(includeDesiredExperience
            ? " offered but not expected · numbers: desired experience, from -1 to +1"
            : " offered but not expected");
    }

    public static void Write(TextWriter writer, JourneyMap map, bool includeDesiredExperience, ObservedSentiment observed)
    {
        writer.Write("# ");
        writer.Write(MarkdownText.Escape(map.Name ?? "Journey map"));
        writer.Write("\n\n");
        WriteGrid(writer, map, includeDesiredExperience, observed, includePhase: true);
        writer.Write(observed.IsEmpty ? "\n" : " · observed: mean sentiment of the events, from -1 to +1\n");

        writer.Write("\n## Hand-offs\n\n");
        if (map.Handoffs.Count == 0)
        {
            writer.Write("No hand-off declared: a customer who changes channel starts over.\n");
        }
        else
        {
            writer.Write("| From | To | Stage |\n|---|---|---|\n");
            foreach (var handoff in map.Handoffs)
            {
                writer.Write("| ");
                writer.Write(MarkdownText.Escape(map.GetChannel(handoff.FromChannelId).Name));
                writer.Write(" | ");
                writer.Write(MarkdownText.Escape(map.GetChannel(handoff.ToChannelId).Name));
                writer.Write(" | ");
                writer.Write(handoff.StageId is null ? "every stage" : MarkdownText.Escape(map.GetStage(handoff.StageId).Name));
                writer.Write(" |\n");
            }
        }

        writer.Write("\n**Conversion stage:** ");
        writer.Write(MarkdownText.Escape(map.ConversionStage.Name));
        writer.Write('\n');

        if (map.Personas.Count > 0)
        {
            writer.Write("\n## Personas\n\n| Persona | Segment | Description |\n|---|---|---|\n");
            foreach (var persona in map.Personas)
            {
                writer.Write("| ");
                writer.Write(MarkdownText.Escape(persona.Name));
                writer.Write(" | ");
                writer.Write(MarkdownText.Escape(persona.Segment ?? string.Empty));
                writer.Write(" | ");
                writer.Write(MarkdownText.Escape(persona.Description ?? string.Empty));
                writer.Write(" |\n");
            }
        }
    }
}
