using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Robustness;

/// <summary>
/// The hostile-input checklist (docs/robustness.md) for the map JSON reader: each refusal is a
/// <see cref="JourneyMapException"/> whose message names the file, the JSON path of the element and, for malformed
/// JSON, the line and byte.
/// </summary>
public class MapJsonHostileInputTest
{
    private const string File = "hostile-map.json";

    private const string Map = """
        {
          "stages": [
            {"id": "search", "name": "Search", "order": 1, "phase": "acquisition"},
            {"id": "buy", "name": "Buy", "order": 2, "phase": "acquisition"}
          ],
          "channels": [
            {"id": "web", "name": "Web", "kind": "digital"},
            {"id": "store", "name": "Store", "kind": "physical"}
          ],
          "touchpoints": [
            {"stage": "search", "channel": "web", "desiredExperience": 0.5},
            {"stage": "buy", "channel": "store"}
          ],
          "handoffs": [{"from": "web", "to": "store"}]
        }
        """;

    private static JourneyMap Read(byte[] bytes) => JourneyMapJson.Read(new MemoryStream(bytes), File);

    private static JourneyMap Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static JourneyMapException Refused(byte[] bytes, string element, string? lineAndByte = null)
    {
        var ex = Assert.Throws<JourneyMapException>(() => Read(bytes));
        Assert.Equal(File, ex.SourceName);
        Assert.Equal(element, ex.Element);
        Assert.StartsWith($"{File}: {element}: ", ex.Message, StringComparison.Ordinal);
        if (lineAndByte is not null)
        {
            Assert.EndsWith($"({lineAndByte})", ex.Message, StringComparison.Ordinal);
        }

        return ex;
    }

    private static JourneyMapException Refused(string text, string element, string? lineAndByte = null) =>
        Refused(Encoding.UTF8.GetBytes(text), element, lineAndByte);

    [Fact]
    public void Truncated_NamesThePathLineAndByteWhereTheJsonStops()
    {
        var text = Map.Substring(0, Map.IndexOf("\"kind\": \"physical\"", StringComparison.Ordinal));
        Refused(text, "$.channels[1]", "line 8, byte 38");
    }

