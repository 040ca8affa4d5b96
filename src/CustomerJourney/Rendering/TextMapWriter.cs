using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>Writes a map as a fixed-width stage × channel grid for consoles, then its hand-offs and personas.</summary>
internal static class TextMapWriter
{
    private const string Gap = "  ";

    public static void Write(TextWriter writer, JourneyMap map, bool includeDesiredExperience, int maxColumnWidth)
    {
        var columns = 2 + map.Channels.Count;
        var rows = new List<string[]>(map.Stages.Count + 1);
        var header = new string[columns];
        header[0] = "Stage";
        header[1] = "Phase";
        for (var c = 0; c < map.Channels.Count; c++)
        {
            header[2 + c] = MapCells.OneLine(map.Channels[c].Name);
        }

        rows.Add(header);
        for (var s = 0; s < map.Stages.Count; s++)
        {
            var row = new string[columns];
            row[0] = MapCells.OneLine(map.Stages[s].Name);
            row[1] = MapCells.PhaseName(map.Stages[s].Phase);
            for (var c = 0; c < map.Channels.Count; c++)
            {
                row[2 + c] = MapCells.Cell(map.TouchpointAt(s, c), includeDesiredExperience);
            }

            rows.Add(row);
        }

        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(widths[i], Math.Min(maxColumnWidth, row[i].Length));
            }
        }

        writer.Write(MapCells.OneLine(map.Name ?? "Journey map"));
        writer.Write("\n\n");
        var line = new StringBuilder();
        WriteRow(writer, line, header, widths);
        for (var i = 0; i < columns; i++)
        {
            if (i > 0)
            {
                line.Append(Gap);
            }

            line.Append('-', widths[i]);
        }

        WriteLine(writer, line);
        for (var r = 1; r < rows.Count; r++)
        {
            WriteRow(writer, line, rows[r], widths);
        }

        writer.Write('\n');
        writer.Write(MapCells.Offered);
        writer.Write(" offered  ");
        writer.Write(MapCells.Missing);
        writer.Write(" expected but not offered  ");
        writer.Write(MapCells.Unexpected);
        writer.Write(includeDesiredExperience
            ? " offered but not expected  (numbers: desired experience, from -1 to +1)\n"
            : " offered but not expected\n");

        writer.Write("\nHand-offs\n");
        if (map.Handoffs.Count == 0)
        {
            writer.Write("  none: a customer who changes channel starts over\n");
        }

        foreach (var handoff in map.Handoffs)
        {
            writer.Write("  ");
            writer.Write(MapCells.OneLine(map.GetChannel(handoff.FromChannelId).Name));
            writer.Write(" -> ");
            writer.Write(MapCells.OneLine(map.GetChannel(handoff.ToChannelId).Name));
            writer.Write(handoff.StageId is null ? " (every stage)" : " (at " + MapCells.OneLine(map.GetStage(handoff.StageId).Name) + ")");
            writer.Write('\n');
        }

        writer.Write("\nConversion stage: ");
        writer.Write(MapCells.OneLine(map.ConversionStage.Name));
        writer.Write('\n');

        if (map.Personas.Count > 0)
        {
            writer.Write("\nPersonas\n");
            foreach (var persona in map.Personas)
            {
                writer.Write("  ");
                writer.Write(MapCells.OneLine(persona.Name));
                if (persona.Description is not null)
                {
                    writer.Write(": ");
                    writer.Write(MapCells.OneLine(persona.Description));
                }

                writer.Write('\n');
            }
        }
    }

    private static void WriteRow(TextWriter writer, StringBuilder line, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(Gap);
            }

            var cell = Fit(cells[i], widths[i]);
            line.Append(cell).Append(' ', widths[i] - cell.Length);
        }

        WriteLine(writer, line);
    }

    /// <summary>Writes the line without its trailing spaces, then clears it for the next one.</summary>
    private static void WriteLine(TextWriter writer, StringBuilder line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        writer.Write(line.ToString(0, end));
        writer.Write('\n');
        line.Clear();
    }

    /// <summary>The text cut to <paramref name="width"/> with an ellipsis, never between the halves of a surrogate pair.</summary>
    private static string Fit(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        var keep = width - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return new StringBuilder(keep + 1).Append(text, 0, keep).Append('…').ToString();
    }
}
