namespace CustomerJourney.Json.Internal;

/// <summary>The JSON shape of a channel.</summary>
internal sealed class ChannelDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }
}
