using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using SharpFuzz;

namespace CustomerJourney.Fuzz;

/// <summary>
/// The harness's command line: run a target under AFL or libFuzzer (SharpFuzz), replay a corpus, or mutate one in process.
/// </summary>
internal static class FuzzCommand
{
    private const int Failed = 1;
    private const int Usage = 2;

    private const string UsageText = """
        usage:
          CustomerJourney.Fuzz <target>                          run under libFuzzer (libfuzzer-dotnet) or afl-fuzz
          CustomerJourney.Fuzz replay <target> <file|dir>...     run every input once, no instrumentation needed
          CustomerJourney.Fuzz mutate <target> <dir> <seconds> [--seed N] [--crashes <dir>]
                                                                 blind in-process mutation of a corpus for a while
        targets: csv, jsonl, xes, map
        exit codes: 0 no failure, 1 an input failed, 2 bad usage
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(UsageText);
            return args.Length == 0 ? Usage : 0;
        }

        if (args[0] == "replay" && args.Length >= 3 && FuzzTargets.IsTarget(args[1]))
        {
            return Replay(args[1], args[2..], stdout, stderr);
        }

        if (args[0] == "mutate" && args.Length >= 4 && FuzzTargets.IsTarget(args[1]) && int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            var seed = Environment.TickCount;
            string? crashes = null;
            for (var i = 4; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--seed" when int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                        seed = s;
                        break;
                    case "--crashes":
                        crashes = args[i + 1];
                        break;
                    default:
                        stderr.WriteLine($"unknown option '{args[i]}'");
                        stderr.WriteLine(UsageText);
                        return Usage;
                }
            }

            return Mutate(args[1], args[2], seconds, seed, crashes ?? Path.Combine("fuzz", "findings", args[1]), stdout, stderr);
        }

        if (args.Length == 1 && FuzzTargets.IsTarget(args[0]))
        {
            return RunUnderFuzzer(args[0], stderr);
        }

        stderr.WriteLine(UsageText);
        return Usage;
    }

    /// <summary>
    /// Hands the target to SharpFuzz: <see cref="Fuzzer.LibFuzzer.Run"/> under libfuzzer-dotnet, <see cref="Fuzzer.OutOfProcess.Run(Action{Stream})"/>
    /// under afl-fuzz (a fresh child process per crash, so even a stack overflow is reported). Without either, there is
    /// no fuzzer to talk to: SharpFuzz's own fallback would read the target name as a file, so say what to run instead.
    /// </summary>
    private static int RunUnderFuzzer(string target, TextWriter stderr)
    {
        if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is not null)
        {
            Fuzzer.LibFuzzer.Run(span => FuzzTargets.Run(target, span.ToArray()));
            return 0;
        }

        if (Environment.GetEnvironmentVariable("__AFL_SHM_ID") is not null)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                FuzzTargets.Run(target, buffer.ToArray());
            });
            return 0;
        }

        stderr.WriteLine($"'{target}' runs under libFuzzer or afl-fuzz only (see fuzz/README.md); to run inputs once, use: replay {target} <file|dir>");
        return Usage;
    }

    private static int Replay(string target, string[] paths, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var inDir = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
                Array.Sort(inDir, StringComparer.Ordinal);
                files.AddRange(inDir);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                stderr.WriteLine($"{path}: no such file or directory");
                return Usage;
            }
        }

        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failures++;
                stderr.WriteLine($"FAIL {file}");
                stderr.WriteLine(ex);
            }
        }

        stdout.WriteLine($"replay {target}: {files.Count} inputs, {failures} failures");
        return failures == 0 ? 0 : Failed;
    }

    private static int Mutate(string target, string corpusDir, int seconds, int seed, string crashDir, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(corpusDir))
        {
            stderr.WriteLine($"{corpusDir}: no such directory");
            return Usage;
        }

        var corpus = new List<byte[]>();
        var names = Directory.GetFiles(corpusDir);
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            corpus.Add(File.ReadAllBytes(name));
        }

        if (corpus.Count == 0)
        {
            stderr.WriteLine($"{corpusDir}: no input to mutate");
            return Usage;
        }

        stdout.WriteLine($"mutate {target}: {corpus.Count} seeds from {corpusDir}, {seconds} s, seed {seed}");
        var random = new Random(seed);
        var mutator = new Mutator(target, seed);
        var clock = Stopwatch.StartNew();
        var watch = new Stopwatch();
        var unique = new Dictionary<string, string>(StringComparer.Ordinal);
        long executions = 0;
        long failures = 0;
        long slow = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var input = mutator.Mutate(corpus[random.Next(corpus.Count)], corpus[random.Next(corpus.Count)]);
            executions++;
            watch.Restart();
            Exception? failure = null;
            try
            {
                FuzzTargets.Run(target, input);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            watch.Stop();
            if (failure is null && watch.Elapsed.TotalSeconds > 2)
            {
                slow++;
                failure = new TimeoutException($"one input took {watch.Elapsed.TotalSeconds:F1} s");
            }

            if (failure is null)
            {
                continue;
            }

            failures++;
            var signature = Signature(failure);
            if (unique.ContainsKey(signature))
            {
                continue;
            }

            Directory.CreateDirectory(crashDir);
            var file = Path.Combine(crashDir, "crash-" + Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant() + FuzzTargets.ExtensionOf(target));
            File.WriteAllBytes(file, input);
            unique.Add(signature, file);
            stderr.WriteLine($"NEW FAILURE {file}");
            stderr.WriteLine(failure);
        }

        var rate = executions / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mutate {target}: {executions} inputs in {clock.Elapsed.TotalSeconds:F0} s ({rate:F0}/s), {failures} failures ({slow} slow), {unique.Count} unique"));
        foreach (var pair in unique)
        {
            stdout.WriteLine($"  {pair.Value}: {pair.Key}");
        }

        return unique.Count == 0 ? 0 : Failed;
    }

    /// <summary>The exception type and the frame it was thrown from: inputs with the same signature are one bug.</summary>
    private static string Signature(Exception ex)
    {
        var frame = new StackTrace(ex, fNeedFileInfo: false).GetFrame(0)?.GetMethod();
        var where = frame is null ? "?" : frame.DeclaringType?.Name + "." + frame.Name;
        var detail = ex is FuzzCheckException ? ": " + FirstWords(ex.Message) : string.Empty;
        return ex.GetType().Name + " at " + where + detail;
    }

    private static string FirstWords(string message)
    {
        var words = message.Split(' ', 6);
        return string.Join(' ', words, 0, Math.Min(words.Length, 5));
    }
}
