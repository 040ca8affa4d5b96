using System.Text.Json.Serialization;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// Source-generated metadata for the map format: no reflection at run time, so the reader and writer survive trimming
/// and native AOT. Unknown members are skipped (the serializer's default), which keeps older readers working on newer files.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = MapJsonContext.MaxDepth)]
[JsonSerializable(typeof(MapDto))]
internal sealed partial class MapJsonContext : JsonSerializerContext
{
    /// <summary>The deepest nesting accepted; a map needs 3 levels, the rest is headroom for unknown members.</summary>
    public const int MaxDepth = 64;
}
