using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerJourney.Json;

namespace CustomerJourney.Tests.Json;

public class JourneyMapJsonTest
{
    private const string Source = "map.json";

    /// <summary>The indented form of <see cref="Shop"/>, byte for byte: the format is a public contract.</summary>
    private const string ShopJson = """
        {
          "name": "Sushi & co",
          "stages": [
            {
              "id": "search",
              "name": "Recherche d'information",
              "order": 1,
              "phase": "acquisition"
            },
            {
              "id": "purchase",
              "name": "Achat",
              "order": 2,
              "phase": "acquisition"
            },
            {
              "id": "loyalty",
              "name": "Fidélisation",
              "order": 10,
              "phase": "loyalty"
            }
          ],
          "channels": [
            {
              "id": "web",
              "name": "Site \"web\"",
              "kind": "digital"
            },
            {
              "id": "store",
              "name": "Restaurant",
              "kind": "physical"
            }
          ],
          "touchpoints": [
            {
              "stage": "search",
              "channel": "web",
              "offered": true,
              "expected": true,
              "desiredExperience": 0.1
            },
            {
              "stage": "purchase",
              "channel": "store",
              "offered": false,
              "expected": true
            },
            {
              "stage": "loyalty",
              "channel": "web",
              "offered": true,
              "expected": false,
              "desiredExperience": -0.3333333333333333
            }
          ],
          "handoffs": [
            {
              "from": "web",
              "to": "store"
            },
            {
              "from": "store",
              "to": "web",
              "stage": "loyalty"
            }
          ],
          "personas": [
            {
              "id": "regular",
              "name": "Regular",
              "description": "Comes every week",
              "segment": "gold"
            },
            {
              "id": "tourist",
              "name": "Tourist"
            }
          ],
          "conversionStage": "purchase"
        }
        """;

    private static JourneyMap Shop() =>
        JourneyMap.CreateBuilder("Sushi & co")
            .AddStage("loyalty", "Fidélisation", JourneyPhase.Loyalty, order: 10)
            .AddStage("search", "Recherche d'information", order: 1)
            .AddStage("purchase", "Achat", order: 2)
            .AddChannel("web", "Site \"web\"")
            .AddChannel("store", "Restaurant", ChannelKind.Physical)
            .AddTouchpoint("search", "web", desiredExperience: 0.1)
            .AddTouchpoint("purchase", "store", offered: false)
            .AddTouchpoint("loyalty", "web", expected: false, desiredExperience: -1.0 / 3.0)
            .AddHandoff("web", "store")
            .AddHandoff("store", "web", "loyalty")
            .AddPersona("regular", "Regular", "Comes every week", "gold")
            .AddPersona("tourist", "Tourist")
            .WithConversionStage("purchase")
            .Build();

    /// <summary>A valid document to break one member at a time.</summary>
    private static string Doc(
        string stage = """{"id": "s", "name": "S", "order": 1, "phase": "acquisition"}""",
        string channel = """{"id": "c", "name": "C", "kind": "digital"}""",
        string touchpoint = """{"stage": "s", "channel": "c"}""",
        string rest = "") =>
        $$"""
        {
          "stages": [{{stage}}],
          "channels": [{{channel}}],
          "touchpoints": [{{touchpoint}}]{{rest}}
        }
        """;

