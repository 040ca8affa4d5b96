using System;
using System.IO;
using System.Linq;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Cli;

public sealed class ConvertCommandTest : IDisposable
{
    private const string Csv = """"
        customer_id,timestamp,stage,channel,sentiment,status,note
        c1,2026-01-05T18:00:00+01:00,search,web,0.5,completed,"said ""great"""
        c1,2026-01-05T18:05:00+01:00,order,phone,-0.25,failed,
        c2,2026-01-06 09:00:00Z,search,web,,completed,=SUM(A1)
        """";

    private readonly string _dir = Directory.CreateTempSubdirectory("cj-convert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Convert_ThroughEveryFormat_KeepsEveryEvent()
    {
        var csv = Write("in.csv", Csv);
        var original = EventLogFiles.Load(csv, cancellationToken: TestContext.Current.CancellationToken).ToEvents().ToList();
        var path = csv;
        foreach (var next in new[] { "a.xes", "b.jsonl.gz", "c.jsonl", "d.csv.gz", "e.csv" })
        {
            var target = Path.Combine(_dir, next);
            var (code, _, error) = CliRunner.Run("convert", "--events", path, "--out", target);
            Assert.Equal(0, code);
            Assert.Contains("3 events of 2 customers", error, StringComparison.Ordinal);
            path = target;
        }

        Assert.Equal(original, EventLogFiles.Load(path, cancellationToken: TestContext.Current.CancellationToken).ToEvents().ToList());
    }

    [Fact]
    public void Convert_BadRow_ExitsThreeNamingFileLineAndField()
    {
        var csv = Write("bad.csv", "customer_id,timestamp,stage,channel,sentiment\nc1,2026-01-05T18:00:00Z,search,web,1.5\n");
        var (code, _, error) = CliRunner.Run("convert", "--events", csv, "--out", Path.Combine(_dir, "out.xes"));
        Assert.Equal(3, code);
        Assert.Contains("bad.csv", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("sentiment", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out.xes")));
    }

    [Theory]
    [InlineData("out.parquet")]
    [InlineData("out")]
    public void Convert_UnknownOutputExtension_ExitsTwo(string output)
    {
        var csv = Write("in.csv", Csv);
        var (code, _, error) = CliRunner.Run("convert", "--events", csv, "--out", Path.Combine(_dir, output));
        Assert.Equal(2, code);
        Assert.Contains(output, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WithoutOut_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("convert", "--events", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }
}
