using System;
using System.IO;
using System.Text;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Events;

/// <summary>Reading allocates the log's columns and its distinct strings, nothing per row: with a map too.</summary>
public sealed class ReadAllocationTest
{
    [Fact]
    public void CsvWithAMap_AllocatesNoMoreThanWithout()
    {
        const int Rows = 20_000;
        var csv = new StringBuilder("customer_id,timestamp,stage,channel\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append('c').Append(i % 50).Append(",2024-03-01T10:").Append((i / 60 % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .Append(':').Append((i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append("Z,")
                .Append(i % 3 == 0 ? "buy" : "pay").Append(',').Append(i % 2 == 0 ? "web" : "store").Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var map = JourneyMap.CreateBuilder("shop")
            .AddStage("buy", "Buy", order: 1).AddStage("pay", "Pay", order: 2)
            .AddChannel("web", "Web").AddChannel("store", "Store")
            .Build();

        var without = Allocated(bytes, new EventLogOptions());
        var with = Allocated(bytes, new EventLogOptions { Map = map });

        // The map's own caches are a few hundred bytes; a delegate or string per row would be over a megabyte here.
        Assert.True(with - without < 16 * 1024, $"{with - without:N0} bytes more with a map ({(with - without) / (double)Rows:F1} per row)");
    }

    private static long Allocated(byte[] csv, EventLogOptions options)
    {
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var log = EventLogReader.Read(new MemoryStream(csv), EventLogFormat.Csv, options, "in.csv", TestContext.Current.CancellationToken);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(20_000, log.Count);
        }

        return least;
    }
}
