using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// Turns the JSON shape into a <see cref="JourneyMap"/> through <see cref="JourneyMapBuilder"/>, so that JSON and code report
/// the same errors, and back. Element paths in errors are JSON paths: <c>$.touchpoints[3].stage</c>.
/// </summary>
internal static class MapConverter
{
    public static JourneyMap ToMap(MapDto dto, string? sourceName)
    {
        var builder = JourneyMap.CreateBuilder(dto.Name);
        var stages = OrEmpty(dto.Stages);
        for (var i = 0; i < stages.Count; i++)
        {
            var s = Element(stages[i], "stages", i, sourceName);
            var order = s.Order ?? throw Required($"$.stages[{i}].order", sourceName);
            builder.AddStage(s.Id!, s.Name!, ParsePhase(s.Phase, $"$.stages[{i}].phase", sourceName), order);
        }

        var channels = OrEmpty(dto.Channels);
        for (var i = 0; i < channels.Count; i++)
        {
            var c = Element(channels[i], "channels", i, sourceName);
            builder.AddChannel(c.Id!, c.Name!, ParseKind(c.Kind, $"$.channels[{i}].kind", sourceName));
        }

        var touchpoints = OrEmpty(dto.Touchpoints);
        for (var i = 0; i < touchpoints.Count; i++)
        {
            var t = Element(touchpoints[i], "touchpoints", i, sourceName);
            builder.AddTouchpoint(t.Stage!, t.Channel!, t.Offered, t.Expected, t.DesiredExperience);
        }

        var handoffs = OrEmpty(dto.Handoffs);
        for (var i = 0; i < handoffs.Count; i++)
        {
            var h = Element(handoffs[i], "handoffs", i, sourceName);
            builder.AddHandoff(h.From!, h.To!, h.Stage);
        }

        var personas = OrEmpty(dto.Personas);
        for (var i = 0; i < personas.Count; i++)
        {
            var p = Element(personas[i], "personas", i, sourceName);
            builder.AddPersona(p.Id!, p.Name!, p.Description, p.Segment);
        }

        builder.WithConversionStage(dto.ConversionStage);
        try
        {
            return builder.Build();
        }
        catch (JourneyMapException ex)
        {
            var element = ex.Element.Length == 0 ? "$" : "$." + ex.Element;
            throw new JourneyMapException(element, ex.Reason, sourceName, ex);
        }
    }

    public static MapDto FromMap(JourneyMap map)
    {
        var dto = new MapDto
        {
            Name = map.Name,
            Stages = new List<StageDto?>(map.Stages.Count),
            Channels = new List<ChannelDto?>(map.Channels.Count),
            Touchpoints = new List<TouchpointDto?>(map.Touchpoints.Count),
            Handoffs = new List<HandoffDto?>(map.Handoffs.Count),
            Personas = new List<PersonaDto?>(map.Personas.Count),
            ConversionStage = map.DeclaredConversionStageId,
        };
        foreach (var s in map.Stages)
        {
            dto.Stages.Add(new StageDto { Id = s.Id, Name = s.Name, Order = s.Order, Phase = FormatPhase(s.Phase) });
        }

        foreach (var c in map.Channels)
        {
            dto.Channels.Add(new ChannelDto { Id = c.Id, Name = c.Name, Kind = FormatKind(c.Kind) });
        }

        foreach (var t in map.Touchpoints)
        {
            // -0 equals 0 in the model: write both the same way, so that equal maps give equal bytes.
            var desired = t.DesiredExperience is { } d && d == 0 ? 0.0 : t.DesiredExperience;
            dto.Touchpoints.Add(new TouchpointDto
            {
                Stage = t.StageId, Channel = t.ChannelId, Offered = t.IsOffered, Expected = t.IsExpected, DesiredExperience = desired,
            });
        }

        foreach (var h in map.Handoffs)
        {
            dto.Handoffs.Add(new HandoffDto { From = h.FromChannelId, To = h.ToChannelId, Stage = h.StageId });
        }

        foreach (var p in map.Personas)
        {
            dto.Personas.Add(new PersonaDto { Id = p.Id, Name = p.Name, Description = p.Description, Segment = p.Segment });
        }

        return dto;
    }

    public static string FormatPhase(JourneyPhase phase) => phase switch
    {
        JourneyPhase.Acquisition => "acquisition",
        JourneyPhase.Retention => "retention",
        JourneyPhase.Loyalty => "loyalty",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Undefined journey phase."),
    };

    public static string FormatKind(ChannelKind kind) => kind switch
    {
        ChannelKind.Digital => "digital",
        ChannelKind.Physical => "physical",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined channel kind."),
    };

    private static JourneyPhase ParsePhase(string? value, string element, string? sourceName) => value switch
    {
        "acquisition" => JourneyPhase.Acquisition,
        "retention" => JourneyPhase.Retention,
        "loyalty" => JourneyPhase.Loyalty,
        null => throw Required(element, sourceName),
        _ => throw new JourneyMapException(element, $"unknown phase '{value}' (expected acquisition, retention or loyalty)", sourceName),
    };

    private static ChannelKind ParseKind(string? value, string element, string? sourceName) => value switch
    {
        "digital" => ChannelKind.Digital,
        "physical" => ChannelKind.Physical,
        null => throw Required(element, sourceName),
        _ => throw new JourneyMapException(element, $"unknown channel kind '{value}' (expected digital or physical)", sourceName),
    };

    /// <summary>An array left out, or null, is empty: a map without hand-offs need not say so.</summary>
    private static List<T?> OrEmpty<T>(List<T?>? items)
        where T : class =>
        items ?? new List<T?>();

    private static T Element<T>(T? item, string property, int index, string? sourceName)
        where T : class =>
        item ?? throw new JourneyMapException(string.Format(CultureInfo.InvariantCulture, "$.{0}[{1}]", property, index), "must be an object, not null", sourceName);

    private static JourneyMapException Required(string element, string? sourceName) => new(element, "is required", sourceName);
}
