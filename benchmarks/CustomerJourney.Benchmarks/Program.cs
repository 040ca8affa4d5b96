using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using BenchmarkDotNet.Running;
using CustomerJourney.Analysis;
using CustomerJourney.Benchmarks.Data;
using CustomerJourney.Events;
using CustomerJourney.Json;

// Jobs and filters come from the command line, e.g.:
//   dotnet run -c Release --project benchmarks/CustomerJourney.Benchmarks -- --filter '*Map*' --job short
// For a profiler (perf record with DOTNET_PerfMapEnabled=1) or a quick A/B, a plain loop without BenchmarkDotNet:
//   dotnet run -c Release --project benchmarks/CustomerJourney.Benchmarks -- --profile analyze|analyze-few|read|paths|write EVENTS ITERATIONS [THREADS]
// (analyze-few: the log of at most 18 variants of AnalyzerFewVariantsBenchmark.) It prints each iteration's time and allocation, and a SHA-256 of the full statistics JSON (to check a change keeps every result).
// The generated log as a CSV file, to time the cj tool end to end on it:
//   dotnet run -c Release --project benchmarks/CustomerJourney.Benchmarks -- --write-csv PATH EVENTS
if (args.Length == 3 && args[0] == "--write-csv")
{
    File.WriteAllBytes(args[1], GeneratedLog.Csv(GeneratedLog.Create(int.Parse(args[2], CultureInfo.InvariantCulture))));
    return;
}

if (args.Length >= 3 && args[0] == "--profile")
{
    Profile(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

static void Profile(string what, int events, int iterations, int threads)
{
    var fewVariants = what == "analyze-few";
    var log = GeneratedLog.Create(events, fewVariants);
    what = fewVariants ? "analyze" : what;
    var csv = what is "analyze" or "write" ? [] : GeneratedLog.Csv(log);
    // "write": the paths JSON of every variant, to a null stream, formatted on THREADS threads (the analysis made once).
    var written = what == "write" ? JourneyAnalyzer.Analyze(log, GeneratedLog.Map(), new AnalyzerOptions { MaxDegreeOfParallelism = threads }) : null;
    var map = what == "analyze" ? GeneratedLog.Map() : null;
    var options = new AnalyzerOptions { MaxDegreeOfParallelism = threads };
    var readOptions = new EventLogOptions { MaxDegreeOfParallelism = threads };
    Console.WriteLine($"// {log}; CSV bytes {csv.Length}; {threads} threads");
    for (var i = 0; i < iterations; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gen2 = GC.CollectionCount(2);
        var gcs = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        JourneyStatistics? stats = null;
        var readMs = 0.0;
        if (written is not null)
        {
            JourneyStatisticsJson.WritePathsJson(Stream.Null, written, null, threads);
        }
        else if (what == "read")
        {
            using var stream = new MemoryStream(csv, writable: false);
            log = EventLogReader.Read(stream, EventLogFormat.Csv, readOptions);
        }
        else
        {
            if (what == "paths")
            {
                using var stream = new MemoryStream(csv, writable: false);
                log = EventLogReader.Read(stream, EventLogFormat.Csv, readOptions);
                readMs = watch.Elapsed.TotalMilliseconds;
            }

            stats = JourneyAnalyzer.Analyze(log, map, options);
        }

        watch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // The log keeps the grouping index its first analysis makes: after #0, "analyze" measures analyzing it again.
        var again = what == "analyze" && i > 0 ? " (again)" : "";
        Console.WriteLine(FormattableString.Invariant($"{what} #{i}{again}: {watch.Elapsed.TotalMilliseconds:F1} ms ({cpu.TotalMilliseconds:F0} ms CPU, {GC.CollectionCount(0) - gcs} GCs, {GC.CollectionCount(2) - gen2} gen2, {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused), {bytes / (double)events:F1} B/event{(readMs > 0 ? $"; read {readMs:F0} ms" : "")}"));
        if (i == iterations - 1)
        {
            Console.WriteLine(written is not null ? "paths JSON SHA-256: " + PathsJsonHash(written, threads) : stats is null
                ? $"log: {log}; columns SHA-256: {ColumnsHash(log)}"
                : "statistics JSON SHA-256: " + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(JourneyStatisticsJson.Serialize(stats)))));
        }
    }
}

// The bytes the write mode times, so that a change to the writer can be checked to keep them.
static string PathsJsonHash(JourneyStatistics statistics, int threads)
{
    using var buffer = new MemoryStream();
    JourneyStatisticsJson.WritePathsJson(buffer, statistics, null, threads);
    return Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
}

static string ColumnsHash(EventLog log)
{
    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    for (var i = 0; i < log.Count; i++)
    {
        hash.AppendData(BitConverter.GetBytes(log.Customer[i]));
        hash.AppendData(BitConverter.GetBytes(log.Activity[i]));
        hash.AppendData(BitConverter.GetBytes(log.UtcTicks[i]));
        hash.AppendData(BitConverter.GetBytes(log.Sentiment is { } s ? s[i] : float.NaN));
    }

    foreach (var name in log.CustomerNames)
    {
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
    }

    return Convert.ToHexString(hash.GetHashAndReset());
}
