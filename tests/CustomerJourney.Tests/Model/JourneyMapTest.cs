using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerJourney.Tests.Model;

public class JourneyMapTest
{
    /// <summary>Three stages (two acquisition, one retention), web and store, click-and-collect at purchase only.</summary>
    private static JourneyMapBuilder Shop() =>
        JourneyMap.CreateBuilder("shop")
            .AddStage("search", "Information search", JourneyPhase.Acquisition, order: 10)
            .AddStage("purchase", "Purchase", JourneyPhase.Acquisition, order: 20)
            .AddStage("usage", "Usage", JourneyPhase.Retention, order: 30)
            .AddChannel("web", "Web site")
            .AddChannel("store", "Store", ChannelKind.Physical)
            .AddTouchpoint("search", "web")
            .AddTouchpoint("search", "store", offered: false, expected: true)
            .AddTouchpoint("purchase", "web", desiredExperience: 0.5)
            .AddTouchpoint("purchase", "store")
            .AddHandoff("web", "store", "purchase");

    private static JourneyMapException Rejects(JourneyMapBuilder builder) => Assert.Throws<JourneyMapException>(builder.Build);

    [Fact]
    public void Build_DuplicateStageId_NamesTheSecondStage()
    {
        var ex = Rejects(Shop().AddStage("search", "Again", order: 40));

        Assert.Equal("stages[3].id", ex.Element);
        Assert.StartsWith("stages[3].id: duplicate stage id 'search'", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.SourceName);
    }

