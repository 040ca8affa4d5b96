using System;
using System.Linq;

namespace CustomerJourney.Tests.Model;

public sealed class JourneyTemplatesTest
{
    public static TheoryData<string> TemplateNames => new() { nameof(JourneyTemplates.Retail), nameof(JourneyTemplates.SushiRestaurant), nameof(JourneyTemplates.SalesFunnel) };

    [Fact]
    public void Retail_Stages_AreTheTenStagesOfTheRetailJourneyInOrder()
    {
        var ids = JourneyTemplates.Retail.Stages.Select(s => s.Id).ToArray();

        Assert.Equal(
            new[] { "awareness", "information", "comparison", "selection", "purchase", "delivery", "usage", "afterSales", "loyalty", "recommendation" },
            ids);
    }

    [Fact]
    public void Retail_Phases_AcquisitionUpToPurchaseThenRetentionThenLoyalty()
    {
        var phases = JourneyTemplates.Retail.Stages.Select(s => s.Phase).ToArray();

        Assert.Equal(
            new[]
            {
                JourneyPhase.Acquisition, JourneyPhase.Acquisition, JourneyPhase.Acquisition, JourneyPhase.Acquisition, JourneyPhase.Acquisition,
                JourneyPhase.Retention, JourneyPhase.Retention, JourneyPhase.Retention,
                JourneyPhase.Loyalty, JourneyPhase.Loyalty,
            },
            phases);
    }

    [Fact]
    public void Retail_ConversionStage_IsDeclaredPurchase()
    {
        Assert.Equal("purchase", JourneyTemplates.Retail.DeclaredConversionStageId);
        Assert.Equal("purchase", JourneyTemplates.Retail.ConversionStage.Id);
    }

    [Fact]
    public void Retail_Channels_AreTheRowsOfTheMapGridWithTheStorePhysical()
    {
        var map = JourneyTemplates.Retail;

        Assert.Equal(new[] { "web", "store", "social", "search", "forums", "mobile", "email" }, map.Channels.Select(c => c.Id).ToArray());
        Assert.Equal(new[] { "store" }, map.Channels.Where(c => c.Kind == ChannelKind.Physical).Select(c => c.Id).ToArray());
    }

    [Fact]
    public void Retail_AfterSalesOnSocialMedia_IsExpectedButNotOffered()
    {
        var touchpoint = JourneyTemplates.Retail.FindTouchpoint("afterSales", "social");

        Assert.NotNull(touchpoint);
        Assert.True(touchpoint.IsExpected);
        Assert.False(touchpoint.IsOffered);
        Assert.False(JourneyTemplates.Retail.IsOffered("afterSales", "social"));
    }

    [Fact]
    public void Retail_MissingTouchpoints_AreTheFourDocumentedOnes()
    {
        var missing = JourneyTemplates.Retail.Touchpoints.Where(t => t.IsExpected && !t.IsOffered).Select(t => t.ToString()).ToArray();

        Assert.Equal(new[] { "information@forums", "comparison@forums", "afterSales@social", "afterSales@mobile" }, missing);
    }

    [Fact]
    public void Retail_ClickAndCollect_HandsOffFromWebToStoreAtPurchaseAndDeliveryOnly()
    {
        var map = JourneyTemplates.Retail;

        Assert.True(map.HasHandoff("web", "store", "purchase"));
        Assert.True(map.HasHandoff("web", "store", "delivery"));
        Assert.False(map.HasHandoff("web", "store", "awareness"));
        Assert.False(map.HasHandoff("web", "store"));
        Assert.False(map.HasHandoff("store", "web", "purchase"));
    }

    [Fact]
    public void Retail_MobileAndWeb_HandOffBothWaysAtEveryStage_EmailOnlyToWeb()
    {
        var map = JourneyTemplates.Retail;

        Assert.True(map.HasHandoff("mobile", "web"));
        Assert.True(map.HasHandoff("web", "mobile"));
        Assert.True(map.HasHandoff("email", "web", "loyalty"));
        Assert.False(map.HasHandoff("web", "email", "loyalty"));
    }

