using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Json.Internal;

namespace CustomerJourney.Json;

/// <summary>
/// <see cref="JourneyStatistics"/> as JSON: the <c>cj paths --format json</c> view people and scripts read, and a
/// full-fidelity form that carries statistics computed elsewhere (another process, another machine) to be merged.
/// </summary>
/// <remarks>
/// <para>
/// Both are deterministic: members in a fixed order, map keys sorted ordinally, lists in the statistics' own order, two-space
/// indentation, <c>\n</c> line ends and a final <c>\n</c>, numbers in the invariant culture, no byte order mark; equal
/// statistics give the same bytes.
/// </para>
/// <para>Written with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection, safe under trimming and native AOT. Stateless and thread-safe.</para>
/// </remarks>
public static class JourneyStatisticsJson
{
    /// <summary>The <c>schema</c> member of the full-fidelity form.</summary>
    public const string Schema = "cj/statistics/1";

    /// <summary>The <c>cj paths --format json</c> view of statistics.</summary>
    /// <param name="statistics">The statistics.</param>
    /// <param name="top">How many variants to list, most frequent first; null for all. The journeys of the others are counted in <c>otherVariants</c>.</param>
    /// <returns>
    /// UTF-8 JSON: <c>events</c>, <c>journeys</c>, <c>rejected</c> {reason: count} (camelCase reasons), <c>activities</c>,
    /// <c>startActivities</c>, <c>endActivities</c> {name: count}, <c>dfg</c> [{from, to, count, medianSeconds}],
    /// <c>variants</c> [{path, count}], <c>otherVariants</c> (journeys of the variants left out; 0 when all are listed),
    /// <c>funnel</c> [{stage, journeys, conversion}] in map order, <c>transitionKinds</c> {forward, skip, skippedStages, repeat, back},
    /// <c>channelSwitches</c> [{stage, from, to, count}], <c>durations</c> {betweenEvents: {count, medianSeconds, p90Seconds},
    /// perStage: [{stage, count, medianSeconds, p90Seconds}]}. Seconds are sketch estimates (within the sketch's relative
    /// accuracy) rounded to the millisecond, null when there is no duration; conversions are rounded to 6 decimals.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is negative.</exception>
    public static byte[] ToPathsJsonUtf8(JourneyStatistics statistics, int? top = null)
    {
        NotNull(statistics, nameof(statistics));
        CheckTop(top);

        return JsonOutput.ToUtf8(w => PathsWriter.Write(w, statistics, top));
    }

    /// <summary>
    /// Writes the <c>cj paths --format json</c> view (see <see cref="ToPathsJsonUtf8"/>) to a stream as it goes, through a
    /// small buffer: listing every variant of a large log makes hundreds of megabytes, which this never holds whole.
    /// </summary>
    /// <param name="utf8Json">The stream written to; left open.</param>
    /// <param name="statistics">The statistics.</param>
    /// <param name="top">How many variants to list; null for all.</param>
    /// <param name="maxDegreeOfParallelism">
    /// Threads that may format a long list of variants at once (the same bytes whatever the number); 1, the default,
    /// formats on the calling thread only. Listing a million variants is most of the time this method takes.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is negative, or <paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    public static void WritePathsJson(Stream utf8Json, JourneyStatistics statistics, int? top = null, int maxDegreeOfParallelism = 1)
    {
        NotNull(utf8Json, nameof(utf8Json));
        NotNull(statistics, nameof(statistics));
        CheckTop(top);
        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Must be 1 or more.");
        }

        JsonOutput.ToStream(utf8Json, (w, target) => PathsWriter.Write(w, statistics, top, maxDegreeOfParallelism, target));
    }

    /// <summary>The <c>cj paths --format json</c> view, as text (see <see cref="ToPathsJsonUtf8"/>).</summary>
    /// <param name="statistics">The statistics.</param>
    /// <param name="top">How many variants to list; null for all.</param>
    /// <returns>The JSON text, ending with <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is negative.</exception>
    public static string ToPathsJson(JourneyStatistics statistics, int? top = null)
    {
        NotNull(statistics, nameof(statistics));
        CheckTop(top);

        return JsonOutput.ToText(w => PathsWriter.Write(w, statistics, top));
    }

    /// <summary>Writes statistics in full: every figure, sketches included, so <see cref="Deserialize(string)"/> gives equal statistics.</summary>
    /// <param name="statistics">The statistics.</param>
    /// <returns>The JSON text (schema <see cref="Schema"/>), ending with <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is null.</exception>
    public static string Serialize(JourneyStatistics statistics)
    {
        NotNull(statistics, nameof(statistics));
        return JsonOutput.ToText(w => StatisticsWriter.Write(w, statistics));
    }

    /// <summary>Writes statistics in full to a stream, as UTF-8, as it goes (see <see cref="WritePathsJson"/>); the stream is left open.</summary>
    /// <param name="utf8Json">The stream written to.</param>
    /// <param name="statistics">The statistics.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Serialize(Stream utf8Json, JourneyStatistics statistics)
    {
        NotNull(utf8Json, nameof(utf8Json));
        NotNull(statistics, nameof(statistics));
        JsonOutput.ToStream(utf8Json, w => StatisticsWriter.Write(w, statistics));
    }

    /// <summary>Reads statistics written by <see cref="Serialize(JourneyStatistics)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>Statistics equal to those written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not JSON, or not statistics of schema <see cref="Schema"/>; the message names the member.</exception>
    public static JourneyStatistics Deserialize(string json)
    {
        NotNull(json, nameof(json));
        using var document = JsonDocument.Parse(json);
        return StatisticsReader.Read(document.RootElement);
    }

    /// <summary>Reads statistics written by <see cref="Serialize(Stream, JourneyStatistics)"/>; the stream is read to its end and left open.</summary>
    /// <param name="utf8Json">The UTF-8 JSON stream.</param>
    /// <returns>Statistics equal to those written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JsonException">The stream is not JSON, or not statistics of schema <see cref="Schema"/>.</exception>
    public static JourneyStatistics Deserialize(Stream utf8Json)
    {
        NotNull(utf8Json, nameof(utf8Json));
        using var document = JsonDocument.Parse(utf8Json);
        return StatisticsReader.Read(document.RootElement);
    }

    /// <summary>The camelCase name of a rejection reason, as both forms write it.</summary>
    internal static string ReasonName(RejectionReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    internal static IEnumerable<KeyValuePair<string, long>> ReasonsByName(JourneyStatistics statistics)
    {
        var list = new List<KeyValuePair<string, long>>();
        foreach (var r in statistics.Rejections)
        {
            list.Add(new KeyValuePair<string, long>(ReasonName(r.Key), r.Value));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    private static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    private static void CheckTop(int? top)
    {
        if (top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "Must be zero or more.");
        }
    }
}
