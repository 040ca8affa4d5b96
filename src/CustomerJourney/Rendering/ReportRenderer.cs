using System;
using System.Globalization;
using System.IO;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Internal;

namespace CustomerJourney.Rendering;

/// <summary>
/// Shows a diagnosis to the people who act on it: as Markdown for a document or a ticket, and as one self-contained HTML
/// page (what <c>cj diagnose --format markdown|html</c> writes).
/// </summary>
/// <remarks>
/// <para>
/// Renderers read the report, the map it was made against (for names, the grid and the desired experience) and, when
/// given, the statistics it was made from (for the observed sentiment, the emotion curve and the channel switches); never
/// events. Without statistics, as for a diagnosis of the map alone, the observed parts are left out and say so.
/// </para>
/// <para>
/// Output is deterministic: the same inputs and options give the same characters; lines end with <c>\n</c>; numbers use
/// the invariant culture. Every string from the input (names, ids, explanations, the title) is escaped for the format it
/// lands in. The <c>Write…</c> methods check their arguments before writing anything, write without flushing or closing
/// the writer, and keep no reference to it. Stateless: safe to call from several threads at once.
/// </para>
/// </remarks>
public static class ReportRenderer
{
    private static readonly ReportRenderOptions s_defaultOptions = new();

    /// <summary>Renders the diagnosis as Markdown.</summary>
    /// <param name="report">The diagnosis.</param>
    /// <param name="map">The map the report was made against.</param>
    /// <param name="statistics">The statistics the report was made from; null for a diagnosis of the map alone.</param>
    /// <param name="options">Title and limits; null for the defaults.</param>
    /// <returns>The Markdown text; see <see cref="WriteMarkdown"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException">The statistics do not match the report or the map.</exception>
    public static string ToMarkdown(DiagnosticReport report, JourneyMap map, JourneyStatistics? statistics = null, ReportRenderOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMarkdown(writer, report, map, statistics, options);
        return writer.ToString();
    }

    /// <summary>Writes the diagnosis as Markdown.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The diagnosis.</param>
    /// <param name="map">The map the report was made against.</param>
    /// <param name="statistics">The statistics the report was made from; null for a diagnosis of the map alone.</param>
    /// <param name="options">Title and limits; null for the defaults.</param>
    /// <remarks>
    /// A level-1 title, the totals (journeys, events, findings per kind, NPS, CSAT and CES with their intervals), then
    /// <c>## Journey map</c> (the stage × channel grid: ✓ offered, ✗ expected but missing, ○ offered but not expected, with
    /// the observed mean sentiment and rated events), <c>## Findings</c> (kind, where, score, support, rate against baseline
    /// with the interval, and the explanation), <c>## Funnel</c>, <c>## NPS</c> (overall, per segment, per persona, per
    /// touchpoint), <c>## CSAT and CES</c>, <c>## Experience gaps</c>, <c>## Unused touchpoints</c> and <c>## Paths the map does not foresee</c>.
    /// Names are escaped as in <see cref="StatisticsRenderer.WriteMarkdown"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="report"/> or <paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException">The statistics do not match the report or the map.</exception>
    public static void WriteMarkdown(TextWriter writer, DiagnosticReport report, JourneyMap map, JourneyStatistics? statistics = null, ReportRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(report);
        Guard.NotNull(map);
        ReportFigures.CheckConsistent(report, map, statistics);
        MarkdownReportWriter.Write(writer, report, map, statistics, options ?? s_defaultOptions);
    }

    /// <summary>Renders the diagnosis as one self-contained HTML page.</summary>
    /// <param name="report">The diagnosis.</param>
    /// <param name="map">The map the report was made against.</param>
    /// <param name="statistics">The statistics the report was made from; null for a diagnosis of the map alone.</param>
    /// <param name="options">Title and limits; null for the defaults.</param>
    /// <returns>The HTML document; see <see cref="WriteHtml"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException">The statistics do not match the report or the map.</exception>
    public static string ToHtml(DiagnosticReport report, JourneyMap map, JourneyStatistics? statistics = null, ReportRenderOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteHtml(writer, report, map, statistics, options);
        return writer.ToString();
    }

    /// <summary>Writes the diagnosis as one self-contained HTML page.</summary>
    /// <param name="writer">Where to write; the page declares UTF-8, so write it as UTF-8.</param>
    /// <param name="report">The diagnosis.</param>
    /// <param name="map">The map the report was made against.</param>
    /// <param name="statistics">The statistics the report was made from; null for a diagnosis of the map alone.</param>
    /// <param name="options">Title and limits; null for the defaults.</param>
    /// <remarks>
    /// <para>
    /// One HTML5 file with inline CSS and inline SVG, no script and no external resource (its Content-Security-Policy
    /// forbids loading any), so it can be mailed, attached to a ticket or opened offline. Sections: the totals; the stage ×
    /// channel heatmap (each cell coloured by its observed mean sentiment, from red at −1 to green at +1, with the
    /// touchpoint symbol, the mean, the rated events and a badge per finding there); the emotion curve across stages (the
    /// mean sentiment of each stage with its interval, and the desired experience dashed); the funnel with the drop-off
    /// between stages; the channel-switch matrix (switches from × to, summed over stages; a declared hand-off is marked);
    /// the findings table with their evidence; NPS, CSAT and CES; experience gaps.
    /// </para>
    /// <para>
    /// Every string from the input is HTML-escaped (<c>&amp; &lt; &gt; " '</c>), in text and in attributes alike, and
    /// control characters become U+FFFD, so no name can inject markup. The page reads without colours too: every coloured
    /// cell also states its number. The markup is also well-formed XML (XHTML polyglot), so a tool can parse it.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="report"/> or <paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException">The statistics do not match the report or the map.</exception>
    public static void WriteHtml(TextWriter writer, DiagnosticReport report, JourneyMap map, JourneyStatistics? statistics = null, ReportRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(report);
        Guard.NotNull(map);
        ReportFigures.CheckConsistent(report, map, statistics);
        HtmlReportWriter.Write(writer, report, map, statistics, options ?? s_defaultOptions);
    }

    /// <summary>The title of the report: the option's, else "Diagnosis: " and the map's name.</summary>
    internal static string TitleOf(JourneyMap map, ReportRenderOptions options) =>
        options.Title ?? (map.Name is { Length: > 0 } name ? "Diagnosis: " + name : "Journey diagnosis");
}
