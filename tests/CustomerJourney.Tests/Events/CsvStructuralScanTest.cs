using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Events;

/// <summary>
/// The CSV reader scans plain records 64 bytes at a time and hands anything else to its byte loop. Both must read every
/// input alike: the same log, rejections, lines and first error, whatever mix of plain and awkward records it has and
/// wherever they fall against the 64-byte windows and the end of the buffer.
/// </summary>
public class CsvStructuralScanTest
{
    private const string Header = "customer_id,timestamp,stage,channel,sentiment,note";

    private static readonly string[] s_customers = { "c1", "c2", "c3", "\"c,4\"", "héloïse", " ", "" };
    private static readonly string[] s_times = { "2024-03-01T10:00:00Z", "2024-03-01 10:00:05+01:00", "2024-03-01T10:00:00", "soon" };
    private static readonly string[] s_stages = { "discover", "buy", "\"pay\"", "ünknown", "" };
    private static readonly string[] s_channels = { "web", "app", "\"call, centre\"", "" };
    private static readonly string[] s_sentiments = { "", "0.5", "-1", "2", "x" };

    /// <summary>Short notes and long ones (past 64 bytes, so that a record spans windows), plain or not.</summary>
    private static Gen<string> Note() =>
        Gen.OneOf(
            Gen.Elements("", "a note", "\"x\"\"y\"", "bad\"quote", "\"multi\nline\"", "caf\u00e9", "\"closed\"junk", "bad \u00ff byte"),
            from length in Gen.Choose(50, 200)
            from c in Gen.Elements('a', 'é', '"', ' ')
            select new string(Enumerable.Range(0, length).Select(i => i % 7 == 3 ? c : 'n').ToArray()));

    private static Gen<string> Row() =>
        from customer in Gen.Elements(s_customers)
        from time in Gen.Elements(s_times)
        from stage in Gen.Elements(s_stages)
        from channel in Gen.Elements(s_channels)
        from sentiment in Gen.Elements(s_sentiments)
        from note in Note()
        from shape in Gen.Choose(0, 14)
        select shape switch
        {
            0 => string.Empty, // a blank line
            1 => $"{customer},{time}", // too few fields
            2 => $"{customer},{time},{stage},{channel},{sentiment},{note},extra", // too many
            _ => string.Join(",", customer, time, stage, channel, sentiment, note),
        };

    private static Gen<string> Csv() =>
        from rows in Gen.ListOf(Row())
        from ends in Gen.ArrayOf(Gen.Elements("\n", "\n", "\r\n", "\r"), rows.Count)
        from finalNewline in Gen.Elements(false, true)
        select Header + "\n" + string.Concat(rows.Select((row, i) => i == rows.Count - 1 && !finalNewline ? row : row + ends[i]));

    /// <summary>Each 'ÿ' (C3 BF) becomes a lone 0xFF byte: invalid UTF-8 that both scans must notice.</summary>
    private static byte[] WithInvalidUtf8(byte[] utf8)
    {
        var bytes = new System.Collections.Generic.List<byte>(utf8.Length);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == 0xC3 && i + 1 < utf8.Length && utf8[i + 1] == 0xBF)
            {
                bytes.Add(0xFF);
                i++;
            }
            else
            {
                bytes.Add(utf8[i]);
            }
        }

        return bytes.ToArray();
    }

    private static string Read(byte[] csv, EventLogOptions options, bool structural) => LogDump.OfRead(() =>
        new CsvEventReader(new MemoryStream(csv), new EventLogBuilder(options, "in.csv"), TestContext.Current.CancellationToken) { StructuralScan = structural }.Read());

    [Property(MaxTest = 400)]
    public Property AnyCsv_ReadsAlikeWithAndWithoutTheStructuralScan() =>
        Prop.ForAll(
            (from text in Csv()
             from mode in Gen.Elements(ErrorMode.Lenient, ErrorMode.Strict)
             from maxField in Gen.Elements(6, 7, 60, 100_000)
             select (text, options: new EventLogOptions { ErrorMode = mode, MaxFieldLength = maxField, MaxExamplesPerReason = 5 })).ToArbitrary(),
            c =>
            {
                var csv = WithInvalidUtf8(Encoding.UTF8.GetBytes(c.text));
                var expected = Read(csv, c.options, structural: false);
                return (expected == Read(csv, c.options, structural: true)).Label(expected);
            });

    [Fact]
    public void PlainRecords_PastTheWindow_AreReadByTheStructuralScan()
    {
        // Many plain records: most of them scanned 64 bytes at a time, the last ones (within 64 bytes of the end) byte by byte.
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < 300; i++)
        {
            text.Append('c').Append(i % 11).Append(",2024-03-01T10:00:").Append((i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .Append("Z,buy,web,0.25,").Append(new string('n', i % 90)).Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var log = new CsvEventReader(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), new EventLogBuilder(null, "in.csv"), TestContext.Current.CancellationToken).Read();
        Assert.Equal(300, log.Count);
        Assert.Equal(11, log.CustomerNames.Length);
        Assert.Equal("c10", log.CustomerNames[10]);
        Assert.True(log.Sentiment!.Take(log.Count).All(s => s == 0.25f));
        Assert.Equal(new string('n', 89), log.AttributeValues[log.AttributeColumns[0]![89]]);
    }
}