    [Fact]
    public void Retail_Personas_AreTheUrbanShopperAndTheStoreRegular()
    {
        Assert.Equal(new[] { "urbanShopper", "storeRegular" }, JourneyTemplates.Retail.Personas.Select(p => p.Id).ToArray());
    }

    [Fact]
    public void SushiRestaurant_Stages_FollowTheFamilyFromSearchToComingBack()
    {
        var map = JourneyTemplates.SushiRestaurant;

        Assert.Equal(new[] { "search", "contact", "order", "payment", "service", "tasting", "comeBack" }, map.Stages.Select(s => s.Id).ToArray());
        Assert.Equal(
            new[]
            {
                JourneyPhase.Acquisition, JourneyPhase.Acquisition, JourneyPhase.Acquisition, JourneyPhase.Acquisition,
                JourneyPhase.Retention, JourneyPhase.Retention, JourneyPhase.Loyalty,
            },
            map.Stages.Select(s => s.Phase).ToArray());
    }

    [Fact]
    public void SushiRestaurant_ConversionStage_IsTheOrder()
    {
        Assert.Equal("order", JourneyTemplates.SushiRestaurant.DeclaredConversionStageId);
        Assert.Equal("order", JourneyTemplates.SushiRestaurant.ConversionStage.Id);
    }

    [Fact]
    public void SushiRestaurant_Channels_WebIsDigitalAndTheOthersPhysical()
    {
        var map = JourneyTemplates.SushiRestaurant;

        Assert.Equal(new[] { "web", "phone", "faceToFace", "delivery" }, map.Channels.Select(c => c.Id).ToArray());
        Assert.Equal(new[] { "web" }, map.Channels.Where(c => c.Kind == ChannelKind.Digital).Select(c => c.Id).ToArray());
    }

    [Fact]
    public void SushiRestaurant_OrderOnline_CanBePaidOnSiteOrToTheCourier()
    {
        var map = JourneyTemplates.SushiRestaurant;

        Assert.True(map.HasHandoff("web", "faceToFace", "payment"));
        Assert.True(map.HasHandoff("web", "delivery", "payment"));
        Assert.True(map.HasHandoff("web", "delivery", "service"));
        Assert.False(map.HasHandoff("web", "faceToFace", "order"));
        Assert.False(map.HasHandoff("faceToFace", "web", "payment"));
    }

    [Fact]
    public void SushiRestaurant_PayingByPhone_IsExpectedButNotOffered()
    {
        var map = JourneyTemplates.SushiRestaurant;

        Assert.Equal(new[] { "payment@phone" }, map.Touchpoints.Where(t => t.IsExpected && !t.IsOffered).Select(t => t.ToString()).ToArray());
        Assert.Equal(new[] { "web", "faceToFace", "delivery" }, map.GetOfferedChannels("payment").Select(c => c.Id).ToArray());
    }

    [Fact]
    public void SushiRestaurant_TastingOnSite_IsTheIntendedEnchantment()
    {
        Assert.Equal(1.0, JourneyTemplates.SushiRestaurant.FindTouchpoint("tasting", "faceToFace")?.DesiredExperience);
    }

