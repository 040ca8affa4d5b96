using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CustomerJourney.Rendering;

namespace CustomerJourney.Tests.Rendering;

public sealed class JourneyMapRendererTest
{
    private const string TinyMarkdown =
        "# Tiny\n" +
        "\n" +
        "| Stage | Phase | Web | Store |\n" +
        "|---|---|---|---|\n" +
        "| Look | acquisition | ✓ +0.5 | ✗ |\n" +
        "| Buy | acquisition | ✓ | ○ -0.25 |\n" +
        "| Use | retention |  |  |\n" +
        "\n" +
        "✓ offered · ✗ expected but not offered · ○ offered but not expected · numbers: desired experience, from -1 to +1\n" +
        "\n" +
        "## Hand-offs\n" +
        "\n" +
        "| From | To | Stage |\n" +
        "|---|---|---|\n" +
        "| Web | Store | Buy |\n" +
        "| Store | Web | every stage |\n" +
        "\n" +
        "**Conversion stage:** Buy\n";

    private const string TinyMermaid =
        "journey\n" +
        "    title Tiny\n" +
        "    section Look\n" +
        "        Web: 4: Web\n" +
        "    section Buy\n" +
        "        Web: 3: Web\n" +
        "        Store: 3: Store\n" +
        "    section Use\n";

    private const string TinyText =
        "Tiny\n" +
        "\n" +
        "Stage  Phase        Web     Store\n" +
        "-----  -----------  ------  -------\n" +
        "Look   acquisition  ✓ +0.5  ✗\n" +
        "Buy    acquisition  ✓       ○ -0.25\n" +
        "Use    retention\n" +
        "\n" +
        "✓ offered  ✗ expected but not offered  ○ offered but not expected  (numbers: desired experience, from -1 to +1)\n" +
        "\n" +
        "Hand-offs\n" +
        "  Web -> Store (at Buy)\n" +
        "  Store -> Web (every stage)\n" +
        "\n" +
        "Conversion stage: Buy\n";

    [Fact]
    public void ToMarkdown_TinyMap_IsTheExpectedDocument()
    {
        Assert.Equal(TinyMarkdown, JourneyMapRenderer.ToMarkdown(Tiny()));
    }

