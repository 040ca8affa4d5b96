using System;
using System.IO;
using System.Text;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Cli;

/// <summary>
/// Every command, every way an input file can be bad: exit code 3, one message on stderr that names the file, nothing
/// on stdout, no stack trace.
/// </summary>
public sealed class BadInputTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cj-bad-input-").FullName;

    public BadInputTest()
    {
        File.WriteAllText(Path("ok.csv"), "customer_id,timestamp,stage,channel\nc1,2024-01-01T00:00:00Z,browse,web\n");
        JourneyMapJson.Save(JourneyMap.CreateBuilder("m").AddStage("browse", "Browse").AddChannel("web", "Web").AddTouchpoint("browse", "web").Build(), Path("ok.json"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Bad event files: what to create, and the name it has.</summary>
    public static TheoryData<string, string> EventFiles() => new()
    {
        { "malformed", "bad-row.csv" },
        { "missing", "missing.csv" },
        { "directory", "folder.csv" },
        { "not-gzip", "plain.csv.gz" },
        { "truncated-gzip", "cut.csv.gz" },
        { "empty", "empty.csv" },
        { "binary", "garbage.xes" },
        { "malformed-jsonl", "bad.jsonl" },
    };

    /// <summary>Bad map files.</summary>
    public static TheoryData<string, string> MapFiles() => new()
    {
        { "malformed-map", "bad-map.json" },
        { "invalid-map", "self-handoff.json" },
        { "missing", "missing.json" },
        { "directory", "folder.json" },
        { "empty", "empty.json" },
        { "binary", "garbage.json" },
    };

    [Theory]
    [MemberData(nameof(EventFiles))]
    public void Paths_BadEventFile_ExitsThreeNamingIt(string kind, string name)
    {
        if (kind is "malformed" or "truncated-gzip" or "malformed-jsonl")
        {
            // paths reads leniently by design: bad rows are counted in "rejected", the rest analyzed.
            var (code, stdout, stderr) = CliRunner.Run("paths", "--events", Create(kind, name));
            Assert.Equal((0, string.Empty), (code, stderr));
            Assert.Contains("\"rejected\"", stdout, StringComparison.Ordinal);
            Assert.Matches("\"malformed\": [1-9]|\"invalidTimestamp\": 1", stdout);
            return;
        }

        AssertBadInput(Create(kind, name), path => new[] { "paths", "--events", path });
    }

    [Theory]
    [MemberData(nameof(EventFiles))]
    public void Diagnose_BadEventFile_ExitsThreeNamingIt(string kind, string name) =>
        AssertBadInput(Create(kind, name), path => new[] { "diagnose", "--events", path, "--map", Path("ok.json") });

    [Theory]
    [MemberData(nameof(EventFiles))]
    public void Convert_BadEventFile_ExitsThreeNamingIt(string kind, string name)
    {
        AssertBadInput(Create(kind, name), path => new[] { "convert", "--events", path, "--out", Path("out.jsonl") });
        Assert.False(File.Exists(Path("out.jsonl")), "nothing is written when the input is bad");
    }

    [Theory]
    [MemberData(nameof(MapFiles))]
    public void MapValidate_BadMapFile_ExitsThreeNamingIt(string kind, string name) =>
        AssertBadInput(Create(kind, name), path => new[] { "map", "validate", path });

    [Theory]
    [MemberData(nameof(MapFiles))]
    public void MapShow_BadMapFile_ExitsThreeNamingIt(string kind, string name) =>
        AssertBadInput(Create(kind, name), path => new[] { "map", "show", path, "--format", "mermaid" });

    [Theory]
    [MemberData(nameof(MapFiles))]
    public void Diagnose_BadMapFile_ExitsThreeNamingIt(string kind, string name) =>
        AssertBadInput(Create(kind, name), path => new[] { "diagnose", "--events", Path("ok.csv"), "--map", path });

    [Theory]
    [MemberData(nameof(MapFiles))]
    public void Paths_BadMapFile_ExitsThreeNamingIt(string kind, string name) =>
        AssertBadInput(Create(kind, name), path => new[] { "paths", "--events", Path("ok.csv"), "--map", path });

    [Theory]
    [InlineData("paths")]
    [InlineData("diagnose")]
    [InlineData("convert")]
    [InlineData("map validate")]
    [InlineData("map show")]
    public void EveryCommand_InputLockedByAnotherWriter_ExitsThreeNamingIt(string command)
    {
        var isMap = command.StartsWith("map", StringComparison.Ordinal);
        var path = Path(isMap ? "locked.json" : "locked.csv");
        File.Copy(Path(isMap ? "ok.json" : "ok.csv"), path);
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            if (CanOpen(path))
            {
                Assert.Skip("this platform does not enforce FileShare.None between handles of one process");
            }

            AssertBadInput(path, p => command switch
            {
                "paths" => new[] { "paths", "--events", p },
                "diagnose" => new[] { "diagnose", "--events", p, "--map", Path("ok.json") },
                "convert" => new[] { "convert", "--events", p, "--out", Path("out.csv") },
                "map validate" => new[] { "map", "validate", p },
                _ => new[] { "map", "show", p },
            });
        }
    }

    [Fact]
    public void Paths_AnalysisTooLargeForTheLayout_ExitsThreeNamingTheFile()
    {
        // 1,500 new stage@channel pairs: the analysis would need 1,500^3 cells; refused, not an OverflowException.
        var text = new StringBuilder("customer_id,timestamp,stage,channel\n");
        for (var i = 0; i < 1500; i++)
        {
            text.Append("c,2024-01-01T00:00:00Z,s").Append(i).Append(",ch").Append(i).Append('\n');
        }

        File.WriteAllText(Path("diagonal.csv"), text.ToString());
        var err = AssertBadInput(Path("diagonal.csv"), p => new[] { "paths", "--events", p });
        Assert.Contains("too many to analyze", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ValueXmlCannotCarry_ExitsThreeAndLeavesNoHalfFile()
    {
        File.WriteAllText(Path("control.csv"), "customer_id,timestamp,stage,channel,note\nc1,2024-01-01T00:00:00Z,browse,web,a\u0001b\n");
        var (code, stdout, stderr) = CliRunner.Run("convert", "--events", Path("control.csv"), "--out", Path("control.xes"));
        Assert.Equal((3, string.Empty), (code, stdout));
        Assert.StartsWith("cj: " + Path("control.csv") + ": cannot be written as control.xes: ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("control.xes")));
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var again = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string AssertBadInput(string path, Func<string, string[]> args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args(path));
        Assert.Equal(3, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("cj: ", stderr, StringComparison.Ordinal);
        Assert.Contains(System.IO.Path.GetFileName(path), stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        return stderr;
    }

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private string Create(string kind, string name)
    {
        var path = Path(name);
        switch (kind)
        {
            case "malformed":
                File.WriteAllText(path, "customer_id,timestamp,stage,channel\nc1,2024-01-01T00:00:00Z,browse,web\nc2,yesterday,browse,web\n");
                break;
            case "missing":
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "not-gzip":
                File.WriteAllText(path, "customer_id,timestamp,stage,channel\n");
                break;
            case "truncated-gzip":
            {
                using var buffer = new MemoryStream();
                using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                {
                    var rows = new StringBuilder("customer_id,timestamp,stage,channel\n");
                    for (var i = 0; i < 5000; i++)
                    {
                        rows.Append("customer").Append(i).Append(",2024-01-01T00:00:00Z,browse,web\n");
                    }

                    var bytes = Encoding.UTF8.GetBytes(rows.ToString());
                    gzip.Write(bytes, 0, bytes.Length);
                }

                // Cut in the middle of the compressed data: the last record the decompressor gives is broken.
                File.WriteAllBytes(path, buffer.ToArray().AsSpan(0, (int)(buffer.Length / 2)).ToArray());
                break;
            }

            case "empty":
                File.WriteAllBytes(path, Array.Empty<byte>());
                break;
            case "binary":
            {
                var random = new Random(5);
                var bytes = new byte[700];
                random.NextBytes(bytes);
                bytes[0] = 0x89;
                File.WriteAllBytes(path, bytes);
                break;
            }

            case "malformed-jsonl":
                File.WriteAllText(path, "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"browse\",\"channel\":\"web\"}\n{\"customer_id\":\n");
                break;
            case "malformed-map":
                File.WriteAllText(path, "{\"stages\": [{\"id\": \"s\", \"name\": \"S\", \"order\": 1,");
                break;
            case "invalid-map":
                File.WriteAllText(path, """
                    {"stages": [{"id": "browse", "name": "Browse", "order": 1, "phase": "acquisition"}],
                     "channels": [{"id": "web", "name": "Web", "kind": "digital"}],
                     "handoffs": [{"from": "web", "to": "web"}]}
                    """);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return path;
    }
}
