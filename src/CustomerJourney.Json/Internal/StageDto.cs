namespace CustomerJourney.Json.Internal;

/// <summary>The JSON shape of a stage. Nullable so that a missing member is reported by name, not by a serializer message.</summary>
internal sealed class StageDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public int? Order { get; set; }

    public string? Phase { get; set; }
}
