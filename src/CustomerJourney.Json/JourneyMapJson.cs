using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CustomerJourney.Json.Internal;

namespace CustomerJourney.Json;

/// <summary>
/// Reads and writes a <see cref="JourneyMap"/> in the JSON map format, so that a map can live in a file that people edit and
/// review, and travel between tools.
/// </summary>
/// <remarks>
/// <para>
/// The format: <c>{ "name"?, "stages": [{id, name, order, phase}], "channels": [{id, name, kind}],
/// "touchpoints": [{stage, channel, offered?, expected?, desiredExperience?}], "handoffs": [{from, to, stage?}],
/// "personas": [{id, name, description?, segment?}], "conversionStage"? }</c>. Member names are camelCase and case-sensitive;
/// <c>phase</c> is <c>acquisition</c>, <c>retention</c> or <c>loyalty</c>; <c>kind</c> is <c>digital</c> or <c>physical</c>.
/// </para>
/// <para>
/// Reading is strict on what it knows and lenient on what it does not: unknown members are ignored, so that a file written by a
/// newer version still loads; <c>offered</c> and <c>expected</c> default to true; an array left out or null is empty. Comments,
/// trailing commas, trailing content, a member named twice in one object and nesting deeper than 64 levels are rejected.
/// The whole document is held in memory while it is read. Every error, malformed JSON included, is a
/// <see cref="JourneyMapException"/> whose <see cref="JourneyMapException.Element"/> is a JSON path (<c>$.touchpoints[3].stage</c>)
/// and whose <see cref="JourneyMapException.SourceName"/> is the file or stream name given.
/// </para>
/// <para>
/// Writing is deterministic: members in the order above, optional members left out when null, stages in journey order, the other
/// elements in declaration order, <c>\n</c> line ends with two-space indentation, numbers in the invariant culture as the shortest
/// text that reads back to the same <see cref="double"/>, no byte order mark. Reading what was written gives an equal map.
/// </para>
/// <para>Uses source-generated serialization only: safe under trimming and native AOT. Stateless and thread-safe.</para>
/// </remarks>
public static class JourneyMapJson
{
    // People read and review map files: "Fidélisation" and "d'information" stay as typed. The relaxed encoder still escapes
    // quotes, backslashes and control characters; it does not escape for embedding in HTML, which a map file is not.
    private static readonly JavaScriptEncoder s_encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Reads a map from UTF-8 JSON; the stream is read to its end and left open.</summary>
    /// <param name="utf8Json">The UTF-8 encoded JSON document.</param>
    /// <param name="sourceName">The file or stream name errors will quote; null for none.</param>
    /// <returns>The validated map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JourneyMapException">The JSON is malformed or does not describe a valid map; the message names the JSON path.</exception>
    public static JourneyMap Read(Stream utf8Json, string? sourceName = null)
    {
        Guard.NotNull(utf8Json);
        byte[] utf8;
        using (var buffer = new MemoryStream())
        {
            utf8Json.CopyTo(buffer);
            utf8 = buffer.ToArray();
        }

        MapDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(new MemoryStream(utf8, writable: false), MapJsonContext.Default.MapDto);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex, sourceName);
        }

        return ToMap(dto, utf8, sourceName);
    }

    /// <summary>Reads a map from a JSON string.</summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="sourceName">The file or stream name errors will quote; null for none.</param>
    /// <returns>The validated map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JourneyMapException">The JSON is malformed or does not describe a valid map; the message names the JSON path.</exception>
    public static JourneyMap Parse(string json, string? sourceName = null)
    {
        Guard.NotNull(json);
        MapDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, MapJsonContext.Default.MapDto);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex, sourceName);
        }
        catch (ArgumentException ex)
        {
            // A string that is not valid UTF-16 (a lone surrogate) cannot become UTF-8 JSON text.
            throw new JourneyMapException("$", "the text is not valid Unicode", sourceName, ex);
        }

        return ToMap(dto, Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>Reads a map from a UTF-8 JSON file; errors quote <paramref name="path"/> as the source.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The validated map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> among others).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="JourneyMapException">The JSON is malformed or does not describe a valid map; the message names the file and the JSON path.</exception>
    public static JourneyMap Load(string path)
    {
        Guard.NotEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Writes a map as UTF-8 JSON, without a byte order mark; the stream is left open.</summary>
    /// <param name="map">The map.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="indented">True for two-space indentation and <c>\n</c> line ends, false for the most compact text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> or <paramref name="utf8Json"/> is null.</exception>
    public static void Write(JourneyMap map, Stream utf8Json, bool indented = true)
    {
        Guard.NotNull(map);
        Guard.NotNull(utf8Json);
        var bytes = ToUtf8(map, indented);
        utf8Json.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Writes a map as a JSON string: the same text <see cref="Write"/> encodes.</summary>
    /// <param name="map">The map.</param>
    /// <param name="indented">True for two-space indentation and <c>\n</c> line ends, false for the most compact text.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    public static string Serialize(JourneyMap map, bool indented = true)
    {
        Guard.NotNull(map);
        return Encoding.UTF8.GetString(ToUtf8(map, indented));
    }

    /// <summary>Writes a map to a file, indented, replacing the file if it exists.</summary>
    /// <param name="map">The map.</param>
    /// <param name="path">The file path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void Save(JourneyMap map, string path)
    {
        Guard.NotNull(map);
        Guard.NotEmpty(path);
        var bytes = ToUtf8(map, indented: true);
        using var stream = File.Create(path);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static JourneyMap ToMap(MapDto? dto, byte[] utf8, string? sourceName)
    {
        if (dto is null)
        {
            throw new JourneyMapException("$", "the document must be a JSON object, not null", sourceName);
        }

        if (DuplicateMembers.Check(utf8, sourceName) is { } error)
        {
            throw error;
        }

        return MapConverter.ToMap(dto, sourceName);
    }

    private static byte[] ToUtf8(JourneyMap map, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = s_encoder }))
        {
            JsonSerializer.Serialize(writer, MapConverter.FromMap(map), MapJsonContext.Default.MapDto);
        }

        return WithoutCarriageReturns(buffer.ToArray());
    }

    /// <summary>
    /// The writer ends lines with <see cref="Environment.NewLine"/>; the format wants <c>\n</c> on every platform. A carriage
    /// return inside a string is always escaped, so every raw one is part of a line end.
    /// </summary>
    private static byte[] WithoutCarriageReturns(byte[] utf8)
    {
        if (Array.IndexOf(utf8, (byte)'\r') < 0)
        {
            return utf8;
        }

        var result = new byte[utf8.Length];
        var n = 0;
        foreach (var b in utf8)
        {
            if (b != (byte)'\r')
            {
                result[n++] = b;
            }
        }

        Array.Resize(ref result, n);
        return result;
    }

    private static JourneyMapException Malformed(JsonException ex, string? sourceName)
    {
        var element = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path!;
        var reason = Describe(ex.Message);
        if (ex.LineNumber is { } line)
        {
            reason += string.Format(CultureInfo.InvariantCulture, " (line {0}, byte {1})", line + 1, (ex.BytePositionInLine ?? 0) + 1);
        }

        return new JourneyMapException(element, reason, sourceName, ex);
    }

    /// <summary>The serializer's sentence without its own path suffix, and with our words for its internal type names.</summary>
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var sentence = (cut >= 0 ? message.Substring(0, cut) : message).Trim().TrimEnd('.');
        const string Converted = "could not be converted to ";
        var at = sentence.IndexOf(Converted, StringComparison.Ordinal);
        if (at < 0)
        {
            return sentence.Length == 0 ? "malformed JSON" : sentence;
        }

        var type = sentence.Substring(at + Converted.Length);
        return "expected " + (
            type.Contains("System.Collections.Generic.List") ? "an array" :
            type.Contains("Dto") ? "an object" :
            type.Contains("System.Int32") ? "an integer" :
            type.Contains("System.Double") ? "a number" :
            type.Contains("System.Boolean") ? "true or false" :
            type.Contains("System.String") ? "a string" :
            type);
    }
}
