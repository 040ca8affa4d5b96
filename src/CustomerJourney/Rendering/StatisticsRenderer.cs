using System;
using System.Globalization;
using System.IO;
using CustomerJourney.Analysis;
using CustomerJourney.Internal;

namespace CustomerJourney.Rendering;

/// <summary>
/// Shows the statistics of a log to people: the paths report in Markdown (what <c>cj paths --format markdown</c>
/// prints), the directly-follows graph in Graphviz DOT for large process maps, and the top transitions as a Mermaid
/// flowchart for pages that draw Mermaid.
/// </summary>
/// <remarks>
/// <para>
/// Renderers read statistics only, never events: what is shown is what <see cref="JourneyAnalyzer"/> measured, so the
/// statistics of partitions merged with <see cref="JourneyStatistics.Merge(JourneyStatistics, JourneyStatistics)"/>
/// render like those of the whole log. Stages and channels appear by id and activities by name
/// (<c>stage@channel</c>), as the statistics hold them.
/// </para>
/// <para>
/// Output is deterministic: the same statistics and options give the same characters; lines end with <c>\n</c>
/// whatever the platform or <see cref="TextWriter.NewLine"/>; numbers use the invariant culture; ties are broken by
/// ordinal order of names. Every name from the input is escaped for the format it lands in. Durations are written for
/// people ("3 min 20 s", "2 d 4 h"; see <see cref="StatisticsRenderOptions.DurationUnits"/>); medians come from the
/// statistics' quantile sketches, within their relative accuracy. The <c>Write…</c> methods check their arguments
/// before writing anything, write without flushing or closing the writer, and keep no reference to it. Stateless:
/// safe to call from several threads at once.
/// </para>
/// </remarks>
public static class StatisticsRenderer
{
    private static readonly StatisticsRenderOptions s_defaultOptions = new();

    /// <summary>Renders the paths report as Markdown, for a document, a review or a ticket.</summary>
    /// <param name="stats">The statistics.</param>
    /// <param name="options">How much to show; null for the defaults.</param>
    /// <returns>The Markdown text; see <see cref="WriteMarkdown"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stats"/> is null.</exception>
    public static string ToMarkdown(JourneyStatistics stats, StatisticsRenderOptions? options = null)
    {
        Guard.NotNull(stats);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMarkdown(writer, stats, options);
        return writer.ToString();
    }

    /// <summary>Writes the paths report as Markdown, for a document, a review or a ticket.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="stats">The statistics.</param>
    /// <param name="options">How much to show; null for the defaults.</param>
    /// <remarks>
    /// <para>
    /// A level-1 heading, then: the totals as a list (events, journeys, rejected inputs by reason, the median time
    /// between events, converted journeys with their median time to convert); <c>## Funnel</c>, a table of stage,
    /// journeys, conversion from the previous stage (from all journeys for the first) and drop-off; <c>## Top
    /// variants</c>, the <see cref="StatisticsRenderOptions.TopVariants"/> most frequent paths written
    /// <c>a → b → c</c> with journeys and share, the rest counted in one line; <c>## Top transitions</c>, the
    /// <see cref="StatisticsRenderOptions.TopTransitions"/> most frequent directly-follows edges with moves and median
    /// time, the rest counted; <c>## Transition kinds</c> (forward, skip, repeat, back, with shares);
    /// <c>## Channel switches</c> (stage, from, to, switches); <c>## Sentiment per touchpoint</c> (events, rated
    /// events, mean, positive, neutral, negative); <c>## NPS</c> (score, answers, promoters, passives, detractors with
    /// shares). A section with nothing to show says so in a sentence.
    /// </para>
    /// <para>
    /// Percentages have at most one decimal; "–" stands for a figure that does not exist (a share of zero journeys, the
    /// mean of no rating). Every name is escaped for inline Markdown and table cells: line breaks become spaces and
    /// <c>\ ` * _ [ ] &lt; &gt; | ~ &amp; # $</c> get a backslash, so no name can break a table or inject HTML.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="stats"/> is null.</exception>
    public static void WriteMarkdown(TextWriter writer, JourneyStatistics stats, StatisticsRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(stats);
        MarkdownStatisticsWriter.Write(writer, stats, options ?? s_defaultOptions);
    }

