using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerJourney.Tests.Analysis;

namespace CustomerJourney.Tests.Cli;

public sealed class PathsCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cj-paths-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(Pm4pyParityTest.Logs), MemberType = typeof(Pm4pyParityTest))]
    public void Paths_OnEveryReferenceLog_MatchesPm4py(string logName)
    {
        var (code, output, error) = CliRunner.Run("paths", "--events", TestData.EventLog(logName), "--duplicates", "keep");
        Assert.True(code == 0, error);
        using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.Reference, logName + ".json")));
        using var actual = JsonDocument.Parse(output);
        var r = reference.RootElement;
        var a = actual.RootElement;

        Assert.Equal(r.GetProperty("num_events").GetInt64(), a.GetProperty("events").GetInt64());
        Assert.Equal(r.GetProperty("num_cases").GetInt64(), a.GetProperty("journeys").GetInt64());
        Assert.Equal(Counts(r.GetProperty("activities")), Counts(a.GetProperty("activities")));
        Assert.Equal(Counts(r.GetProperty("start_activities")), Counts(a.GetProperty("startActivities")));
        Assert.Equal(Counts(r.GetProperty("end_activities")), Counts(a.GetProperty("endActivities")));
        Assert.Equal(
            r.GetProperty("dfg").EnumerateArray().Select(e => $"{e.GetProperty("source").GetString()}\u001f{e.GetProperty("target").GetString()}\u001f{e.GetProperty("count").GetInt64()}").Order(StringComparer.Ordinal),
            a.GetProperty("dfg").EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}\u001f{e.GetProperty("to").GetString()}\u001f{e.GetProperty("count").GetInt64()}").Order(StringComparer.Ordinal));
        Assert.Equal(
            r.GetProperty("variants").EnumerateArray().Select(Variant("activities")).Order(StringComparer.Ordinal),
            a.GetProperty("variants").EnumerateArray().Select(Variant("path")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paths_Top_KeepsTheMostFrequentVariantsAndCountsTheRest()
    {
        var (code, output, _) = CliRunner.Run("paths", "--events", TestData.EventLog("receipt.csv"), "--top", "3");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var variants = json.RootElement.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(3, variants.Count);
        var listed = variants.Sum(v => v.GetProperty("count").GetInt64());
        Assert.Equal(713, variants[0].GetProperty("count").GetInt64());
        Assert.True(json.RootElement.GetProperty("otherVariants").GetInt64() > 0);
        Assert.True(listed < json.RootElement.GetProperty("journeys").GetInt64());
    }

    [Fact]
    public void Paths_SameLogWithRowsShuffledAcrossCustomers_PrintsTheSameBytes()
    {
        var lines = File.ReadAllLines(TestData.EventLog("running-example.csv"));
        var header = lines[0];
        var rows = lines.Skip(1).ToList();

        // Interleave customers differently while keeping each customer's own rows in file order (ties keep input order).
        var reordered = rows.Select((row, i) => (row, i)).OrderBy(x => x.row.Split(',')[7].GetHashCode(StringComparison.Ordinal)).ThenBy(x => x.i).Select(x => x.row);
        var original = Path.Combine(_dir, "a.csv");
        var shuffled = Path.Combine(_dir, "b.csv");
        File.WriteAllLines(original, lines);
        File.WriteAllLines(shuffled, new[] { header }.Concat(reordered));

        var first = CliRunner.Run("paths", "--events", original);
        var second = CliRunner.Run("paths", "--events", shuffled);
        Assert.Equal(0, first.ExitCode);
        Assert.NotEqual(File.ReadAllText(original), File.ReadAllText(shuffled));
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Paths_LenientReading_CountsRejectedRows()
    {
        var csv = Path.Combine(_dir, "some-bad.csv");
        File.WriteAllText(csv, "customer_id,timestamp,stage,channel,nps\nc1,2026-01-05T18:00:00Z,a,web,9\nc1,not-a-time,b,web,\nc2,2026-01-05T18:00:00Z,a,web,11\n");
        var (code, output, _) = CliRunner.Run("paths", "--events", csv);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("events").GetInt64());
        var rejected = json.RootElement.GetProperty("rejected");
        Assert.Equal(2, rejected.EnumerateObject().Sum(p => p.Value.GetInt64()));
    }

    [Fact]
    public void Paths_Out_WritesTheFile()
    {
        var target = Path.Combine(_dir, "paths.json");
        var (code, output, _) = CliRunner.Run("paths", "--events", TestData.EventLog("running-example.xes"), "--out", target);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(target));
        Assert.Equal(42, json.RootElement.GetProperty("events").GetInt64());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public void Paths_StandardOutputAndOut_GetTheSameBytes(string format)
    {
        var target = Path.Combine(_dir, "paths." + format);
        var events = TestData.EventLog("running-example.xes");

        var (code, output, _) = CliRunner.Run("paths", "--events", events, "--format", format);
        var (fileCode, _, _) = CliRunner.Run("paths", "--events", events, "--format", format, "--out", target);

        Assert.Equal(0, code);
        Assert.Equal(0, fileCode);
        Assert.Equal(File.ReadAllText(target), output);
        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        Assert.False(output.EndsWith("\n\n", StringComparison.Ordinal), "one final line end");
    }

    [Fact]
    public void Output_TextWriterStream_DecodesCharactersSplitAcrossWrites()
    {
        const string text = "étape → 😀 fin";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        using var writer = new StringWriter();
        using (var stream = new CustomerJourney.Cli.Output.TextWriterStream(writer))
        {
            foreach (var b in bytes)
            {
                stream.Write([b], 0, 1);
            }
        }

        Assert.Equal(text, writer.ToString());
    }

    [Fact]
    public void Paths_Markdown_PrintsTheFunnelAndTopVariants()
    {
        var (code, output, _) = CliRunner.Run("paths", "--events", TestData.EventLog("running-example.xes"), "--format", "markdown", "--top", "2");
        Assert.Equal(0, code);
        Assert.Contains("register request", output, StringComparison.Ordinal);
        Assert.Contains("| Path | Journeys | Share |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timezone", "Mars/Olympus")]
    [InlineData("--duplicates", "sometimes")]
    [InlineData("--top", "0")]
    public void Paths_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("paths", "--events", "x.csv", option, value);
        Assert.Equal(2, code);
        Assert.NotEqual(string.Empty, error);
    }

    private static string[] Counts(JsonElement e) =>
        e.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetInt64()).Order(StringComparer.Ordinal).ToArray();

    private static Func<JsonElement, string> Variant(string pathName) =>
        v => string.Join("\u001f", v.GetProperty(pathName).EnumerateArray().Select(x => x.GetString())) + "=" + v.GetProperty("count").GetInt64();
}
