using System;
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

    /// <summary>
    /// Groups the events of a log by customer: <c>order[start[c]..start[c+1])</c> are the events of customer c, in input
    /// order. Events whose <paramref name="keep"/> entry (by activity) is negative are left out; null keeps all.
    /// </summary>
    public static void GroupByCustomer(EventLog log, int[]? keep, out int[] order, out int[] start)
    {
        var customers = log.CustomerNames.Length;
        start = new int[customers + 1];
        var customer = log.Customer;
        var activity = log.Activity;
        var n = log.Count;
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            if (keep is null || keep[activity[i]] >= 0)
            {
                start[customer[i] + 1]++;
                kept++;
            }
        }

        for (var c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }

        order = new int[kept];
        var next = new int[customers];
        Array.Copy(start, next, customers);
        for (var i = 0; i < n; i++)
        {
            if (keep is null || keep[activity[i]] >= 0)
            {
                order[next[customer[i]]++] = i;
            }
        }
    }

    /// <summary>
    /// Sorts <c>keys[0..length)</c> ascending with <c>items</c> alongside, stably. Already sorted: one scan. Nearly sorted or
    /// short: insertion sort. Otherwise a bottom-up merge sort through the scratch arrays (at least <paramref name="length"/> long).
    /// </summary>
    public static void StableSort(long[] keys, int[] items, int length, long[] scratchKeys, int[] scratchItems)
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

    /// <summary>Merges two sorted runs; on equal keys the left run goes first (stability).</summary>
    private static void Merge(long[] k, int[] v, int lo, int mid, int hi, long[] dk, int[] dv)
    {
        int i = lo, j = mid, o = lo;
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
