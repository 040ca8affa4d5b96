using System;
using System.Linq;
using CustomerJourney.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Model;

public class JourneyMapProperties
{
    [Property(MaxTest = 100)]
    public Property Build_ValidDraft_KeepsEveryTouchpointOnExistingStagesAndChannels() =>
        Prop.ForAll(MapGenerators.ValidMapArbitrary(), map =>
            map.Touchpoints.All(t => map.TryGetStage(t.StageId, out _) && map.TryGetChannel(t.ChannelId, out _))
            && map.Touchpoints.All(t => ReferenceEquals(map.FindTouchpoint(t.StageId, t.ChannelId), t)));

    [Property(MaxTest = 100)]
    public Property Build_ValidDraft_OrdersStagesByOrder() =>
        Prop.ForAll(MapGenerators.ValidMapArbitrary(), map =>
            map.Stages.Zip(map.Stages.Skip(1), (a, b) => a.Order < b.Order).All(ordered => ordered));

    [Property(MaxTest = 100)]
    public Property Build_DraftWithOneRuleBroken_IsRejectedNamingTheBrokenElement() =>
        Prop.ForAll(MapGenerators.BrokenMapArbitrary(), broken =>
        {
            var ex = Assert.Throws<JourneyMapException>(() => broken.Draft.Build());
            Assert.Equal(broken.ExpectedElement, ex.Element);
            Assert.StartsWith(broken.ExpectedElement + ": ", ex.Message, StringComparison.Ordinal);
        });
}
