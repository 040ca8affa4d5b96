using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerJourney.Events;

namespace CustomerJourney.Analysis;

/// <summary>
/// The two orderings of the hot path: events grouped by customer with a counting sort (O(n), stable, so each journey keeps
/// input order), then each journey stably sorted by time, so that equal timestamps keep input order as pm4py does.
/// </summary>
internal static class JourneyOrdering
{
    /// <summary>Below this length, or with few descents, insertion sort beats merge sort.</summary>
    private const int InsertionSortLength = 32;
    private const int MaxDescentsForInsertion = 8;

    /// <summary>Below this many events per worker, one thread groups faster than several start.</summary>
    private const int MinEventsPerWorker = 1 << 16;

    /// <summary>How many threads a pass over <paramref name="events"/> events should use: at most <paramref name="parallelism"/>, each with enough events to be worth starting.</summary>
    public static int Workers(int parallelism, long events, int minEventsPerWorker = MinEventsPerWorker) =>
        (int)Math.Max(1, Math.Min(parallelism, events / minEventsPerWorker));

    /// <summary>
    /// Groups the events of a log by customer and orders each journey by time: <c>order[start[c]..start[c+1])</c> are the
    /// events of customer c, by time, equal timestamps in input order. Events whose <paramref name="keep"/> entry (by
    /// activity) is negative are left out; null keeps all. The result is the same whatever <paramref name="parallelism"/>.
    /// </summary>
    /// <remarks>
    /// A counting sort over chunks of the events: each worker counts its chunk's events per customer, a serial prefix sum
    /// gives each (chunk, customer) its place, and each worker scatters its chunk there, so every customer's events stay in
    /// input order; then workers sort disjoint ranges of journeys in place. Extra memory: 4 bytes per customer per worker.
    /// </remarks>
    /// <param name="log">The log.</param>
    /// <param name="keep">By activity: negative leaves its events out; null keeps all.</param>
    /// <param name="parallelism">How many threads may work.</param>
    /// <param name="order">The events, customer after customer.</param>
    /// <param name="start">Where each customer's events start in <paramref name="order"/>, and the end.</param>
    /// <param name="minEventsPerWorker">The fewest events worth a thread (tests lower it to split small logs).</param>
    public static void GroupByCustomer(EventLog log, int[]? keep, int parallelism, out int[] order, out int[] start, int minEventsPerWorker = MinEventsPerWorker)
    {
        var customers = log.CustomerNames.Length;
        var customer = log.Customer;
        var activity = log.Activity;
        var n = log.Count;
        var workers = Workers(parallelism, n, minEventsPerWorker);
        var next = new int[workers][];
        ForEachPart(workers, w =>
        {
            var count = new int[customers];
            for (long i = n * (long)w / workers, end = n * (long)(w + 1) / workers; i < end; i++)
            {
                if (keep is null || keep[activity[i]] >= 0)
                {
                    count[customer[i]]++;
                }
            }

            next[w] = count;
        });

        var bounds = new int[customers + 1];
        var kept = 0;
        for (var c = 0; c < customers; c++)
        {
            bounds[c] = kept;
            for (var w = 0; w < workers; w++)
            {
                var k = next[w][c];
                next[w][c] = kept;
                kept += k;
            }
        }

        bounds[customers] = kept;
        var grouped = new int[kept];
        ForEachPart(workers, w =>
        {
            var at = next[w];
            for (long i = n * (long)w / workers, end = n * (long)(w + 1) / workers; i < end; i++)
            {
                if (keep is null || keep[activity[i]] >= 0)
                {
                    grouped[at[customer[i]]++] = (int)i;
                }
            }
        });

        var ranges = Partition(bounds, customers, workers);
        ForEachPart(workers, w => SortJourneys(log.UtcTicks, grouped, bounds, ranges[w], ranges[w + 1]));
        order = grouped;
        start = bounds;
    }

    /// <summary>Splits customers into contiguous ranges of about equal event counts: range p is [bounds[p], bounds[p+1]).</summary>
    public static int[] Partition(int[] start, int customers, int parts)
    {
        var bounds = new int[parts + 1];
        bounds[parts] = customers;
        var total = (long)start[customers];
        var c = 0;
        for (var p = 1; p < parts; p++)
        {
            var target = total * p / parts;
            while (c < customers && start[c] < target)
            {
                c++;
            }

            bounds[p] = Math.Max(c, bounds[p - 1]);
        }

        return bounds;
    }

