namespace CustomerJourney.Json.Internal;

/// <summary>The JSON shape of a persona.</summary>
internal sealed class PersonaDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Segment { get; set; }
}
