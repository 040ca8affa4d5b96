using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using CustomerJourney.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Robustness;

/// <summary>
/// A cheap in-process fuzzer: valid inputs mutated at random (bytes flipped, inserted, deleted, spans duplicated or
/// truncated) must either load or fail with the library's own exception — never IndexOutOfRange, NullReference,
/// InvalidCast, overflow or a hang. Each property runs many cases; a failure prints the seed to replay.
/// </summary>
public class MutationFuzzTest
{
    private static readonly byte[] s_csv = Encoding.UTF8.GetBytes(
        "customer_id,timestamp,stage,channel,sentiment,rating,emotion,nps,status,segment,note\n" +
        "c1,2026-01-05T18:00:00+01:00,search,web,0.5,4,pleasure,9,completed,family,\"a, \"\"quoted\"\" note\"\n" +
        "c1,2026-01-05 18:05:00.1234567Z,order,phone,-0.25,2,annoyance,3,failed,,\n" +
        "c2,2026-01-06T09:00:00-05:00,search,web,,,,,abandoned,solo,é\n");

    private static readonly byte[] s_jsonl = Encoding.UTF8.GetBytes(
        "{\"customer_id\":\"c1\",\"timestamp\":\"2026-01-05T18:00:00+01:00\",\"stage\":\"search\",\"channel\":\"web\",\"sentiment\":0.5,\"nps\":9,\"note\":{\"x\":[1,2]}}\n" +
        "{\"customer_id\":\"c1\",\"timestamp\":\"2026-01-05T18:05:00Z\",\"stage\":\"order\",\"channel\":\"phone\",\"rating\":2,\"status\":\"failed\"}\n");

    private static readonly byte[] s_xes = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n" +
        "<trace><string key=\"concept:name\" value=\"c1\"/>\n" +
        "<event><string key=\"concept:name\" value=\"search@web\"/><date key=\"time:timestamp\" value=\"2026-01-05T18:00:00.000+01:00\"/><float key=\"sentiment\" value=\"0.5\"/></event>\n" +
        "<event><string key=\"concept:name\" value=\"order\"/><date key=\"time:timestamp\" value=\"2026-01-05T18:05:00.000+01:00\"/><int key=\"nps\" value=\"9\"/></event>\n" +
        "</trace>\n</log>\n");

    private static readonly byte[] s_map = Encoding.UTF8.GetBytes(JourneyMapJson.Serialize(JourneyTemplates.SushiRestaurant));

    [Property(MaxTest = 400)]
    public Property Csv_MutatedInput_LoadsOrFailsCleanly() => Fuzz(s_csv, b => Read(b, EventLogFormat.Csv));

    [Property(MaxTest = 400)]
    public Property Csv_MutatedInput_Lenient_LoadsOrFailsCleanly() => Fuzz(s_csv, b => Read(b, EventLogFormat.Csv, ErrorMode.Lenient));

    [Property(MaxTest = 400)]
    public Property JsonLines_MutatedInput_LoadsOrFailsCleanly() => Fuzz(s_jsonl, b => Read(b, EventLogFormat.JsonLines));

    [Property(MaxTest = 400)]
    public Property JsonLines_MutatedInput_Lenient_LoadsOrFailsCleanly() => Fuzz(s_jsonl, b => Read(b, EventLogFormat.JsonLines, ErrorMode.Lenient));

    [Property(MaxTest = 400)]
    public Property Xes_MutatedInput_LoadsOrFailsCleanly() => Fuzz(s_xes, b => Read(b, EventLogFormat.Xes));

    [Property(MaxTest = 400)]
    public Property Xes_MutatedInput_Lenient_LoadsOrFailsCleanly() => Fuzz(s_xes, b => Read(b, EventLogFormat.Xes, ErrorMode.Lenient));

    [Property(MaxTest = 400)]
    public Property MapJson_MutatedInput_LoadsOrFailsCleanly() => Fuzz(s_map, b =>
    {
        using var stream = new MemoryStream(b);
        JourneyMapJson.Read(stream, "fuzz.json");
    });

    private static void Read(byte[] bytes, EventLogFormat format, ErrorMode mode = ErrorMode.Strict)
    {
        using var stream = new MemoryStream(bytes);
        var log = EventLogFiles.Read(stream, format, new EventLogOptions { ErrorMode = mode }, "fuzz");
        _ = log.ToEvents().Count(); // every stored event must also be readable back
    }

    private static Property Fuzz(byte[] seed, Action<byte[]> read)
    {
        var mutations = Gen.ListOf(Gen.Choose(0, int.MaxValue).Two()).Select(l => l.Take(8).ToArray());
        return Prop.ForAll(mutations.ToArbitrary(), ops =>
        {
            var bytes = Mutate(seed, ops.Select(t => (t.Item1, t.Item2)).ToArray());
            try
            {
                read(bytes);
                return true.Label("loaded");
            }
            catch (EventLogException ex) when (ex.Message.Length > 0)
            {
                return true.Label("EventLogException");
            }
            catch (JourneyMapException ex) when (ex.Message.Length > 0)
            {
                return true.Label("JourneyMapException");
            }
            catch (Exception ex)
            {
                return false.Label($"{ex.GetType().Name}: {ex.Message} on input {Convert.ToBase64String(bytes)}");
            }
        });
    }

    private static byte[] Mutate(byte[] seed, (int Where, int What)[] ops)
    {
        var bytes = seed.ToList();
        foreach (var (where, what) in ops)
        {
            var at = bytes.Count == 0 ? 0 : where % bytes.Count;
            var value = (byte)(what & 0xFF);
            switch ((what >> 8) % 6)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value; // overwrite
                    break;
                case 1:
                    bytes.Insert(at, Interesting(value)); // insert a byte that matters to parsers
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 4 when bytes.Count > 0:
                    var length = Math.Min(bytes.Count - at, 1 + ((what >> 11) % 64));
                    bytes.InsertRange(at, bytes.GetRange(at, length)); // duplicate a span
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << ((what >> 16) & 7)); // flip a bit
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    private static byte Interesting(byte b) => (b % 12) switch
    {
        0 => (byte)'"',
        1 => (byte)',',
        2 => (byte)'\n',
        3 => (byte)'\r',
        4 => (byte)'<',
        5 => (byte)'{',
        6 => (byte)'@',
        7 => 0xC3,
        8 => 0xFF,
        9 => (byte)'-',
        10 => 0,
        _ => b,
    };
}
