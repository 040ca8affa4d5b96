using CustomerJourney.Events;

namespace CustomerJourney.Benchmarks.Data;

/// <summary>
/// The analyzer benchmarks' baseline: one pass over the columns counting events per activity, per customer and
/// directly-follows pairs in input order, in arrays (no grouping, no sort, one thread). The least work over the same data.
/// </summary>
internal static class BareLoop
{
    public static long Count(EventLog log)
    {
        var n = log.Count;
        var customerColumn = log.Customer;
        var activityColumn = log.Activity;
        var activities = log.ActivityStage.Length;
        var perActivity = new long[activities];
        var pairs = new long[(activities + 1) * activities];
        var perCustomer = new int[log.CustomerCount];
        var last = new int[log.CustomerCount]; // previous activity + 1, 0 = none
        for (var i = 0; i < n; i++)
        {
            var c = customerColumn[i];
            var a = activityColumn[i];
            perActivity[a]++;
            perCustomer[c]++;
            pairs[(last[c] * activities) + a]++;
            last[c] = a + 1;
        }

        return perActivity[0] + pairs[activities] + perCustomer[0];
    }

    /// <summary>
    /// The least an exact path analysis must do: group events by customer (a stable counting sort), order each journey by
    /// time (stable insertion sort; journeys are short and nearly sorted), then count activities and directly-follows pairs
    /// in that order. No variants, durations, funnel or sentiment: what the analysis adds on top of this is its statistics.
    /// </summary>
    public static long GroupSortCount(EventLog log)
    {
        var n = log.Count;
        var customerColumn = log.Customer;
        var activityColumn = log.Activity;
        var ticks = log.UtcTicks;
        var customers = log.CustomerCount;
        var activities = log.ActivityStage.Length;
        var start = new int[customers + 1];
        for (var i = 0; i < n; i++)
        {
            start[customerColumn[i] + 1]++;
        }

        for (var c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }

        var next = new int[customers];
        System.Array.Copy(start, next, customers);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[next[customerColumn[i]]++] = i;
        }

        var perActivity = new long[activities];
        var pairs = new long[(activities + 1) * activities];
        for (var c = 0; c < customers; c++)
        {
            int from = start[c], to = start[c + 1];
            for (var k = from + 1; k < to; k++)
            {
                var e = order[k];
                var t = ticks[e];
                var j = k - 1;
                while (j >= from && ticks[order[j]] > t)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = e;
            }

            var last = 0;
            for (var k = from; k < to; k++)
            {
                var a = activityColumn[order[k]];
                perActivity[a]++;
                pairs[(last * activities) + a]++;
                last = a + 1;
            }
        }

        return perActivity[0] + pairs[activities];
    }
}