    [Fact]
    public void Build_DuplicateOrder_NamesTheOrder()
    {
        var ex = Rejects(Shop().AddStage("loyalty", "Loyalty", JourneyPhase.Loyalty, order: 20));

        Assert.Equal("stages[3].order", ex.Element);
        Assert.Contains("order 20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'purchase'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DuplicateChannel_NamesTheChannel()
    {
        var ex = Rejects(Shop().AddChannel("web", "Web again"));

        Assert.Equal("channels[2].id", ex.Element);
        Assert.Contains("duplicate channel id 'web'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TouchpointOnUnknownStage_NamesItsStage()
    {
        var ex = Rejects(Shop().AddTouchpoint("zz", "web"));

        Assert.Equal("touchpoints[4].stage", ex.Element);
        Assert.Equal("touchpoints[4].stage: unknown stage 'zz'", ex.Message);
    }

    [Fact]
    public void Build_TouchpointOnUnknownChannel_NamesItsChannel()
    {
        var ex = Rejects(Shop().AddTouchpoint("usage", "phone"));

        Assert.Equal("touchpoints[4].channel", ex.Element);
        Assert.Contains("unknown channel 'phone'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phone", "web", null, "handoffs[1].from", "unknown channel 'phone'")]
    [InlineData("web", "phone", null, "handoffs[1].to", "unknown channel 'phone'")]
    [InlineData("web", "store", "zz", "handoffs[1].stage", "unknown stage 'zz'")]
    public void Build_HandoffWithUnknownReference_NamesTheReference(string from, string to, string? stage, string element, string reason)
    {
        var ex = Rejects(Shop().AddHandoff(from, to, stage));

        Assert.Equal(element, ex.Element);
        Assert.Equal(reason, ex.Reason);
        Assert.Contains(element, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SelfHandoff_NamesItsTarget()
    {
        var ex = Rejects(Shop().AddHandoff("web", "web"));

        Assert.Equal("handoffs[1].to", ex.Element);
        Assert.Contains("'web'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DuplicateTouchpoint_NamesTheSecondOne()
    {
        var ex = Rejects(Shop().AddTouchpoint("search", "web", offered: false));

        Assert.Equal("touchpoints[4]", ex.Element);
        Assert.Contains("duplicate touchpoint 'search@web' (first at touchpoints[0])", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownConversionStage_NamesConversionStage()
    {
        var ex = Rejects(Shop().WithConversionStage("zz"));

        Assert.Equal("conversionStage", ex.Element);
        Assert.Equal("conversionStage: unknown stage 'zz'", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Build_BlankStageName_NamesTheName(string blank)
    {
        var ex = Rejects(Shop().AddStage("loyalty", blank, JourneyPhase.Loyalty, order: 40));

        Assert.Equal("stages[3].name", ex.Element);
        Assert.StartsWith("stages[3].name: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void Build_NullChannelName_SaysItIsRequired()
    {
        var ex = Rejects(Shop().AddChannel("phone", null!));

        Assert.Equal("channels[2].name", ex.Element);
        Assert.Equal("is required", ex.Reason);
    }

    [Fact]
    public void Build_BlankMapName_NamesTheName()
    {
        var builder = Shop();
        builder.Name = " ";

        Assert.Equal("name", Rejects(builder).Element);
    }

    [Fact]
    public void Build_NoStage_NamesStages()
    {
        var ex = Rejects(JourneyMap.CreateBuilder().AddChannel("web", "Web"));

        Assert.Equal("stages", ex.Element);
        Assert.Contains("at least one stage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoChannel_NamesChannels()
    {
        var ex = Rejects(JourneyMap.CreateBuilder().AddStage("s", "S"));

        Assert.Equal("channels", ex.Element);
        Assert.Contains("at least one channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindTouchpoint_DeclaredPair_ReturnsIt()
    {
        var map = Shop().Build();

        var touchpoint = map.FindTouchpoint("purchase", "web");

        Assert.NotNull(touchpoint);
        Assert.Equal(0.5, touchpoint.DesiredExperience);
        Assert.True(touchpoint.IsOffered);
    }

    [Theory]
    [InlineData("usage", "web")]
    [InlineData("zz", "web")]
    [InlineData("search", "zz")]
    public void FindTouchpoint_UndeclaredPairOrUnknownId_ReturnsNull(string stage, string channel) =>
        Assert.Null(Shop().Build().FindTouchpoint(stage, channel));

    [Fact]
    public void GetOfferedChannels_SkipsNotOfferedTouchpoints()
    {
        var map = Shop().Build();

        Assert.Equal(new[] { "web" }, map.GetOfferedChannels("search").Select(c => c.Id));
        Assert.Equal(new[] { "web", "store" }, map.GetOfferedChannels("purchase").Select(c => c.Id));
        Assert.Empty(map.GetOfferedChannels("usage"));
        Assert.False(map.IsOffered("search", "store"));
    }

    [Fact]
    public void GetOfferedChannels_UnknownStage_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Shop().Build().GetOfferedChannels("zz"));

    [Fact]
    public void HasHandoff_StageLimitedHandoff_HoldsOnlyAtThatStage()
    {
        var map = Shop().Build();

        Assert.True(map.HasHandoff("web", "store", "purchase"));
        Assert.False(map.HasHandoff("web", "store", "search"));
        Assert.False(map.HasHandoff("web", "store"));
        Assert.False(map.HasHandoff("store", "web", "purchase"));
    }

    [Fact]
    public void HasHandoff_AnyStageHandoff_HoldsEverywhere()
    {
        var map = Shop().AddHandoff("store", "web").Build();

        Assert.True(map.HasHandoff("store", "web"));
        Assert.True(map.HasHandoff("store", "web", "usage"));
        Assert.False(map.HasHandoff("web", "store", "usage"));
    }

    [Fact]
    public void HasHandoff_SameChannel_IsTrivial()
    {
        var map = Shop().Build();

        Assert.True(map.HasHandoff("web", "web"));
        Assert.False(map.HasHandoff("web", "phone"));
    }

    [Fact]
    public void GetNextStage_FollowsOrderNotDeclaration()
    {
        var map = JourneyMap.CreateBuilder()
            .AddStage("c", "C", order: 3)
            .AddStage("a", "A", order: 1)
            .AddStage("b", "B", order: 2)
            .AddChannel("web", "Web")
            .Build();

        Assert.Equal("b", map.GetNextStage("a")?.Id);
        Assert.Equal("c", map.GetNextStage("b")?.Id);
        Assert.Null(map.GetNextStage("c"));
        Assert.Equal(new[] { "a", "b", "c" }, map.Stages.Select(s => s.Id));
    }

    [Fact]
    public void ConversionStage_ByDefault_IsTheLastAcquisitionStage()
    {
        var map = Shop().Build();

        Assert.Equal("purchase", map.ConversionStage.Id);
        Assert.Null(map.DeclaredConversionStageId);
    }

    [Fact]
    public void ConversionStage_WithoutAcquisitionStage_IsTheLastStage()
    {
        var map = JourneyMap.CreateBuilder()
            .AddStage("usage", "Usage", JourneyPhase.Retention)
            .AddStage("loyalty", "Loyalty", JourneyPhase.Loyalty)
            .AddChannel("web", "Web")
            .Build();

        Assert.Equal("loyalty", map.ConversionStage.Id);
    }

    [Fact]
    public void ConversionStage_Declared_WinsOverTheDefault()
    {
        var map = Shop().WithConversionStage("usage").Build();

        Assert.Equal("usage", map.ConversionStage.Id);
        Assert.Equal("usage", map.DeclaredConversionStageId);
    }

    [Fact]
    public void Equals_SameContentBuiltTwice_IsEqualWithEqualHash()
    {
        var a = Shop().Build();
        var b = Shop().Build();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Shop().AddPersona("p", "P").Build());
    }
}