    [Fact]
    public void UnterminatedString_NamesItsElement()
    {
        // The string runs on to the next quote; the JSON breaks just after, inside the same stage.
        var ex = Refused(Map.Replace("\"Search\"", "\"Search", StringComparison.Ordinal), "$.stages[0]");
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_NamesTheMemberAndTheByte()
    {
        var bytes = Encoding.UTF8.GetBytes(Map.Replace("\"Buy\"", "\"B#y\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3;
        var ex = Refused(bytes, "$.stages[1].name");
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryGarbage_IsRefusedAtTheRootWithLineAndByte()
    {
        var random = new Random(11);
        var bytes = Enumerable.Range(0, 512).Select(_ => (byte)random.Next(256)).ToArray();
        bytes[0] = 0x89;
        Refused(bytes, "$", "line 1, byte 1");
    }

    [Fact]
    public void EmptyFile_IsRefusedAtTheRoot() =>
        Refused(Array.Empty<byte>(), "$", "line 1, byte 1");

    [Fact]
    public void HugeDocument_OfManyElements_LoadsInLinearTime()
    {
        // 20,000 stages × 2 channels: validation must not be quadratic (a few seconds would mean it is).
        var stages = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":\"s{i}\",\"name\":\"S{i}\",\"order\":{i},\"phase\":\"acquisition\"}}"));
        var touchpoints = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"{{\"stage\":\"s{i}\",\"channel\":\"web\"}}"));
        var json = $"{{\"stages\":[{stages}],\"channels\":[{{\"id\":\"web\",\"name\":\"Web\",\"kind\":\"digital\"}},{{\"id\":\"app\",\"name\":\"App\",\"kind\":\"digital\"}}],\"touchpoints\":[{touchpoints}]}}";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var map = Read(json);
        Assert.Equal(20_000, map.Stages.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void DeepNesting_InAnUnknownMember_IsRefusedNotOverflowed()
    {
        var ex = Refused(Map.Replace("\"handoffs\"", "\"extra\": " + new string('[', 100_000) + new string(']', 100_000) + ",\n  \"handoffs\"", StringComparison.Ordinal), "$.extra");
        Assert.Contains("depth", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void NaNOrInfinityLiteral_IsNotJson(string literal)
    {
        var ex = Refused(Map.Replace("0.5", literal, StringComparison.Ordinal), "$.touchpoints[0].desiredExperience");
        Assert.Contains("line 11", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400", "$.touchpoints[0].desiredExperience")]
    [InlineData("\"Infinity\"", "$.touchpoints[0].desiredExperience")]
    [InlineData("2", "$.touchpoints[0].desiredExperience")]
    [InlineData("-1.000001", "$.touchpoints[0].desiredExperience")]
    public void NonFiniteOrOutOfRangeDesiredExperience_NamesTheMember(string value, string element) =>
        Refused(Map.Replace("0.5", value, StringComparison.Ordinal), element);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("1e20")]
    [InlineData("-2147483649")]
    public void OrderOutsideInt32_NamesTheMember(string order)
    {
        var ex = Refused(Map.Replace("\"order\": 2", "\"order\": " + order, StringComparison.Ordinal), "$.stages[1].order");
        Assert.Contains("expected an integer", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\": \"buy\", \"name\": \"Buy\"", "\"id\": \"search\", \"name\": \"Buy\"", "$.stages[1].id", "duplicate stage id 'search'")]
    [InlineData("\"id\": \"store\", \"name\": \"Store\"", "\"id\": \"web\", \"name\": \"Store\"", "$.channels[1].id", "duplicate channel id 'web'")]
    [InlineData("\"order\": 2", "\"order\": 1", "$.stages[1].order", "order 1 is already used by stage 'search'")]
    [InlineData("{\"stage\": \"buy\", \"channel\": \"store\"}", "{\"stage\": \"search\", \"channel\": \"web\"}", "$.touchpoints[1]", "duplicate touchpoint")]
    [InlineData("[{\"from\": \"web\", \"to\": \"store\"}]", "[{\"from\": \"web\", \"to\": \"store\"}, {\"from\": \"web\", \"to\": \"store\"}]", "$.handoffs[1]", "duplicate hand-off 'web -> store'")]
    public void DuplicateIds_NameTheSecondElement(string original, string duplicate, string element, string reason)
    {
        var ex = Refused(Map.Replace(original, duplicate, StringComparison.Ordinal), element);
        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"handoffs\": [{\"from\": \"web\", \"to\": \"store\"}]", "\"handoffs\": [],\n  \"handoffs\": [{\"from\": \"web\", \"to\": \"store\"}]", "$.handoffs")]
    [InlineData("{\"id\": \"buy\", \"name\": \"Buy\"", "{\"id\": \"buy\", \"name\": \"Buy\", \"id\": \"pay\"", "$.stages[1].id")]
    [InlineData("{\"stage\": \"buy\", \"channel\": \"store\"}", "{\"stage\": \"buy\", \"channel\": \"store\", \"x\": {\"y\": [0, {\"z\": 1, \"z\": 2}]}}", "$.touchpoints[1].x.y[1].z")]
    public void DuplicateMember_IsRefusedNamingIt_NotSilentlyReplaced(string original, string duplicate, string element)
    {
        // A second "handoffs" used to replace the first without a word: a bad merge of two map files lost hand-offs.
        var text = Map.Replace(original, duplicate, StringComparison.Ordinal);
        var ex = Refused(text, element);
        Assert.Contains("appears twice", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(element, Assert.Throws<JourneyMapException>(() => JourneyMapJson.Parse(text, File)).Element);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, "$")]
    [InlineData(new byte[] { 0xC3, 0x28 }, "$")]
    public void InvalidUtf8_InAnUnknownMemberName_IsRefused_FoundByAfl(byte[] bad, string element)
    {
        // Found by AFL on the map target (fuzz/corpus/map/found-invalid-utf8-member-name.json): the serializer skips an
        // unknown member without decoding its name, so the duplicate check was the first to decode it, and threw
        // InvalidOperationException. Before that check, such a name was accepted without a word.
        var head = Encoding.UTF8.GetBytes("{\"x");
        var tail = Encoding.UTF8.GetBytes("\": 1, " + Map.TrimStart().Remove(0, 1));
        var ex = Refused(head.Concat(bad).Concat(tail).ToArray(), element);
        Assert.Contains("not valid text", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoneSurrogateEscape_InAnUnknownMemberName_IsRefused() =>
        Refused("{\"\\udc00\": 1, " + Map.TrimStart().Remove(0, 1), "$", "line 1, byte 11");

    [Fact]
    public void SameMemberNameInSiblingObjects_IsNotADuplicate() =>
        Assert.Equal(2, Read(Map).Stages.Count);

    [Fact]
    public void SelfHandoff_IsRefusedNamingItsTarget()
    {
        // A hand-off from a channel to itself says nothing: staying in a channel needs no hand-off (HasHandoff is true for it).
        var ex = Refused(Map.Replace("\"to\": \"store\"", "\"to\": \"web\"", StringComparison.Ordinal), "$.handoffs[0].to");
        Assert.Contains("must lead to another channel, not back to 'web'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfHandoff_LimitedToAStage_IsRefusedToo() =>
        Refused(Map.Replace("{\"from\": \"web\", \"to\": \"store\"}", "{\"from\": \"store\", \"to\": \"store\", \"stage\": \"buy\"}", StringComparison.Ordinal), "$.handoffs[0].to");

    [Fact]
    public void HandoffCycle_IsAccepted_CustomersGoBackAndForth()
    {
        // web -> store -> web is two declared continuities, not a loop to resolve: each says a switch keeps the context.
        var map = Read(Map.Replace("[{\"from\": \"web\", \"to\": \"store\"}]", "[{\"from\": \"web\", \"to\": \"store\"}, {\"from\": \"store\", \"to\": \"web\"}]", StringComparison.Ordinal));
        Assert.Equal(2, map.Handoffs.Count);
        Assert.True(map.HasHandoff("web", "store", "buy"));
        Assert.True(map.HasHandoff("store", "web", "buy"));
    }

    [Fact]
    public void LoneSurrogateEscape_IsRefusedNamingTheMember()
    {
        var ex = Refused(Map.Replace("\"Search\"", "\"\\ud800\"", StringComparison.Ordinal), "$.stages[0].name");
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("// a comment\n", "$")]
    public void Comment_IsRefused(string prefix, string element) => Refused(prefix + Map, element, "line 1, byte 1");
}
