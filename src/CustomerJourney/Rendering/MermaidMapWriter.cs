using System;
using System.Globalization;
using System.IO;

namespace CustomerJourney.Rendering;

/// <summary>Writes a map as a Mermaid <c>journey</c> diagram: a section per stage, a task per offered touchpoint.</summary>
internal static class MermaidMapWriter
{
    /// <summary>The score of a touchpoint whose desired experience is not stated: neutral.</summary>
    public const int NeutralScore = 3;

    public static void Write(TextWriter writer, JourneyMap map, ObservedSentiment observed)
    {
        writer.Write("journey\n    title ");
        writer.Write(MermaidText.Sanitize(map.Name ?? "Journey map", "Journey map"));
        writer.Write('\n');
        for (var s = 0; s < map.Stages.Count; s++)
        {
            var stage = map.Stages[s];
            writer.Write("    section ");
            writer.Write(MermaidText.Sanitize(stage.Name, MermaidText.Sanitize(stage.Id, "stage")));
            writer.Write('\n');
            for (var c = 0; c < map.Channels.Count; c++)
            {
                var touchpoint = map.TouchpointAt(s, c);
                if (touchpoint is not { IsOffered: true })
                {
                    continue;
                }

                var channel = map.Channels[c];
                var name = MermaidText.Sanitize(channel.Name, MermaidText.Sanitize(channel.Id, "channel"));
                writer.Write("        ");
                writer.Write(name);
                writer.Write(": ");
                writer.Write(Score(observed.MeanAt(stage.Id, channel.Id) ?? touchpoint.DesiredExperience).ToString(CultureInfo.InvariantCulture));
                writer.Write(": ");
                writer.Write(name);
                writer.Write('\n');
            }
        }
    }

    /// <summary>Maps an experience (observed or desired) in [-1, 1] linearly onto Mermaid's 1..5 (-1 → 1, 0 → 3, +1 → 5), halves away from zero.</summary>
    public static int Score(double? experience)
    {
        if (experience is not { } d)
        {
            return NeutralScore;
        }

        var score = 1 + (int)Math.Round((d + 1.0) * 2.0, MidpointRounding.AwayFromZero);
        return Math.Min(5, Math.Max(1, score));
    }
}
