using System;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Events;
using static CustomerJourney.Tests.Robustness.Hostile;

namespace CustomerJourney.Tests.Robustness;

/// <summary>A small hostile log must not make the analysis run out of memory or overflow: it is refused, naming the file.</summary>
public class AnalysisLimitsTest
{
    private const string Header = "customer_id,timestamp,stage,channel\n";

    [Fact]
    public void ManyStagesOnManyChannels_AreRefusedNotOverflowed()
    {
        // 1,500 rows (60 KB) with a new stage and channel each: 1,500 × 1,500 × 1,500 switch cells overflowed an int.
        var rows = string.Concat(Enumerable.Range(0, 1500).Select(i => $"c{i % 3},2024-01-01T00:{i % 60:00}:00Z,s{i},ch{i}\n"));
        var log = Read(Header + rows, EventLogFormat.Csv, "diagonal.csv");
        var ex = Assert.Throws<EventLogException>(() => JourneyAnalyzer.Analyze(log, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Equal("channel", ex.Field);
        Assert.StartsWith("diagonal.csv: field 'channel': 1500 stages on 1500 channels are too many to analyze", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyStagesOnOneChannel_AreAnalyzed()
    {
        // A process-mining log with thousands of activities on the default channel stays well inside the limit.
        var rows = string.Concat(Enumerable.Range(0, 5000).Select(i => $"c{i % 50},2024-01-01T00:00:{i % 60:00}Z,s{i},web\n"));
        var statistics = JourneyAnalyzer.Analyze(Read(Header + rows, EventLogFormat.Csv, "wide.csv"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5000, statistics.Events);
    }

    [Fact]
    public void TwentyChannelsAndTenThousandStages_FitTheLimit()
    {
        // The documented bound: stages × channels × channels ≤ 2^22.
        var rows = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"c{i % 100},2024-01-01T00:00:00Z,s{i},ch{i % 20}\n"));
        var log = Read(Header + rows, EventLogFormat.Csv, "edge.csv");
        Assert.Equal(10_000, JourneyAnalyzer.Analyze(log, cancellationToken: TestContext.Current.CancellationToken).Events);
        var more = Read(Header + rows + "c0,2024-01-01T00:00:00Z,s0,ch20\n", EventLogFormat.Csv, "edge.csv", new EventLogOptions { MaxDistinctTouchpoints = 20_000 });
        Assert.Throws<EventLogException>(() => JourneyAnalyzer.Analyze(more, cancellationToken: TestContext.Current.CancellationToken));
    }
}
