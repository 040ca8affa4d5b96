using System;
using System.IO;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Cli;

public sealed class MapCommandsTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cj-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Validate_ValidMap_ExitsZeroAndSummarizes()
    {
        var path = Save(JourneyTemplates.SushiRestaurant);
        var (code, output, error) = CliRunner.Run("map", "validate", path);
        Assert.Equal(0, code);
        Assert.Contains("valid (7 stages", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Validate_InvalidMap_ExitsThreeNamingFileAndElement()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, """
            { "stages": [ { "id": "a", "name": "A", "order": 1, "phase": "acquisition" } ],
              "channels": [ { "id": "web", "name": "Web", "kind": "digital" } ],
              "touchpoints": [ { "stage": "zz", "channel": "web" } ] }
            """);
        var (code, output, error) = CliRunner.Run("map", "validate", path);
        Assert.Equal(3, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
        Assert.Contains("touchpoints[0].stage", error, StringComparison.Ordinal);
        Assert.Contains("unknown stage 'zz'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitsThree()
    {
        var (code, _, error) = CliRunner.Run("map", "validate", Path.Combine(_dir, "nope.json"));
        Assert.Equal(3, code);
        Assert.Contains("nope.json", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown", "| ")]
    [InlineData("mermaid", "journey")]
    [InlineData("text", "Stage")]
    public void Show_PrintsTheMapInTheFormat(string format, string expected)
    {
        var path = Save(JourneyTemplates.SushiRestaurant);
        var (code, output, _) = CliRunner.Run("map", "show", path, "--format", format);
        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Json_RoundTripsTheMap()
    {
        var path = Save(JourneyTemplates.Retail);
        var (code, output, _) = CliRunner.Run("map", "show", path, "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(JourneyTemplates.Retail, JourneyMapJson.Parse(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("map")]
    [InlineData("map show")]
    [InlineData("map show m.json --format pdf")]
    [InlineData("map show m.json --colour red")]
    [InlineData("map show m.json --format")]
    [InlineData("map validate a.json b.json")]
    public void BadUsage_ExitsTwoWithAMessage(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Help_ExitsZeroWithUsageOnStdout()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("cj map validate", output, StringComparison.Ordinal);
    }

    private string Save(JourneyMap map)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        JourneyMapJson.Save(map, path);
        return path;
    }
}