    /// <summary>Runs <paramref name="body"/> for each part, on the calling thread when there is one, and rethrows a worker's exception as itself.</summary>
    public static void ForEachPart(int parts, Action<int> body, CancellationToken cancellationToken = default)
    {
        if (parts == 1)
        {
            body(0);
            return;
        }

        try
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> for items 0 to <paramref name="items"/> - 1, spread over up to <paramref name="parallelism"/> threads.</summary>
    public static void ForEachItem(int items, int parallelism, Action<int> body)
    {
        var threads = Math.Max(1, Math.Min(parallelism, items));
        ForEachPart(threads, w =>
        {
            for (var i = w; i < items; i += threads)
            {
                body(i);
            }
        });
    }

    /// <summary>Stably sorts by time the journeys of customers [from, to) in place; most are already in order, which costs one scan.</summary>
    private static void SortJourneys(long[] ticks, int[] order, int[] start, int from, int to)
    {
        var keys = Array.Empty<long>();
        var items = Array.Empty<int>();
        var scratchKeys = Array.Empty<long>();
        var scratchItems = Array.Empty<int>();
        for (var c = from; c < to; c++)
        {
            var s = start[c];
            var length = start[c + 1] - s;
            var i = 1;
            while (i < length && ticks[order[s + i]] >= ticks[order[s + i - 1]])
            {
                i++;
            }

            if (i >= length)
            {
                continue;
            }

            if (keys.Length < length)
            {
                var size = Math.Max(length, keys.Length * 2);
                keys = new long[size];
                items = new int[size];
                scratchKeys = new long[size];
                scratchItems = new int[size];
            }

            for (var k = 0; k < length; k++)
            {
                items[k] = order[s + k];
                keys[k] = ticks[items[k]];
            }

            StableSort(keys, items, length, scratchKeys, scratchItems);
            Array.Copy(items, 0, order, s, length);
        }
    }

    /// <summary>
    /// Sorts <c>keys[0..length)</c> ascending with <c>items</c> alongside, stably. Already sorted: one scan. Nearly sorted or
    /// short: insertion sort. Otherwise a bottom-up merge sort through the scratch arrays (at least <paramref name="length"/> long).
    /// </summary>
    private static void StableSort(long[] keys, int[] items, int length, long[] scratchKeys, int[] scratchItems)
    {
        var descents = 0;
        for (var i = 1; i < length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                descents++;
            }
        }

        if (descents == 0)
        {
            return;
        }

        if (length <= InsertionSortLength || descents <= MaxDescentsForInsertion)
        {
            InsertionSort(keys, items, 0, length);
            return;
        }

        // Runs of InsertionSortLength sorted in place, then merged pairwise, ping-ponging between the buffers.
        for (var lo = 0; lo < length; lo += InsertionSortLength)
        {
            InsertionSort(keys, items, lo, Math.Min(lo + InsertionSortLength, length));
        }

        long[] srcK = keys, dstK = scratchKeys;
        int[] srcI = items, dstI = scratchItems;
        for (var width = InsertionSortLength; width < length; width *= 2)
        {
            for (var lo = 0; lo < length; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, length);
                var hi = Math.Min(lo + (2 * width), length);
                Merge(srcK, srcI, lo, mid, hi, dstK, dstI);
            }

            var k = srcK;
            srcK = dstK;
            dstK = k;
            var v = srcI;
            srcI = dstI;
            dstI = v;
        }

        if (!ReferenceEquals(srcK, keys))
        {
            Array.Copy(srcK, keys, length);
            Array.Copy(srcI, items, length);
        }
    }

    private static void InsertionSort(long[] keys, int[] items, int lo, int hi)
    {
        for (var i = lo + 1; i < hi; i++)
        {
            var k = keys[i];
            var v = items[i];
            var j = i - 1;
            while (j >= lo && keys[j] > k)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = k;
            items[j + 1] = v;
        }
    }

    /// <summary>
    /// Merges the sorted runs [lo, mid) and [mid, hi) of keys <paramref name="k"/> and values <paramref name="v"/> into
    /// <paramref name="dk"/> and <paramref name="dv"/> from index <c>lo - origin</c>; on equal keys the left run goes first (stability).
    /// </summary>
    internal static void Merge(long[] k, int[] v, int lo, int mid, int hi, long[] dk, int[] dv, int origin = 0)
    {
        int i = lo, j = mid, o = lo - origin;
        while (i < mid && j < hi)
        {
            if (k[j] < k[i])
            {
                dk[o] = k[j];
                dv[o++] = v[j++];
            }
            else
            {
                dk[o] = k[i];
                dv[o++] = v[i++];
            }
        }

        while (i < mid)
        {
            dk[o] = k[i];
            dv[o++] = v[i++];
        }

        while (j < hi)
        {
            dk[o] = k[j];
            dv[o++] = v[j++];
        }
    }
}
