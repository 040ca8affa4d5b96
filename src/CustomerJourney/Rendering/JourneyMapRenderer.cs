using System;
using System.Globalization;
using System.IO;
using CustomerJourney.Internal;

namespace CustomerJourney.Rendering;

/// <summary>
/// Shows a journey map to people: a Markdown table for documents and pull requests, a Mermaid <c>journey</c>
/// diagram for pages that draw it, a fixed-width grid for consoles.
/// </summary>
/// <remarks>
/// <para>
/// Every grid has one row per stage, in journey order, and one column per channel, in declaration order. A cell shows
/// ✓ for a touchpoint offered and expected, ✗ for one expected but not offered (missing), ○ for one offered but not
/// expected, nothing otherwise; then, unless <see cref="JourneyMapRenderOptions.IncludeDesiredExperience"/> is off,
/// the desired experience with its sign (<c>✓ +0.5</c>).
/// </para>
/// <para>
/// Output is deterministic: the same map and options give the same characters, lines end with <c>\n</c> whatever
/// the platform or <see cref="TextWriter.NewLine"/>, numbers use the invariant culture. Text is written as
/// <see cref="string"/>s: the writer's encoding decides the bytes (✓ ✗ ○ and … need UTF-8 or UTF-16).
/// The <c>Write…</c> methods check their arguments before writing anything, write to the writer without flushing or
/// closing it, and keep no reference to it. Stateless: safe to call from several threads at once.
/// </para>
/// </remarks>
public static class JourneyMapRenderer
{
    private static readonly JourneyMapRenderOptions s_defaultOptions = new();

    /// <summary>Renders the map as Markdown, to paste into a document or a review.</summary>
    /// <param name="map">The map.</param>
    /// <param name="options">Presentation choices; null for the defaults.</param>
    /// <returns>The Markdown text; see <see cref="WriteMarkdown"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    public static string ToMarkdown(JourneyMap map, JourneyMapRenderOptions? options = null)
    {
        Guard.NotNull(map);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMarkdown(writer, map, options);
        return writer.ToString();
    }

    /// <summary>Writes the map as Markdown, to paste into a document or a review.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="map">The map.</param>
    /// <param name="options">Presentation choices; null for the defaults.</param>
    /// <remarks>
    /// A level-1 heading with the map's name; the stage × channel table with a Phase column; a legend; a
    /// "Hand-offs" section (a From / To / Stage table); the conversion stage; a "Personas" table when the map has
    /// personas. With <see cref="JourneyMapRenderOptions.ObservedStatistics"/>, a cell whose touchpoint has rated events
    /// adds their mean sentiment (<c>✓ +0.5 (observed -0.12)</c>), on undeclared pairs too, and the legend says so.
    /// Every name, description and segment from the map is escaped for inline Markdown and table cells:
    /// line breaks become spaces and <c>\ ` * _ [ ] &lt; &gt; | ~ &amp; # $</c> get a backslash, so no name can
    /// break the table, inject HTML or start markup.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="map"/> is null.</exception>
    public static void WriteMarkdown(TextWriter writer, JourneyMap map, JourneyMapRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(map);
        var o = options ?? s_defaultOptions;
        MarkdownMapWriter.Write(writer, map, o.IncludeDesiredExperience, ObservedSentiment.From(o.ObservedStatistics));
    }

    /// <summary>Renders the map as a Mermaid <c>journey</c> diagram, for pages and tools that draw Mermaid.</summary>
    /// <param name="map">The map.</param>
    /// <param name="options">Presentation choices; null for the defaults.</param>
    /// <returns>The diagram source; see <see cref="WriteMermaid"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    public static string ToMermaid(JourneyMap map, JourneyMapRenderOptions? options = null)
    {
        Guard.NotNull(map);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMermaid(writer, map, options);
        return writer.ToString();
    }

    /// <summary>Writes the map as a Mermaid <c>journey</c> diagram, for pages and tools that draw Mermaid.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="map">The map.</param>
    /// <param name="options">Presentation choices; null for the defaults. The diagram uses only <see cref="JourneyMapRenderOptions.ObservedStatistics"/>.</param>
    /// <remarks>
    /// <para>
    /// <c>journey</c>, a <c>title</c> (the map's name), then a <c>section</c> per stage in journey order holding one
    /// task per offered touchpoint, in channel order: <c>Channel name: score: Channel name</c>, the channel being
    /// both the task and its actor. A stage offered on no channel is an empty section. Touchpoints not offered have
    /// no task: a journey diagram draws what customers live.
    /// </para>
    /// <para>
    /// The score maps the desired experience linearly from [-1, 1] onto Mermaid's 1 to 5 (-1 → 1, -0.5 → 2, 0 → 3,
    /// +0.5 → 4, +1 → 5), rounding halves away from zero. The experience scored is the observed mean sentiment of the
    /// touchpoint when <see cref="JourneyMapRenderOptions.ObservedStatistics"/> has one (what customers lived), else the
    /// desired experience (what the map promises), else the touchpoint scores 3.
    /// </para>
    /// <para>
    /// Mermaid has no escape usable everywhere in a journey line, so names are cleaned rather than escaped: the
    /// characters <c>: ; # , % &lt; &gt;</c>, line breaks and other control characters become spaces, runs of spaces
    /// collapse and the ends are trimmed. A name left empty falls back to its id, cleaned the same way.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="map"/> is null.</exception>
    public static void WriteMermaid(TextWriter writer, JourneyMap map, JourneyMapRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(map);
        MermaidMapWriter.Write(writer, map, ObservedSentiment.From(options?.ObservedStatistics));
    }

    /// <summary>Renders the map as a fixed-width grid, for consoles and logs.</summary>
    /// <param name="map">The map.</param>
    /// <param name="options">Presentation choices; null for the defaults.</param>
    /// <returns>The grid and what follows it; see <see cref="WriteText"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    public static string ToText(JourneyMap map, JourneyMapRenderOptions? options = null)
    {
        Guard.NotNull(map);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteText(writer, map, options);
        return writer.ToString();
    }

    /// <summary>Writes the map as a fixed-width grid, for consoles and logs.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="map">The map.</param>
    /// <param name="options">Presentation choices; null for the defaults.</param>
    /// <remarks>
    /// The map's name; the grid (Stage, Phase, then a column per channel) with columns two spaces apart, each as wide
    /// as its widest entry up to <see cref="JourneyMapRenderOptions.MaxTextColumnWidth"/>, longer names cut with
    /// "…"; a legend; the hand-offs, one a line (<c>Web site -&gt; Store (at Purchase)</c>); the conversion stage;
    /// the personas. Names are written as they are, except that line breaks and control characters become spaces.
    /// No line ends with a space.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="map"/> is null.</exception>
    public static void WriteText(TextWriter writer, JourneyMap map, JourneyMapRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(map);
        var o = options ?? s_defaultOptions;
        TextMapWriter.Write(writer, map, o.IncludeDesiredExperience, o.MaxTextColumnWidth);
    }
}
