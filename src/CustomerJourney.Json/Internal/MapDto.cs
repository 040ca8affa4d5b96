using System.Collections.Generic;

namespace CustomerJourney.Json.Internal;

/// <summary>The JSON shape of a journey map, one property per member of the format; every member is optional here and checked on conversion.</summary>
internal sealed class MapDto
{
    public string? Name { get; set; }

    public List<StageDto?>? Stages { get; set; }

    public List<ChannelDto?>? Channels { get; set; }

    public List<TouchpointDto?>? Touchpoints { get; set; }

    public List<HandoffDto?>? Handoffs { get; set; }

    public List<PersonaDto?>? Personas { get; set; }

    public string? ConversionStage { get; set; }
}