    /// <summary>Renders the directly-follows graph as Graphviz DOT, to draw the process map of a log with <c>dot</c>.</summary>
    /// <param name="stats">The statistics.</param>
    /// <param name="options">How durations read; null for the defaults.</param>
    /// <returns>The DOT source; see <see cref="WriteDot"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stats"/> is null.</exception>
    public static string ToDot(JourneyStatistics stats, StatisticsRenderOptions? options = null)
    {
        Guard.NotNull(stats);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteDot(writer, stats, options);
        return writer.ToString();
    }

    /// <summary>Writes the directly-follows graph as Graphviz DOT, to draw the process map of a log with <c>dot</c>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="stats">The statistics.</param>
    /// <param name="options">How durations read; null for the defaults. Every edge is drawn, whatever <see cref="StatisticsRenderOptions.TopTransitions"/> says.</param>
    /// <remarks>
    /// <para>
    /// A <c>digraph</c> laid out left to right: a <c>"start"</c> node (START) and an <c>"end"</c> node (END); a node
    /// per activity, with ids <c>"a0"</c>, <c>"a1"</c>… in ordinal order of activity names and the label "name, line
    /// break, events"; an edge from START to each start activity and from each end activity to END labelled with its
    /// journeys; an edge per directly-follows edge, in (from, to) ordinal order, labelled with its moves and median
    /// time. Pen widths grow linearly with the count, from 1 to 6 for the most frequent edge of the graph.
    /// </para>
    /// <para>
    /// Every identifier and attribute value is double-quoted; in labels, <c>"</c> and <c>\</c> get a backslash, line
    /// breaks become DOT's <c>\n</c> and other control characters spaces, so no name can end a string, start an escape
    /// sequence or an HTML label.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="stats"/> is null.</exception>
    public static void WriteDot(TextWriter writer, JourneyStatistics stats, StatisticsRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(stats);
        DotStatisticsWriter.Write(writer, stats, options ?? s_defaultOptions);
    }

    /// <summary>Renders the top transitions as a Mermaid flowchart, for pages and tools that draw Mermaid.</summary>
    /// <param name="stats">The statistics.</param>
    /// <param name="options">How many transitions to draw; null for the defaults.</param>
    /// <returns>The diagram source; see <see cref="WriteMermaidFlowchart"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stats"/> is null.</exception>
    public static string ToMermaidFlowchart(JourneyStatistics stats, StatisticsRenderOptions? options = null)
    {
        Guard.NotNull(stats);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMermaidFlowchart(writer, stats, options);
        return writer.ToString();
    }

    /// <summary>Writes the top transitions as a Mermaid flowchart, for pages and tools that draw Mermaid.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="stats">The statistics.</param>
    /// <param name="options">How many transitions to draw; null for the defaults.</param>
    /// <remarks>
    /// <para>
    /// <c>flowchart LR</c>, then a node per activity met by the <see cref="StatisticsRenderOptions.TopTransitions"/>
    /// most frequent directly-follows edges, with ids <c>n0</c>, <c>n1</c>… in ordinal order of names
    /// (<c>n0["Web site@buy"]</c>), then those edges, most frequent first, ties by from then to ordinally, with their
    /// moves on the arrow (<c>n0 --&gt;|12| n1</c>). Statistics without any transition give the header alone.
    /// </para>
    /// <para>
    /// Labels are double-quoted and use Mermaid's entity codes for <c>" # ; | &lt; &gt; &amp; `</c> (<c>#quot;</c>,
    /// <c>#35;</c>…); line breaks and control characters become spaces.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="stats"/> is null.</exception>
    public static void WriteMermaidFlowchart(TextWriter writer, JourneyStatistics stats, StatisticsRenderOptions? options = null)
    {
        Guard.NotNull(writer);
        Guard.NotNull(stats);
        MermaidFlowchartWriter.Write(writer, stats, options ?? s_defaultOptions);
    }
}