    [Fact]
    public void SushiRestaurant_Persona_IsTheFamilyDinnerAtSix()
    {
        var persona = Assert.Single(JourneyTemplates.SushiRestaurant.Personas);

        Assert.Equal("familyDinner", persona.Id);
        Assert.Contains("6 pm", persona.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void SalesFunnel_Stages_AreTheFourFunnelStepsThenThePostPurchaseElements()
    {
        var map = JourneyTemplates.SalesFunnel;

        Assert.Equal(new[] { "attract", "interest", "offer", "purchase", "usage", "sharing", "customerService" }, map.Stages.Select(s => s.Id).ToArray());
        Assert.Equal(
            new[] { "attract", "interest", "offer", "purchase" },
            map.Stages.Where(s => s.Phase == JourneyPhase.Acquisition).Select(s => s.Id).ToArray());
        Assert.All(map.Stages.Skip(4), s => Assert.Equal(JourneyPhase.Retention, s.Phase));
    }

    [Fact]
    public void SalesFunnel_ConversionStage_IsThePurchase()
    {
        Assert.Equal("purchase", JourneyTemplates.SalesFunnel.DeclaredConversionStageId);
        Assert.Equal("purchase", JourneyTemplates.SalesFunnel.ConversionStage.Id);
    }

    [Fact]
    public void SalesFunnel_Handoffs_LinkCampaignsToTheSiteAndEventsToEmail()
    {
        var map = JourneyTemplates.SalesFunnel;

        Assert.True(map.HasHandoff("social", "web", "attract"));
        Assert.True(map.HasHandoff("email", "web", "offer"));
        Assert.True(map.HasHandoff("events", "email", "interest"));
        Assert.False(map.HasHandoff("events", "email", "attract"));
        Assert.True(map.HasHandoff("web", "store", "purchase"));
        Assert.Equal(ChannelKind.Physical, map.GetChannel("events").Kind);
    }

    [Fact]
    public void SalesFunnel_CustomerServiceOnSocialMedia_IsExpectedButNotOffered()
    {
        var touchpoint = JourneyTemplates.SalesFunnel.FindTouchpoint("customerService", "social");

        Assert.NotNull(touchpoint);
        Assert.False(touchpoint.IsOffered);
        Assert.True(touchpoint.IsExpected);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_EveryTouchpoint_IsOnAStageAndChannelOfTheMap(string name)
    {
        var map = Template(name);

        Assert.NotEmpty(map.Touchpoints);
        Assert.All(map.Touchpoints, t =>
        {
            Assert.True(map.TryGetStage(t.StageId, out _), $"unknown stage in {t}");
            Assert.True(map.TryGetChannel(t.ChannelId, out _), $"unknown channel in {t}");
            Assert.Same(t, map.FindTouchpoint(t.StageId, t.ChannelId));
        });
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_EveryStage_IsOfferedOnAtLeastOneChannel(string name)
    {
        var map = Template(name);

        Assert.All(map.Stages, s => Assert.NotEmpty(map.GetOfferedChannels(s.Id)));
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_EveryHandoff_JoinsChannelsOfTheMapAndIsQueryable(string name)
    {
        var map = Template(name);

        Assert.NotEmpty(map.Handoffs);
        Assert.All(map.Handoffs, h =>
        {
            Assert.True(map.TryGetChannel(h.FromChannelId, out _));
            Assert.True(map.TryGetChannel(h.ToChannelId, out _));
            Assert.True(h.StageId is null || map.TryGetStage(h.StageId, out _));
            Assert.True(map.HasHandoff(h.FromChannelId, h.ToChannelId, h.StageId));
        });
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_ConversionStage_IsDeclaredInTheAcquisitionPhase(string name)
    {
        var map = Template(name);

        Assert.NotNull(map.DeclaredConversionStageId);
        Assert.Equal(JourneyPhase.Acquisition, map.ConversionStage.Phase);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_NameAndPersonas_AreStated(string name)
    {
        var map = Template(name);

        Assert.False(string.IsNullOrWhiteSpace(map.Name));
        Assert.NotEmpty(map.Personas);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_EveryAccess_ReturnsTheSameImmutableInstance(string name)
    {
        Assert.Same(Template(name), Template(name));
    }

    private static JourneyMap Template(string name) => name switch
    {
        nameof(JourneyTemplates.Retail) => JourneyTemplates.Retail,
        nameof(JourneyTemplates.SushiRestaurant) => JourneyTemplates.SushiRestaurant,
        nameof(JourneyTemplates.SalesFunnel) => JourneyTemplates.SalesFunnel,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown template."),
    };
}
