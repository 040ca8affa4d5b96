namespace CustomerJourney.Json.Internal;

/// <summary>The JSON shape of a hand-off; <c>stage</c> is absent for a hand-off valid at every stage.</summary>
internal sealed class HandoffDto
{
    public string? From { get; set; }

    public string? To { get; set; }

    public string? Stage { get; set; }
}
