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
}
