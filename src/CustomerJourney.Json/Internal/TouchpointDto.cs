namespace CustomerJourney.Json.Internal;

/// <summary>The JSON shape of a touchpoint; <c>offered</c> and <c>expected</c> are true when absent.</summary>
internal sealed class TouchpointDto
{
    public string? Stage { get; set; }

    public string? Channel { get; set; }

    public bool Offered { get; set; } = true;

    public bool Expected { get; set; } = true;

    public double? DesiredExperience { get; set; }
}
