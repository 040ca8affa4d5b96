using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Analysis;

/// <summary>The grouping index: events by customer, each journey by time with ties in input order, however many threads make it.</summary>
public class JourneyOrderingTest
{
    [Property]
    public Property GroupByCustomer_OnAnyThreadsAndChunks_IsTheStableOrderByCustomerThenTime(int[] codes, int keepMask) =>
        Prop.ForAll(Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (threads, minChunk) =>
        {
            // Eight customers, five distinct minutes (many ties), and every journey ends with a late row, earlier than the rest.
            var events = TestLogs.Events(codes);
            events.AddRange(events.Select(e => e.CustomerId).Distinct().Select(c => new JourneyEvent(c, TestLogs.T0.AddHours(-1), "aware", "web")).ToList());
            var log = TestLogs.Log(events);
            var keep = Enumerable.Range(0, log.ActivityStage.Length).Select(a => ((keepMask >> (a % 31)) & 1) == 0 ? -1 : 0).ToArray();
            var expected = Enumerable.Range(0, log.Count)
                .Where(e => keep[log.Activity[e]] >= 0)
                .OrderBy(e => log.Customer[e]).ThenBy(e => log.UtcTicks[e]).ThenBy(e => e)
                .ToArray();
            var expectedStart = new int[log.CustomerCount + 1];
            foreach (var e in expected)
            {
                expectedStart[log.Customer[e] + 1]++;
            }

            for (var c = 0; c < log.CustomerCount; c++)
            {
                expectedStart[c + 1] += expectedStart[c];
            }

            JourneyOrdering.GroupByCustomer(log, keep, threads, out var order, out var start, minChunk);
            JourneyOrdering.GroupByCustomer(log, null, threads, out var all, out _, minChunk);

            return order.SequenceEqual(expected) && start.SequenceEqual(expectedStart)
                && all.Length == log.Count && all.OrderBy(e => e).SequenceEqual(Enumerable.Range(0, log.Count));
        });
}
