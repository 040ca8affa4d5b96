using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Events;

/// <summary>What the reader alone determines, checked against pm4py's figures on public logs: events, cases, activities.</summary>
public class RealEventLogsTest
{
    public static TheoryData<string> ReferencedLogs()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[]
                 {
                     "running-example.csv", "running-example.xes", "roadtraffic100traces.csv", "roadtraffic100traces.xes", "receipt.csv",
                     "08_receipt.xes.gz", "reviewing.xes", "helpdesk.xes.gz", "02_teleclaims.xes.gz",
                 })
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void ReferencedLogs_CoverEveryReferenceFile()
    {
        var referenced = Directory.GetFiles(TestData.Reference, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(referenced, ReferencedLogs().Select(r => (string)r.Data).OrderBy(f => f, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReferencedLogs))]
    public void Load_MatchesPm4pyCounts(string file)
    {
        using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.Reference, file + ".json")));
        var root = reference.RootElement;
        var options = new EventLogOptions { ErrorMode = ErrorMode.Lenient, AssumedTimeZone = TimeZoneInfo.Utc };
        var log = EventLogFiles.Load(TestData.EventLog(file), options, TestContext.Current.CancellationToken);

        Assert.Equal(root.GetProperty("num_events").GetInt32(), log.Count);
        Assert.Equal(root.GetProperty("num_cases").GetInt32(), log.CustomerCount);
        var expected = root.GetProperty("activities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var actual = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < log.Count; i++)
        {
            var name = log.ActivityName(log.Activity[i], options.DefaultChannel);
            actual[name] = actual.TryGetValue(name, out var n) ? n + 1 : 1;
        }

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
