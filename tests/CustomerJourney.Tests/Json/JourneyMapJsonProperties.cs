using System;
using System.IO;
using System.Linq;
using CustomerJourney.Json;
using CustomerJourney.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Json;

public class JourneyMapJsonProperties
{
    [Property(MaxTest = 100)]
    public Property Serialize_ThenParse_IsIdentity() =>
        Prop.ForAll(MapGenerators.ValidMapArbitrary(), map =>
            JourneyMapJson.Parse(JourneyMapJson.Serialize(map)).Equals(map)
            && JourneyMapJson.Parse(JourneyMapJson.Serialize(map, indented: false)).Equals(map));

    [Property(MaxTest = 100)]
    public Property Write_ThenRead_IsIdentity() =>
        Prop.ForAll(MapGenerators.ValidMapArbitrary(), map =>
        {
            using var stream = new MemoryStream();
            JourneyMapJson.Write(map, stream);
            stream.Position = 0;
            Assert.Equal(map, JourneyMapJson.Read(stream));
        });

    [Property(MaxTest = 100)]
    public Property Serialize_OfEqualMaps_GivesEqualText() =>
        Prop.ForAll(MapGenerators.ValidMapArbitrary(), map =>
        {
            var text = JourneyMapJson.Serialize(map);
            var again = JourneyMapJson.Parse(text);
            Assert.Equal(text, JourneyMapJson.Serialize(again));
            Assert.DoesNotContain('\r', text);
        });

    [Property(MaxTest = 100)]
    public Property ParseOfDraftJson_EqualsBuilderOfDraft() =>
        Prop.ForAll(MapGenerators.ValidDrafts.ToArbitrary(), draft =>
            JourneyMapJson.Parse(draft.ToJson()).Equals(draft.Build()));

    [Property(MaxTest = 100)]
    public Property Parse_ValidDraft_KeepsEveryTouchpointOnExistingStagesAndChannels() =>
        Prop.ForAll(MapGenerators.ValidDrafts.ToArbitrary(), draft =>
        {
            var map = JourneyMapJson.Parse(draft.ToJson());
            return map.Touchpoints.All(t => map.TryGetStage(t.StageId, out _) && map.TryGetChannel(t.ChannelId, out _))
                && map.Handoffs.All(h => map.TryGetChannel(h.FromChannelId, out _) && map.TryGetChannel(h.ToChannelId, out _) && h.FromChannelId != h.ToChannelId);
        });

    [Property(MaxTest = 100)]
    public Property Parse_DraftWithOneRuleBroken_IsRejectedNamingTheBrokenElementAndSource() =>
        Prop.ForAll(MapGenerators.BrokenMapArbitrary(), broken =>
        {
            var ex = Assert.Throws<JourneyMapException>(() => JourneyMapJson.Parse(broken.Draft.ToJson(), "generated.json"));
            Assert.Equal("$." + broken.ExpectedElement, ex.Element);
            Assert.Equal("generated.json", ex.SourceName);
            Assert.StartsWith($"generated.json: $.{broken.ExpectedElement}: ", ex.Message, StringComparison.Ordinal);
        });
}
