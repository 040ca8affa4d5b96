using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Analysis;

/// <summary>
/// The grouping index a log keeps once analyzed (<see cref="GroupedEvents"/>): later analyses of the same log reuse it and
/// give the same statistics as a first one, a map that leaves events out never leaves its filtered index behind, and
/// analyzing the log again allocates nothing per event.
/// </summary>
public class GroupedEventsTest
{
    /// <summary>The test map without its last stage ("use"): its events are left out, so the index must be filtered.</summary>
    private static JourneyMap MapWithoutUse { get; } = JourneyMap.CreateBuilder("partial")
        .AddStage("aware", "aware", JourneyPhase.Acquisition, 1)
        .AddStage("info", "info", JourneyPhase.Acquisition, 2)
        .AddStage("buy", "buy", JourneyPhase.Acquisition, 3)
        .AddChannel("web", "web")
        .AddChannel("store", "store")
        .AddChannel("default", "default")
        .WithConversionStage("buy")
        .Build();

    [Property]
    public bool Analyze_AgainAfterAnyAnalysis_IsTheFirstAnalysisOfAFreshLog(int[] codes, bool twoThreads)
    {
        var events = TestLogs.Events(codes);
        var options = new AnalyzerOptions { MaxDegreeOfParallelism = twoThreads ? 2 : 1 };
        var log = TestLogs.Log(events);
        var partial = JourneyAnalyzer.Analyze(log, MapWithoutUse, options); // filtered index: must not be kept as the full one
        var first = JourneyAnalyzer.Analyze(log, TestLogs.Map, options);
        var again = JourneyAnalyzer.Analyze(log, TestLogs.Map, options);
        var inferred = JourneyAnalyzer.Analyze(log, map: null, options);
        return first.Equals(JourneyAnalyzer.Analyze(TestLogs.Log(events), TestLogs.Map, options))
            && again.Equals(first)
            && partial.Equals(JourneyAnalyzer.Analyze(log, MapWithoutUse, options))
            && partial.Equals(JourneyAnalyzer.Analyze(TestLogs.Log(events), MapWithoutUse, options))
            && inferred.Equals(JourneyAnalyzer.Analyze(TestLogs.Log(events), map: null, options));
    }

    [Fact]
    public void Analyze_WithAMapLackingSomeEvents_KeepsNoIndex()
    {
        var log = TestLogs.Log(TestLogs.Events(Enumerable.Range(0, 200).Select(i => i * 8).ToArray())); // stages cycle through "use"

        JourneyAnalyzer.Analyze(log, MapWithoutUse, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(log.GroupedByCustomer);

        JourneyAnalyzer.Analyze(log, TestLogs.Map, cancellationToken: TestContext.Current.CancellationToken);
        Assert.IsType<GroupedEvents>(log.GroupedByCustomer);
    }

    [Fact]
    public void Infer_KeepsTheIndex_ForTheAnalysisThatFollows()
    {
        var log = TestLogs.Log(TestLogs.Events(Enumerable.Range(0, 100).ToArray()));

        JourneyMapInference.Infer(log);
        var kept = log.GroupedByCustomer;
        JourneyAnalyzer.Analyze(log, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(kept);
        Assert.Same(kept, log.GroupedByCustomer);
    }

    [Fact]
    public void Of_FromManyThreadsAtOnce_GivesEveryoneTheSameIndex()
    {
        var log = TestLogs.Log(TestLogs.Events(Enumerable.Range(0, 5_000).Select(i => i * 7919).ToArray()));
        var seen = new GroupedEvents[16];

        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, i => seen[i] = GroupedEvents.Of(log, 1 + (i % 3)));

        Assert.All(seen, g => Assert.Same(log.GroupedByCustomer, g));
        Assert.Equal(log.CustomerCount + 1, seen[0].Start.Length);
        Assert.Equal(Enumerable.Range(0, log.Count), seen[0].Order.OrderBy(e => e));
    }

    [Fact]
    public void Analyze_Again_AllocatesNothingPerEvent()
    {
        // Two logs of the same four variants, one twice as long: what a second analysis of each allocates differs by the
        // per-event part, which must be nil (the index alone would be 4 bytes per event more for the longer log).
        var small = ForwardJourneys(20_000);
        var large = ForwardJourneys(40_000);
        var options = new AnalyzerOptions { MaxDegreeOfParallelism = 1 };

        var smallBytes = AllocatedByAnalyzingAgain(small, options);
        var largeBytes = AllocatedByAnalyzingAgain(large, options);

        var extraEvents = large.Count - small.Count;
        Assert.True(largeBytes - smallBytes < extraEvents / 8,
            $"{largeBytes - smallBytes} bytes more for {extraEvents} more events ({smallBytes} and {largeBytes} in all)");
    }

    private static long AllocatedByAnalyzingAgain(EventLog log, AnalyzerOptions options)
    {
        var first = JourneyAnalyzer.Analyze(log, TestLogs.Map, options);
        var allocated = long.MaxValue;
        // The smaller of two measurements: the per-thread counter now and then over-counts by a few kilobytes when a
        // collection (another test's, in a parallel run) lands inside the window (dotnet/runtime#63487).
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var again = JourneyAnalyzer.Analyze(log, TestLogs.Map, options);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(first, again);
        }

        return allocated;
    }

    /// <summary>Journeys of 1 to 4 events going forward on the web, customers interleaved: four variants however many journeys.</summary>
    private static EventLog ForwardJourneys(int journeys)
    {
        string[] stages = ["aware", "info", "buy", "use"];
        var events = new List<JourneyEvent>();
        for (var step = 0; step < stages.Length; step++)
        {
            for (var j = 0; j < journeys; j++)
            {
                if (step <= j % stages.Length)
                {
                    events.Add(new JourneyEvent("c" + j, TestLogs.T0.AddMinutes(step), stages[step], "web"));
                }
            }
        }

        return EventLog.FromEvents(events);
    }
}
