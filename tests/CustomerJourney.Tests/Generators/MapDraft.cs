using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace CustomerJourney.Tests.Generators;

/// <summary>
/// A journey map as plain data, unchecked: it can describe an invalid map, and be turned into builder calls or into the JSON
/// map format, so that the same draft tests both paths.
/// </summary>
public sealed class MapDraft
{
    public string? Name { get; set; }

    public List<(string Id, string Name, int Order, JourneyPhase Phase)> Stages { get; } = new();

    public List<(string Id, string Name, ChannelKind Kind)> Channels { get; } = new();

    public List<(string Stage, string Channel, bool Offered, bool Expected, double? DesiredExperience)> Touchpoints { get; } = new();

    public List<(string From, string To, string? Stage)> Handoffs { get; } = new();

    public List<(string Id, string Name, string? Description, string? Segment)> Personas { get; } = new();

    public string? ConversionStage { get; set; }

    public MapDraft Clone()
    {
        var copy = new MapDraft { Name = Name, ConversionStage = ConversionStage };
        copy.Stages.AddRange(Stages);
        copy.Channels.AddRange(Channels);
        copy.Touchpoints.AddRange(Touchpoints);
        copy.Handoffs.AddRange(Handoffs);
        copy.Personas.AddRange(Personas);
        return copy;
    }

    public JourneyMapBuilder ToBuilder()
    {
        var builder = JourneyMap.CreateBuilder(Name);
        foreach (var s in Stages)
        {
            builder.AddStage(s.Id, s.Name, s.Phase, s.Order);
        }

        foreach (var c in Channels)
        {
            builder.AddChannel(c.Id, c.Name, c.Kind);
        }

        foreach (var t in Touchpoints)
        {
            builder.AddTouchpoint(t.Stage, t.Channel, t.Offered, t.Expected, t.DesiredExperience);
        }

        foreach (var h in Handoffs)
        {
            builder.AddHandoff(h.From, h.To, h.Stage);
        }

        foreach (var p in Personas)
        {
            builder.AddPersona(p.Id, p.Name, p.Description, p.Segment);
        }

        return builder.WithConversionStage(ConversionStage);
    }

    public JourneyMap Build() => ToBuilder().Build();

    /// <summary>The draft in the JSON map format, written independently of the library's writer.</summary>
    public string ToJson()
    {
        var root = new JsonObject();
        if (Name is not null)
        {
            root["name"] = Name;
        }

        root["stages"] = new JsonArray(Stages.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["order"] = s.Order,
            ["phase"] = s.Phase.ToString().ToLowerInvariant(),
        }).ToArray());
        root["channels"] = new JsonArray(Channels.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["kind"] = c.Kind.ToString().ToLowerInvariant(),
        }).ToArray());
        root["touchpoints"] = new JsonArray(Touchpoints.Select(t =>
        {
            var o = new JsonObject { ["stage"] = t.Stage, ["channel"] = t.Channel };

            // Leave the defaults out half of the time the value allows it, to exercise "absent means true".
            if (!t.Offered || t.Stage.Length % 2 == 0)
            {
                o["offered"] = t.Offered;
            }

            if (!t.Expected || t.Channel.Length % 2 == 0)
            {
                o["expected"] = t.Expected;
            }

            if (t.DesiredExperience is { } d)
            {
                o["desiredExperience"] = d;
            }

            return (JsonNode)o;
        }).ToArray());
        root["handoffs"] = new JsonArray(Handoffs.Select(h =>
        {
            var o = new JsonObject { ["from"] = h.From, ["to"] = h.To };
            if (h.Stage is not null)
            {
                o["stage"] = h.Stage;
            }

            return (JsonNode)o;
        }).ToArray());
        root["personas"] = new JsonArray(Personas.Select(p =>
        {
            var o = new JsonObject { ["id"] = p.Id, ["name"] = p.Name };
            if (p.Description is not null)
            {
                o["description"] = p.Description;
            }

            if (p.Segment is not null)
            {
                o["segment"] = p.Segment;
            }

            return (JsonNode)o;
        }).ToArray());
        if (ConversionStage is not null)
        {
            root["conversionStage"] = ConversionStage;
        }

        return root.ToJsonString();
    }

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} stages, {1} channels, {2} touchpoints, {3} hand-offs, {4} personas: {5}",
        Stages.Count,
        Channels.Count,
        Touchpoints.Count,
        Handoffs.Count,
        Personas.Count,
        ToJson());
}