    private static JourneyMapException Rejects(string json)
    {
        var ex = Assert.Throws<JourneyMapException>(() => JourneyMapJson.Parse(json, Source));
        Assert.Equal(Source, ex.SourceName);
        Assert.StartsWith($"{Source}: {ex.Element}: ", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Serialize_Example_WritesTheDocumentedFormat() =>
        Assert.Equal(ShopJson.Replace("\r\n", "\n", StringComparison.Ordinal), JourneyMapJson.Serialize(Shop()));

    [Fact]
    public void Parse_Example_ReadsTheEqualMap() =>
        Assert.Equal(Shop(), JourneyMapJson.Parse(ShopJson));

    [Fact]
    public void Serialize_NotIndented_IsOneLineThatReadsBack()
    {
        var json = JourneyMapJson.Serialize(Shop(), indented: false);

        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain(": ", json, StringComparison.Ordinal);
        Assert.Equal(Shop(), JourneyMapJson.Parse(json));
    }

    [Fact]
    public void Serialize_Indented_UsesLineFeedsOnly() =>
        Assert.DoesNotContain('\r', JourneyMapJson.Serialize(Shop()));

    [Fact]
    public void Write_WritesTheUtf8OfSerializeWithoutByteOrderMark()
    {
        using var stream = new MemoryStream();

        JourneyMapJson.Write(Shop(), stream);

        Assert.Equal(Encoding.UTF8.GetBytes(JourneyMapJson.Serialize(Shop())), stream.ToArray());
        Assert.Equal((byte)'{', stream.ToArray()[0]);
    }

    [Fact]
    public void Read_StreamWrittenByWrite_ReadsTheEqualMapAndLeavesTheStreamOpen()
    {
        using var stream = new MemoryStream();
        JourneyMapJson.Write(Shop(), stream, indented: false);
        stream.Position = 0;

        Assert.Equal(Shop(), JourneyMapJson.Read(stream));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void SaveThenLoad_ReadsTheEqualMap()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cj-{Guid.NewGuid():N}.json");
        try
        {
            JourneyMapJson.Save(Shop(), path);

            Assert.Equal(Shop(), JourneyMapJson.Load(path));
            Assert.Equal(JourneyMapJson.Serialize(Shop()), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_InvalidFile_NamesTheFileAndThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cj-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, Doc(touchpoint: """{"stage": "zz", "channel": "c"}"""));

            var ex = Assert.Throws<JourneyMapException>(() => JourneyMapJson.Load(path));

            Assert.Equal(path, ex.SourceName);
            Assert.Equal($"{path}: $.touchpoints[0].stage: unknown stage 'zz'", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => JourneyMapJson.Load(Path.Combine(Path.GetTempPath(), $"cj-{Guid.NewGuid():N}.json")));

    [Fact]
    public void Parse_OfferedAndExpectedAbsent_DefaultToTrue()
    {
        var touchpoint = JourneyMapJson.Parse(Doc()).Touchpoints.Single();

        Assert.True(touchpoint.IsOffered);
        Assert.True(touchpoint.IsExpected);
        Assert.Null(touchpoint.DesiredExperience);
    }

    [Fact]
    public void Parse_ArraysLeftOutOrNull_AreEmpty()
    {
        var map = JourneyMapJson.Parse(Doc(rest: """, "handoffs": null"""));

        Assert.Empty(map.Handoffs);
        Assert.Empty(map.Personas);
        Assert.Null(map.Name);
        Assert.Null(map.DeclaredConversionStageId);
    }

    [Fact]
    public void Parse_UnknownMembers_AreIgnored()
    {
        var json = Doc(
            stage: """{"id": "s", "name": "S", "order": 1, "phase": "acquisition", "colour": {"deep": [[1, 2], {"x": null}]}}""",
            rest: """, "version": 2, "extensions": {"owner": "marketing"}""");

        Assert.Equal(JourneyMapJson.Parse(Doc()), JourneyMapJson.Parse(json));
    }

    [Fact]
    public void Parse_MemberNamesAreCaseSensitive()
    {
        var ex = Rejects("""{"Stages": [{"id": "s", "name": "S", "order": 1, "phase": "acquisition"}], "channels": [{"id": "c", "name": "C", "kind": "digital"}]}""");

        Assert.Equal("$.stages", ex.Element);
    }

    [Fact]
    public void Parse_UnknownReference_NamesPathAndSource()
    {
        var ex = Rejects(Doc(touchpoint: """{"stage": "zz", "channel": "c"}"""));

        Assert.Equal("map.json: $.touchpoints[0].stage: unknown stage 'zz'", ex.Message);
        Assert.IsType<JourneyMapException>(ex.InnerException);
    }

    [Fact]
    public void Parse_WithoutSourceName_HasNoSourcePrefix()
    {
        var ex = Assert.Throws<JourneyMapException>(() => JourneyMapJson.Parse(Doc(rest: """, "conversionStage": "zz" """)));

        Assert.Null(ex.SourceName);
        Assert.Equal("$.conversionStage: unknown stage 'zz'", ex.Message);
    }

    [Theory]
    [InlineData("""{"id": "s", "name": "S", "order": "1", "phase": "acquisition"}""", "$.stages[0].order", "expected an integer")]
    [InlineData("""{"id": "s", "name": "S", "order": 1.5, "phase": "acquisition"}""", "$.stages[0].order", "expected an integer")]
    [InlineData("""{"id": "s", "name": "S", "order": 1e20, "phase": "acquisition"}""", "$.stages[0].order", "expected an integer")]
    [InlineData("""{"id": "s", "name": "S", "order": null, "phase": "acquisition"}""", "$.stages[0].order", "is required")]
    [InlineData("""{"id": "s", "name": "S", "phase": "acquisition"}""", "$.stages[0].order", "is required")]
    [InlineData("""{"name": "S", "order": 1, "phase": "acquisition"}""", "$.stages[0].id", "is required")]
    [InlineData("""{"id": null, "name": "S", "order": 1, "phase": "acquisition"}""", "$.stages[0].id", "is required")]
    [InlineData("""{"id": "s", "order": 1, "phase": "acquisition"}""", "$.stages[0].name", "is required")]
    [InlineData("""{"id": "s", "name": " ", "order": 1, "phase": "acquisition"}""", "$.stages[0].name", "must not be empty or white space")]
    [InlineData("""{"id": 7, "name": "S", "order": 1, "phase": "acquisition"}""", "$.stages[0].id", "expected a string")]
    [InlineData("""{"id": "s", "name": "S", "order": 1}""", "$.stages[0].phase", "is required")]
    [InlineData("""{"id": "s", "name": "S", "order": 1, "phase": "buying"}""", "$.stages[0].phase", "unknown phase 'buying' (expected acquisition, retention or loyalty)")]
    [InlineData("""{"id": "s", "name": "S", "order": 1, "phase": "Acquisition"}""", "$.stages[0].phase", "unknown phase 'Acquisition' (expected acquisition, retention or loyalty)")]
    [InlineData("""{"id": "s", "name": "S", "order": 1, "phase": 0}""", "$.stages[0].phase", "expected a string")]
    [InlineData("null", "$.stages[0]", "must be an object, not null")]
    [InlineData("[]", "$.stages[0]", "expected an object")]
    public void Parse_BadStage_NamesTheMember(string stage, string element, string reason)
    {
        var ex = Rejects(Doc(stage: stage));

        Assert.Equal(element, ex.Element);
        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "c", "name": "C", "kind": "virtual"}""", "$.channels[0].kind", "unknown channel kind 'virtual' (expected digital or physical)")]
    [InlineData("""{"id": "c", "name": "C"}""", "$.channels[0].kind", "is required")]
    [InlineData("""{"id": "c", "name": "C", "kind": true}""", "$.channels[0].kind", "expected a string")]
    public void Parse_BadChannel_NamesTheMember(string channel, string element, string reason)
    {
        var ex = Rejects(Doc(channel: channel));

        Assert.Equal(element, ex.Element);
        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"channel": "c"}""", "$.touchpoints[0].stage", "is required")]
    [InlineData("""{"stage": "s", "channel": "c", "offered": null}""", "$.touchpoints[0].offered", "expected true or false")]
    [InlineData("""{"stage": "s", "channel": "c", "expected": "yes"}""", "$.touchpoints[0].expected", "expected true or false")]
    [InlineData("""{"stage": "s", "channel": "c", "desiredExperience": 2}""", "$.touchpoints[0].desiredExperience", "the desired experience must be within [-1, 1]")]
    [InlineData("""{"stage": "s", "channel": "c", "desiredExperience": "NaN"}""", "$.touchpoints[0].desiredExperience", "expected a number")]
    public void Parse_BadTouchpoint_NamesTheMember(string touchpoint, string element, string reason)
    {
        var ex = Rejects(Doc(touchpoint: touchpoint));

        Assert.Equal(element, ex.Element);
        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""", "handoffs": [{"from": "c", "to": "c"}]""", "$.handoffs[0].to")]
    [InlineData(""", "handoffs": [{"to": "c"}]""", "$.handoffs[0].from")]
    [InlineData(""", "handoffs": {"from": "c"}""", "$.handoffs")]
    [InlineData(""", "personas": [{"id": "p"}]""", "$.personas[0].name")]
    [InlineData(""", "personas": [{"id": "p", "name": "P"}, {"id": "p", "name": "Q"}]""", "$.personas[1].id")]
    [InlineData(""", "name": ""   """, "$.name")]
    [InlineData(""", "name": 3""", "$.name")]
    [InlineData(""", "conversionStage": "zz" """, "$.conversionStage")]
    public void Parse_BadMember_NamesIt(string rest, string element) =>
        Assert.Equal(element, Rejects(Doc(rest: rest)).Element);

    [Theory]
    [InlineData("", "$")]
    [InlineData("   ", "$")]
    [InlineData("null", "$")]
    [InlineData("[]", "$")]
    [InlineData("\"map\"", "$")]
    [InlineData("{}", "$.stages")]
    [InlineData("{\"stages\": [", "$.stages[0]")]
    [InlineData("{\"stages\": [{\"id\": \"s\",}]}", "$.stages[0]")]
    [InlineData("{\"stages\": [{\"id\": \"s\" \"name\": \"S\"}]}", "$.stages[0]")]
    [InlineData("{\"stages\": [] // a comment\n}", "$")]
    [InlineData("{\"stages\": []} trailing", "$")]
    [InlineData("{\"stages\": []}{}", "$")]
    [InlineData("{\"stages\": {}}", "$.stages")]
    public void Parse_MalformedJson_NamesThePath(string json, string element) =>
        Assert.Equal(element, Rejects(json).Element);

    [Fact]
    public void Parse_MalformedJson_GivesLineAndByte()
    {
        var ex = Rejects("{\n  \"stages\": [\n    {\"order\": x}\n  ]\n}");

        Assert.Equal("$.stages[0].order", ex.Element);
        Assert.EndsWith("(line 3, byte 15)", ex.Reason, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public void Parse_DeepNesting_IsRejectedNotOverflowed()
    {
        var json = Doc(rest: ", \"extra\": " + new string('[', 10_000) + new string(']', 10_000));

        var ex = Rejects(json);

        Assert.StartsWith("$.extra", ex.Element, StringComparison.Ordinal);
        Assert.Contains("depth", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingWithinTheLimit_IsAccepted()
    {
        var json = Doc(rest: ", \"extra\": " + new string('[', 60) + new string(']', 60));

        Assert.Equal(JourneyMapJson.Parse(Doc()), JourneyMapJson.Parse(json));
    }

    [Fact]
    public void Read_InvalidUtf8_IsAMapError()
    {
        var bytes = Encoding.UTF8.GetBytes(Doc(channel: """{"id": "c", "name": "#", "kind": "digital"}"""));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;

        var ex = Assert.Throws<JourneyMapException>(() => JourneyMapJson.Read(new MemoryStream(bytes), "bytes"));

        Assert.Equal("bytes", ex.SourceName);
        Assert.StartsWith("$.channels[0]", ex.Element, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogate_IsAMapError() =>
        Assert.Equal("$", Rejects(Doc(channel: "{\"id\": \"c\", \"name\": \"\uD800\", \"kind\": \"digital\"}")).Element);

    [Fact]
    public void Arguments_Null_AreRejected()
    {
        Assert.Throws<ArgumentNullException>("json", () => JourneyMapJson.Parse(null!));
        Assert.Throws<ArgumentNullException>("utf8Json", () => JourneyMapJson.Read(null!));
        Assert.Throws<ArgumentNullException>("path", () => JourneyMapJson.Load(null!));
        Assert.Throws<ArgumentException>("path", () => JourneyMapJson.Load(string.Empty));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapJson.Write(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("utf8Json", () => JourneyMapJson.Write(Shop(), null!));
        Assert.Throws<ArgumentNullException>("map", () => JourneyMapJson.Save(null!, "x.json"));
        Assert.Throws<ArgumentNullException>("path", () => JourneyMapJson.Save(Shop(), null!));
    }

    [Fact]
    public void Serialize_NegativeZero_WritesTheSameBytesAsZero()
    {
        static JourneyMap With(double d) =>
            JourneyMap.CreateBuilder().AddStage("s", "S").AddChannel("c", "C").AddTouchpoint("s", "c", desiredExperience: d).Build();

        Assert.Equal(With(0.0), With(-0.0));
        Assert.Equal(JourneyMapJson.Serialize(With(0.0)), JourneyMapJson.Serialize(With(-0.0)));
    }
}
