using System.Globalization;
using System.IO;
using CustomerJourney.Json;
using CustomerJourney.Rendering;

namespace CustomerJourney.Cli;

/// <summary><c>cj map validate</c> and <c>cj map show</c>.</summary>
internal static class MapCommands
{
    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length < 2)
        {
            throw new UsageException("'cj map' needs a subcommand: validate or show");
        }

        switch (args[1])
        {
            case "validate":
            {
                var a = Arguments.Parse(args, 2);
                a.ExpectPositionals(1, "<map.json>");
                var map = JourneyMapJson.Load(a.Positionals[0]);
                stdout.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: valid ({1} stages, {2} channels, {3} touchpoints, {4} hand-offs, conversion at '{5}')",
                    a.Positionals[0],
                    map.Stages.Count,
                    map.Channels.Count,
                    map.Touchpoints.Count,
                    map.Handoffs.Count,
                    map.ConversionStage.Id));
                return CommandLine.Ok;
            }

            case "show":
            {
                var a = Arguments.Parse(args, 2, "format");
                a.ExpectPositionals(1, "<map.json>");
                var format = a.Choice("format", "markdown", "mermaid", "json", "text");
                var map = JourneyMapJson.Load(a.Positionals[0]);
                switch (format)
                {
                    case "markdown":
                        JourneyMapRenderer.WriteMarkdown(stdout, map);
                        break;
                    case "mermaid":
                        JourneyMapRenderer.WriteMermaid(stdout, map);
                        break;
                    case "text":
                        JourneyMapRenderer.WriteText(stdout, map);
                        break;
                    default:
                        stdout.Write(JourneyMapJson.Serialize(map));
                        stdout.Write('\n');
                        break;
                }

                return CommandLine.Ok;
            }

            default:
                throw new UsageException($"unknown map subcommand '{args[1]}' (expected validate or show)");
        }
    }
}