    [Fact]
    public void ToMarkdown_WithoutDesiredExperience_ShowsSymbolsOnly()
    {
        var markdown = JourneyMapRenderer.ToMarkdown(Tiny(), new JourneyMapRenderOptions { IncludeDesiredExperience = false });

        Assert.Contains("| Look | acquisition | ✓ | ✗ |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Buy | acquisition | ✓ | ○ |\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("+0.5", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("numbers:", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_NoHandoffNoName_SaysSoAndUsesADefaultTitle()
    {
        var map = JourneyMap.CreateBuilder().AddStage("a", "A").AddChannel("web", "Web").AddTouchpoint("a", "web").Build();

        var markdown = JourneyMapRenderer.ToMarkdown(map);

        Assert.StartsWith("# Journey map\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Hand-offs\n\nNo hand-off declared", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| From |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_Personas_AreListedInATable()
    {
        var map = JourneyMap.CreateBuilder("P")
            .AddStage("a", "A").AddChannel("web", "Web").AddTouchpoint("a", "web")
            .AddPersona("fam", "Family", "Dinner at *6*", "family")
            .Build();

        var markdown = JourneyMapRenderer.ToMarkdown(map);

        Assert.EndsWith("\n## Personas\n\n| Persona | Segment | Description |\n|---|---|---|\n| Family | family | Dinner at \\*6\\* |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_HostileNames_AreEscapedAndKeepTheTableShape()
    {
        var markdown = JourneyMapRenderer.ToMarkdown(Hostile());
        var tableRows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) || l.StartsWith("|-", StringComparison.Ordinal)).ToArray();

        Assert.Contains("a\\|b", markdown, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>alert(1)\\</script\\>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains("| line one line two |", markdown, StringComparison.Ordinal);
        Assert.Contains("\\`code\\`", markdown, StringComparison.Ordinal);
        Assert.Contains("| Web: site \\#1; best, really |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", markdown, StringComparison.Ordinal);

        // The stage × channel table: stage, phase and three channels, so 6 unescaped pipes on every row.
        var gridRows = tableRows.Take(2 + Hostile().Stages.Count);
        Assert.All(gridRows, row => Assert.Equal(6, UnescapedPipes(row)));
    }

    [Fact]
    public void ToMermaid_TinyMap_IsTheExpectedDiagram()
    {
        Assert.Equal(TinyMermaid, JourneyMapRenderer.ToMermaid(Tiny()));
    }

    [Fact]
    public void ToMermaid_HostileNames_LoseTheCharactersThatBreakTheSyntax()
    {
        var mermaid = JourneyMapRenderer.ToMermaid(Hostile());
        var lines = mermaid.TrimEnd('\n').Split('\n');

        Assert.Equal("journey", lines[0]);
        Assert.Equal("    title Evil script alert(1) /script", lines[1]);
        Assert.Contains("    section a|b\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    section line one line two\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("        Web site 1 best really: 3: Web site 1 best really\n", mermaid, StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Matches(new Regex(@"^    (title [^#;:%<>\n]+|section [^#;:%<>\n]+|    [^#;:,%<>\n]+: [1-5]: [^#;:,%<>\n]+)$"), line));
    }

    [Fact]
    public void ToMermaid_NameMadeOfForbiddenCharactersOnly_FallsBackToTheId()
    {
        var map = JourneyMap.CreateBuilder("::").AddStage("pay", "#;:").AddChannel("web", ":,:").AddTouchpoint("pay", "web").Build();

        Assert.Equal("journey\n    title Journey map\n    section pay\n        web: 3: web\n", JourneyMapRenderer.ToMermaid(map));
    }

    [Theory]
    [InlineData(-1.0, 1)]
    [InlineData(-0.75, 2)]
    [InlineData(-0.5, 2)]
    [InlineData(-0.2, 3)]
    [InlineData(0.0, 3)]
    [InlineData(0.25, 4)]
    [InlineData(0.5, 4)]
    [InlineData(0.7, 4)]
    [InlineData(0.75, 5)]
    [InlineData(1.0, 5)]
    [InlineData(null, 3)]
    public void ToMermaid_Score_MapsTheDesiredExperienceOntoOneToFive(double? desired, int score)
    {
        var map = JourneyMap.CreateBuilder("S").AddStage("a", "A").AddChannel("web", "Web").AddTouchpoint("a", "web", desiredExperience: desired).Build();

        var task = JourneyMapRenderer.ToMermaid(map).Split('\n')[3];

        Assert.Equal($"        Web: {score}: Web", task);
    }

    [Fact]
    public void ToMermaid_TouchpointsNotOffered_HaveNoTask()
    {
        var mermaid = JourneyMapRenderer.ToMermaid(JourneyTemplates.Retail);

        Assert.Equal(JourneyTemplates.Retail.Touchpoints.Count(t => t.IsOffered), Regex.Count(mermaid, @"^        .+: [1-5]: .+$", RegexOptions.Multiline));
        Assert.DoesNotContain("Forums", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_TinyMap_IsTheExpectedGrid()
    {
        Assert.Equal(TinyText, JourneyMapRenderer.ToText(Tiny()));
    }

    [Fact]
    public void ToText_LongNames_AreCutToTheMaximumColumnWidth()
    {
        var map = JourneyMap.CreateBuilder("Long")
            .AddStage("a", "A stage whose name goes on and on")
            .AddChannel("web", "A channel with a very long name")
            .AddTouchpoint("a", "web", desiredExperience: -0.25)
            .Build();

        var lines = JourneyMapRenderer.ToText(map, new JourneyMapRenderOptions { MaxTextColumnWidth = 10 }).Split('\n');

        Assert.Equal("Stage       Phase       A channel…", lines[2]);
        Assert.Equal("A stage w…  acquisiti…  ✓ -0.25", lines[4]);
    }

    [Fact]
    public void ToText_NamesWithLineBreaks_StayOnTheirRow()
    {
        var text = JourneyMapRenderer.ToText(Hostile());

        Assert.Contains("\nline one line two  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AllFormats_NoLineEndsWithASpace()
    {
        foreach (var output in AllOutputs(JourneyTemplates.Retail))
        {
            Assert.DoesNotContain(" \n", output, StringComparison.Ordinal);
            Assert.EndsWith("\n", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AllFormats_SameMap_GiveTheSameOutputWhateverTheCurrentCulture()
    {
        var before = AllOutputs(JourneyTemplates.SushiRestaurant);
        var culture = CultureInfo.CurrentCulture;
        string[] after;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            after = AllOutputs(JourneyTemplates.SushiRestaurant);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(before, after);
        Assert.Contains("+0.5", after[0], StringComparison.Ordinal);
        Assert.DoesNotContain("+0,5", after[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteOverloads_WriteWhatTheStringOverloadsReturn_WithLineFeedsWhateverTheWriterNewLine()
    {
        var map = JourneyTemplates.SalesFunnel;
        using var markdown = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using var mermaid = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

        JourneyMapRenderer.WriteMarkdown(markdown, map);
        JourneyMapRenderer.WriteMermaid(mermaid, map);
        JourneyMapRenderer.WriteText(text, map);

        Assert.Equal(JourneyMapRenderer.ToMarkdown(map), markdown.ToString());
        Assert.Equal(JourneyMapRenderer.ToMermaid(map), mermaid.ToString());
        Assert.Equal(JourneyMapRenderer.ToText(map), text.ToString());
        Assert.DoesNotContain("\r", markdown.ToString() + mermaid + text, StringComparison.Ordinal);
    }

    [Fact]
    public void NullArguments_ThrowBeforeWritingAnything()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Throws<ArgumentNullException>("map", () => JourneyMapRenderer.ToMarkdown(null!));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapRenderer.ToMermaid(null!));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapRenderer.ToText(null!));
        Assert.Throws<ArgumentNullException>("writer", () => JourneyMapRenderer.WriteMarkdown(null!, Tiny()));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapRenderer.WriteMermaid(writer, null!));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapRenderer.WriteText(writer, null!));
        Assert.Equal(string.Empty, writer.ToString());
    }

    private static string[] AllOutputs(JourneyMap map) =>
        new[] { JourneyMapRenderer.ToMarkdown(map), JourneyMapRenderer.ToMermaid(map), JourneyMapRenderer.ToText(map) };

    private static int UnescapedPipes(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Three stages, two channels; every kind of cell, both kinds of hand-off.</summary>
    private static JourneyMap Tiny() =>
        JourneyMap.CreateBuilder("Tiny")
            .AddStage("look", "Look")
            .AddStage("buy", "Buy")
            .AddStage("use", "Use", JourneyPhase.Retention)
            .AddChannel("web", "Web")
            .AddChannel("store", "Store", ChannelKind.Physical)
            .AddTouchpoint("look", "web", desiredExperience: 0.5)
            .AddTouchpoint("look", "store", offered: false, expected: true)
            .AddTouchpoint("buy", "web")
            .AddTouchpoint("buy", "store", offered: true, expected: false, desiredExperience: -0.25)
            .AddHandoff("web", "store", "buy")
            .AddHandoff("store", "web")
            .WithConversionStage("buy")
            .Build();

    /// <summary>Names that try to break every format.</summary>
    private static JourneyMap Hostile() =>
        JourneyMap.CreateBuilder("Evil <script>alert(1)</script>")
            .AddStage("pipe", "a|b")
            .AddStage("lines", "line one\r\nline two")
            .AddStage("code", "`code`\tand *stars*")
            .AddChannel("web", "Web: site #1; best, really")
            .AddChannel("xss", "<script>alert(1)</script>", ChannelKind.Physical)
            .AddChannel("pct", "%%{init}%%")
            .AddTouchpoint("pipe", "web")
            .AddTouchpoint("lines", "xss", desiredExperience: 1.0)
            .AddTouchpoint("code", "pct", offered: false, expected: true)
            .AddHandoff("web", "xss")
            .Build();
}
