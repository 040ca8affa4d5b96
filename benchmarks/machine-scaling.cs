#:property ImplicitUsings=enable

// How this machine scales from one thread to two, before reading any two-thread benchmark of this repository:
// a compute loop, and random reads over a small (cache-sized) and a large (memory-sized) array, each run on one thread
// and then on two threads with twice the work. A scaling near 2x means two threads do twice the work in the same time.
// Run from the repository root:
//   dotnet run -c Release benchmarks/machine-scaling.cs
// On the project's Intel VM (2026-12-03): compute 1.9x, random reads in 8 MB 1.9x, in 256 MB 0.7-1.0x. There, work
// bound by memory latency (the CSV read's string pool, the analysis's column and sketch look-ups, the variants' JSON)
// gains little from a second thread, and locality gains more than threads.
using System.Diagnostics;

Console.WriteLine($"{Environment.ProcessorCount} logical processors, .NET {Environment.Version}");
Measure("compute (multiply-xorshift)", n => Compute(1, n), n => Compute(2, n), 400_000_000);
foreach (var megabytes in new[] { 8, 256 })
{
    var next = Cycle(megabytes * 256 * 1024);
    Measure($"random reads in {megabytes} MB", n => Chase(next, 0, n), n => Chase(next, next.Length / 2, n), 20_000_000);
}

static void Measure(string what, Func<long, long> first, Func<long, long> second, long n)
{
    first(n / 100); // compiled and warm
    double best = 0;
    for (var run = 0; run < 3; run++)
    {
        var watch = Stopwatch.StartNew();
        var one = first(n);
        var t1 = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var results = new long[2];
        Parallel.Invoke(() => results[0] = first(n), () => results[1] = second(n));
        var t2 = watch.Elapsed.TotalMilliseconds;
        best = Math.Max(best, 2 * t1 / t2);
        GC.KeepAlive(unchecked(one + results[0] + results[1]));
    }

    Console.WriteLine($"{what}: best of 3, two threads do {best:F2}x the work of one in the same time");
}

static long Compute(ulong seed, long n)
{
    var h = seed;
    for (long i = 0; i < n; i++)
    {
        h = unchecked((h ^ (ulong)i) * 0x9E3779B97F4A7C15UL); // wraps by design (the repository builds checked)
        h ^= h >> 29;
    }

    return unchecked((long)h);
}

// One random cycle through every index, so that each read depends on the one before (latency, not bandwidth).
static int[] Cycle(int length)
{
    var order = Enumerable.Range(0, length).ToArray();
    new Random(1).Shuffle(order);
    var next = new int[length];
    for (var i = 0; i < length; i++)
    {
        next[order[i]] = order[(i + 1) % length];
    }

    return next;
}

static long Chase(int[] next, int start, long n)
{
    long sum = 0;
    var j = start;
    for (long i = 0; i < n; i++)
    {
        j = next[j];
        sum = unchecked(sum + j);
    }

    return sum;
}
