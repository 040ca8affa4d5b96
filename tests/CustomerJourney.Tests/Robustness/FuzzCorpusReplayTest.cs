using System;
using System.IO;
using System.Linq;
using CustomerJourney.Fuzz;

namespace CustomerJourney.Tests.Robustness;

/// <summary>
/// Replays every file of <c>fuzz/corpus/&lt;target&gt;/</c> through its fuzz target, without instrumentation: the seeds
/// (valid, edge and hostile inputs) and every input a fuzzing campaign found, so a fixed crash stays fixed.
/// </summary>
public class FuzzCorpusReplayTest
{
    private static readonly string s_corpus = Path.Combine(TestData.RepositoryRoot, "fuzz", "corpus");

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(s_corpus, target)).OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Replay_CorpusFile_LoadsOrFailsWithTheLibrarysOwnException(string target, string file) =>
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(s_corpus, target, file)));

    [Theory]
    [InlineData("csv", 25)]
    [InlineData("jsonl", 20)]
    [InlineData("xes", 20)]
    [InlineData("map", 25)]
    public void Corpus_EveryTarget_HasItsSeeds(string target, int atLeast) =>
        Assert.True(Directory.GetFiles(Path.Combine(s_corpus, target)).Length >= atLeast, $"fuzz/corpus/{target} has fewer than {atLeast} inputs");

    [Fact]
    public void Run_UnknownTarget_Throws() =>
        Assert.Throws<ArgumentException>(() => FuzzTargets.Run("yaml", Array.Empty<byte>()));
}
