using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using CustomerJourney.Rendering;

namespace CustomerJourney.Tests.Rendering;

public sealed class StatisticsRendererTest
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// c1: look@web (+0.5) → buy@web after 200 s (+1, NPS 10); c2: look@web (-0.5) → buy@store after 2 d 4 h (NPS 6);
    /// c3: look@web (NPS 8); c4: look@web → buy@web after 400 s (0, NPS 9). Checked by hand: 7 events, 4 journeys; funnel
    /// look 4/4, buy 3/4; DFG look@web → buy@web ×2 (median 200 s: the sketch's median of two is their minimum), look@web →
    /// buy@store ×1 (187,200 s); 3 forward moves; one switch web → store at buy; sentiment look@web 2 rated, mean 0,
    /// +1 =0 −1; buy@web 2 rated, mean +0.5, +1 =1 −0; NPS by journey 10, 6, 8, 9 → promoters 2, passives 1, detractors
    /// 1, score +25.
    /// </summary>
    private const string TinyMarkdown =
        "# Journey paths\n" +
        "\n" +
        "- Events: 7\n" +
        "- Journeys: 4\n" +
        "- Rejected: 0\n" +
        "- Median time between events: 6 min 40 s\n" +
        "- Converted (reached buy): 3, median time to convert: 6 min 40 s\n" +
        "\n" +
        "## Funnel\n" +
        "\n" +
        "| Stage | Journeys | Conversion | Drop-off |\n" +
        "|---|---:|---:|---:|\n" +
        "| look | 4 | 100% | 0 |\n" +
        "| buy | 3 | 75% | 1 |\n" +
        "\n" +
        "## Top variants\n" +
        "\n" +
        "| Path | Journeys | Share |\n" +
        "|---|---:|---:|\n" +
        "| look@web → buy@web | 2 | 50% |\n" +
        "| look@web | 1 | 25% |\n" +
        "| look@web → buy@store | 1 | 25% |\n" +
        "\n" +
        "## Top transitions\n" +
        "\n" +
        "| From | To | Moves | Median time |\n" +
        "|---|---|---:|---:|\n" +
        "| look@web | buy@web | 2 | 3 min 20 s |\n" +
        "| look@web | buy@store | 1 | 2 d 4 h |\n" +
        "\n" +
        "## Transition kinds\n" +
        "\n" +
        "| Kind | Moves | Share |\n" +
        "|---|---:|---:|\n" +
        "| forward | 3 | 100% |\n" +
        "| skip | 0 | 0% |\n" +
        "| repeat | 0 | 0% |\n" +
        "| back | 0 | 0% |\n" +
        "\n" +
        "## Channel switches\n" +
        "\n" +
        "| Stage | From | To | Switches |\n" +
        "|---|---|---|---:|\n" +
        "| buy | web | store | 1 |\n" +
        "\n" +
        "## Sentiment per touchpoint\n" +
        "\n" +
        "| Touchpoint | Events | Rated | Mean | + | = | − |\n" +
        "|---|---:|---:|---:|---:|---:|---:|\n" +
        "| buy@store | 1 | 0 | – | 0 | 0 | 0 |\n" +
        "| buy@web | 2 | 2 | +0.5 | 1 | 1 | 0 |\n" +
        "| look@web | 4 | 2 | 0 | 1 | 0 | 1 |\n" +
        "\n" +
        "## NPS\n" +
        "\n" +
        "| NPS | Answers | Promoters | Passives | Detractors |\n" +
        "|---:|---:|---:|---:|---:|\n" +
        "| +25 | 4 | 2 (50%) | 1 (25%) | 1 (25%) |\n";

    private static JourneyMap Map { get; } = JourneyMap.CreateBuilder("Tiny")
        .AddStage("look", "Look", JourneyPhase.Acquisition, 1)
        .AddStage("buy", "Buy", JourneyPhase.Acquisition, 2)
        .AddChannel("web", "Web")
        .AddChannel("store", "Store", ChannelKind.Physical)
        .AddTouchpoint("look", "web", desiredExperience: 0.5)
        .AddTouchpoint("buy", "web", desiredExperience: 1.0)
        .AddTouchpoint("buy", "store", desiredExperience: -1.0)
        .WithConversionStage("buy")
        .Build();

    internal static JourneyStatistics Tiny() => Analyze(
        EventLog.FromEvents(new[]
        {
            new JourneyEvent("c1", T0, "look", "web", sentiment: 0.5),
            new JourneyEvent("c1", T0.AddSeconds(200), "buy", "web", sentiment: 1.0, nps: 10),
            new JourneyEvent("c2", T0, "look", "web", sentiment: -0.5),
            new JourneyEvent("c2", T0.AddSeconds(187_200), "buy", "store", nps: 6),
            new JourneyEvent("c3", T0, "look", "web", nps: 8),
            new JourneyEvent("c4", T0, "look", "web"),
            new JourneyEvent("c4", T0.AddSeconds(400), "buy", "web", sentiment: 0.0, nps: 9),
        }),
        Map,
        // A fine sketch makes the medians of three exact to the second; the default 1% could print 6 min 36 s.
        new AnalyzerOptions { SketchRelativeAccuracy = 1e-6 });

    /// <summary>Statistics whose only activity names are hostile: a quote, a backslash, a line break, Markdown and Mermaid syntax.</summary>
    private static JourneyStatistics Hostile(out string a, out string b)
    {
        a = "say \"hi\"\\n\nnext";
        b = "x|y; z#35;<b>`end`";
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("c1", T0, a, "default"),
            new JourneyEvent("c1", T0.AddMinutes(5), b, "default"),
        });
        return Analyze(log);
    }

    [Fact]
    public void ToMarkdown_TinyLog_IsTheExpectedReport()
    {
        Assert.Equal(TinyMarkdown, StatisticsRenderer.ToMarkdown(Tiny()));
    }

    [Fact]
    public void WriteMarkdown_WritesWhatToMarkdownReturns_WithNewlinesOnly()
    {
        using var writer = new StringWriter { NewLine = "\r\n" };
        StatisticsRenderer.WriteMarkdown(writer, Tiny());

        Assert.Equal(TinyMarkdown, writer.ToString());
        Assert.DoesNotContain("\r", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_TopOne_CountsTheOtherVariantsAndTransitions()
    {
        var markdown = StatisticsRenderer.ToMarkdown(Tiny(), new StatisticsRenderOptions { TopVariants = 1, TopTransitions = 1 });

        Assert.Contains("| look@web → buy@web | 2 | 50% |\n\nOther variants: 2 (2 journeys, 50%)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| look@web | buy@web | 2 | 3 min 20 s |\n\nOther transitions: 1 (1 move)\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("buy@store | 1 | 2 d 4 h", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_HostileNames_StayInsideTheirCells()
    {
        var markdown = StatisticsRenderer.ToMarkdown(Hostile(out _, out _));

        Assert.Contains("| say \"hi\"\\\\n next → x\\|y; z\\#35;\\<b\\>\\`end\\` | 1 | 100% |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| say \"hi\"\\\\n next | x\\|y; z\\#35;\\<b\\>\\`end\\` | 1 | 5 min |\n", markdown, StringComparison.Ordinal);

        // Every row of a table has as many unescaped pipes as its header: no name added or split a cell.
        var header = 0;
        foreach (var line in markdown.Split('\n'))
        {
            var pipes = Regex.Count(line, @"(?<!\\)\|");
            if (!line.StartsWith('|'))
            {
                header = 0;
            }
            else if (header == 0)
            {
                header = pipes;
            }
            else
            {
                Assert.True(pipes == header, line);
            }
        }
    }

    [Fact]
    public void ToMarkdown_EmptyLog_SaysThereIsNothing()
    {
        var markdown = StatisticsRenderer.ToMarkdown(Analyze(EventLog.FromEvents(Array.Empty<JourneyEvent>()), Map));

        Assert.Contains("- Events: 0\n- Journeys: 0\n- Rejected: 0\n- Median time between events: –\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| look | 0 | – | 0 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Top variants\n\nNo journey.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Channel switches\n\nNo channel switch.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## NPS\n\nNo NPS answer.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_RejectedEvents_AreCountedByReason()
    {
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("c1", T0, "look", "web"),
            new JourneyEvent("c1", T0.AddSeconds(1), "nowhere", "web"),
            new JourneyEvent("c1", T0.AddSeconds(2), "buy", "fax"),
            new JourneyEvent("c2", T0, "look", "fax"),
        });

        var markdown = StatisticsRenderer.ToMarkdown(Analyze(log, Map));

        Assert.Contains("- Rejected: 3 (unknown stage: 1, unknown channel: 2)\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDot_TinyLog_HasStartEndANodePerActivityAndAnEdgePerDfgEdge()
    {
        var dot = StatisticsRenderer.ToDot(Tiny());
        var lines = dot.Split('\n');

        Assert.Equal("digraph \"journey\" {", lines[0]);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal("}", lines[^2]);
        Assert.Contains("    \"start\" [label=\"START\", shape=\"circle\"];", lines);
        Assert.Contains("    \"end\" [label=\"END\", shape=\"doublecircle\"];", lines);
        // Activities get ids in ordinal order of their names: buy@store, buy@web, look@web.
        Assert.Contains("    \"a0\" [label=\"buy@store\\n1\"];", lines);
        Assert.Contains("    \"a1\" [label=\"buy@web\\n2\"];", lines);
        Assert.Contains("    \"a2\" [label=\"look@web\\n4\"];", lines);
        // The most frequent edge of the graph (START → look@web, 4 journeys) is 6 wide; others scale linearly.
        Assert.Contains("    \"start\" -> \"a2\" [label=\"4\", penwidth=\"6\"];", lines);
        Assert.Contains("    \"a2\" -> \"a0\" [label=\"1\\nmedian 2 d 4 h\", penwidth=\"2.25\"];", lines);
        Assert.Contains("    \"a2\" -> \"a1\" [label=\"2\\nmedian 3 min 20 s\", penwidth=\"3.5\"];", lines);
        Assert.Contains("    \"a0\" -> \"end\" [label=\"1\", penwidth=\"2.25\"];", lines);
        Assert.Contains("    \"a1\" -> \"end\" [label=\"2\", penwidth=\"3.5\"];", lines);
        Assert.Contains("    \"a2\" -> \"end\" [label=\"1\", penwidth=\"2.25\"];", lines);
        Assert.Equal(1 + 2 + 1, lines.Count(l => l.Contains("-> \"end\"", StringComparison.Ordinal) || l.StartsWith("    \"start\" ->", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, "^    \"a\\d+\" -> \"a\\d+\"")));
    }

    [Fact]
    public void ToDot_IsDeterministic_WhateverTheRowOrder()
    {
        var forward = StatisticsRenderer.ToDot(Tiny());
        var again = StatisticsRenderer.ToDot(Tiny());

        Assert.Equal(forward, again);
        Assert.Equal(forward, StatisticsRenderer.ToDot(JourneyStatistics.Merge(Tiny(), Analyze(EventLog.FromEvents(Array.Empty<JourneyEvent>()), Map, new AnalyzerOptions { SketchRelativeAccuracy = 1e-6 }))));
    }

    [Fact]
    public void ToDot_HostileName_IsQuotedAndEscaped()
    {
        var dot = StatisticsRenderer.ToDot(Hostile(out var a, out var b));

        // The backslash doubles, the quotes get a backslash, the line break becomes DOT's \n.
        Assert.Contains("[label=\"say \\\"hi\\\"\\\\n\\nnext\\n1\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("[label=\"x|y; z#35;<b>`end`\\n1\"];\n", dot, StringComparison.Ordinal);
        Assert.DoesNotContain(a, dot, StringComparison.Ordinal);
        Assert.All(dot.Split('\n').Where(l => l.Length > 0), l => Assert.True(BalancedQuotes(l), l));
    }

    [Fact]
    public void ToDot_ValidatedByGraphviz_WhenInstalled()
    {
        var dotTool = FindOnPath("dot");
        Assert.SkipWhen(dotTool is null, "Graphviz's dot is not installed (apt-get install graphviz).");

        foreach (var source in new[] { StatisticsRenderer.ToDot(Tiny()), StatisticsRenderer.ToDot(Hostile(out _, out _)) })
        {
            var output = RunDot(dotTool!, "-Tplain", source);

            // Plain output lists each node once: START, END and the activities.
            var nodes = output.Split('\n').Count(l => l.StartsWith("node ", StringComparison.Ordinal));
            Assert.Equal(2 + Regex.Count(source, "^    \"a\\d+\" \\[", RegexOptions.Multiline), nodes);
        }

        // Drawn, the hostile names read as written: the backslash-n stays two characters, the line break breaks the line.
        var svg = RunDot(dotTool!, "-Tsvg", StatisticsRenderer.ToDot(Hostile(out _, out _)));
        var texts = Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("say &quot;hi&quot;\\n", texts);
        Assert.Contains("next", texts);
        Assert.Contains("x|y; z#35;&lt;b&gt;`end`", texts);
    }

    private static string RunDot(string dotTool, string format, string source)
    {
        var start = new ProcessStartInfo(dotTool, format)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(source);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error.Result);
        Assert.Equal(string.Empty, error.Result);
        return output;
    }

    [Fact]
    public void ToMermaidFlowchart_TinyLog_DrawsTheTopTransitionsWithCounts()
    {
        Assert.Equal(
            "flowchart LR\n" +
            "    n0[\"buy@store\"]\n" +
            "    n1[\"buy@web\"]\n" +
            "    n2[\"look@web\"]\n" +
            "    n2 -->|2| n1\n" +
            "    n2 -->|1| n0\n",
            StatisticsRenderer.ToMermaidFlowchart(Tiny()));
    }

    [Fact]
    public void ToMermaidFlowchart_TopOne_DrawsOnlyTheNodesOfThatEdge()
    {
        Assert.Equal(
            "flowchart LR\n" +
            "    n0[\"buy@web\"]\n" +
            "    n1[\"look@web\"]\n" +
            "    n1 -->|2| n0\n",
            StatisticsRenderer.ToMermaidFlowchart(Tiny(), new StatisticsRenderOptions { TopTransitions = 1 }));
    }

    [Fact]
    public void ToMermaidFlowchart_HostileNames_UseEntityCodes()
    {
        var mermaid = StatisticsRenderer.ToMermaidFlowchart(Hostile(out _, out _));

        Assert.Equal(
            "flowchart LR\n" +
            "    n0[\"say #quot;hi#quot;\\n next\"]\n" +
            "    n1[\"x#124;y#59; z#35;35#59;#lt;b#gt;#96;end#96;\"]\n" +
            "    n0 -->|1| n1\n",
            mermaid);
    }

    [Fact]
    public void Renderers_ActivitiesNamedLikeKeywords_GetGeneratedIds()
    {
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("c1", T0, "end", "default"),
            new JourneyEvent("c1", T0.AddHours(1), "start", "default"),
        });
        var stats = Analyze(log);

        var dot = StatisticsRenderer.ToDot(stats);
        Assert.Contains("    \"a0\" [label=\"end\\n1\"];\n    \"a1\" [label=\"start\\n1\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("    \"start\" -> \"a0\" [label=\"1\", penwidth=\"6\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("    \"a0\" -> \"a1\" [label=\"1\\nmedian 1 h\", penwidth=\"6\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("    \"a1\" -> \"end\" [label=\"1\", penwidth=\"6\"];\n", dot, StringComparison.Ordinal);
        Assert.Equal("flowchart LR\n    n0[\"end\"]\n    n1[\"start\"]\n    n0 -->|1| n1\n", StatisticsRenderer.ToMermaidFlowchart(stats));
    }

    [Fact]
    public void ToMarkdown_Skips_SayHowManyStagesWereJumped()
    {
        var map = JourneyMap.CreateBuilder()
            .AddStage("a", "A", JourneyPhase.Acquisition, 1).AddStage("b", "B", JourneyPhase.Acquisition, 2)
            .AddStage("c", "C", JourneyPhase.Acquisition, 3).AddStage("d", "D", JourneyPhase.Acquisition, 4)
            .AddChannel("web", "Web")
            .AddTouchpoint("a", "web").AddTouchpoint("b", "web").AddTouchpoint("c", "web").AddTouchpoint("d", "web")
            .Build();
        var log = EventLog.FromEvents(new[]
        {
            new JourneyEvent("c1", T0, "a", "web"),
            new JourneyEvent("c1", T0.AddSeconds(1), "d", "web"),
            new JourneyEvent("c1", T0.AddSeconds(2), "b", "web"),
            new JourneyEvent("c1", T0.AddSeconds(3), "b", "web", sentiment: 0.1),
        });

        var markdown = StatisticsRenderer.ToMarkdown(Analyze(log, map));

        // a → d skips b and c; d → b goes back; b → b (a second later, so not a duplicate) repeats.
        Assert.Contains(
            "| forward | 0 | 0% |\n| skip | 1 | 33.3% |\n| repeat | 1 | 33.3% |\n| back | 1 | 33.3% |\n\nSkips jumped over 2 stages in all.\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaidFlowchart_NoTransition_IsTheHeaderAlone()
    {
        var stats = Analyze(EventLog.FromEvents(new[] { new JourneyEvent("c1", T0, "look", "web") }), Map);

        Assert.Equal("flowchart LR\n", StatisticsRenderer.ToMermaidFlowchart(stats));
    }

    [Fact]
    public void Methods_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => StatisticsRenderer.ToMarkdown(null!));
        Assert.Throws<ArgumentNullException>(() => StatisticsRenderer.ToDot(null!));
        Assert.Throws<ArgumentNullException>(() => StatisticsRenderer.ToMermaidFlowchart(null!));
        Assert.Throws<ArgumentNullException>(() => StatisticsRenderer.WriteMarkdown(null!, Tiny()));
        Assert.Throws<ArgumentNullException>(() => StatisticsRenderer.WriteDot(null!, Tiny()));
        Assert.Throws<ArgumentNullException>(() => StatisticsRenderer.WriteMermaidFlowchart(null!, Tiny()));
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        var options = new StatisticsRenderOptions();

        Assert.Equal(10, options.TopVariants);
        Assert.Equal(10, options.TopTransitions);
        Assert.Equal(2, options.DurationUnits);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TopVariants = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TopTransitions = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.DurationUnits = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.DurationUnits = 5);
    }

    private static bool BalancedQuotes(string line)
    {
        var open = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                open = !open;
            }
        }

        return !open;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var candidate in new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".exe") })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static JourneyStatistics Analyze(EventLog log, JourneyMap? map = null, AnalyzerOptions? options = null) =>
        JourneyAnalyzer.Analyze(log, map, options, TestContext.Current.CancellationToken);

}
