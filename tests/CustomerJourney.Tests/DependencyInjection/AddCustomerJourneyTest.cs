using System;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerJourney.Tests.DependencyInjection;

public class AddCustomerJourneyTest
{
    private static JourneyMap Map(string stage = "s") =>
        JourneyMap.CreateBuilder().AddStage(stage, "Stage").AddChannel("web", "Web").Build();

    [Fact]
    public void AddCustomerJourney_Map_ResolvesTheSameInstanceAsSingleton()
    {
        var map = Map();
        var services = new ServiceCollection();

        var returned = services.AddCustomerJourney(map);
        using var provider = services.BuildServiceProvider();

        Assert.Same(services, returned);
        Assert.Same(map, provider.GetRequiredService<JourneyMap>());
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(JourneyMap));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void AddCustomerJourney_CalledTwice_KeepsTheFirstMap()
    {
        var first = Map("first");
        var services = new ServiceCollection();

        services.AddCustomerJourney(first).AddCustomerJourney(Map("second")).AddCustomerJourney(_ => Map("third"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(first, provider.GetRequiredService<JourneyMap>());
        Assert.Single(services, d => d.ServiceType == typeof(JourneyMap));
    }

    [Fact]
    public void AddCustomerJourney_AfterTheApplicationRegisteredAMap_KeepsTheApplicationsMap()
    {
        var mine = Map("mine");
        var services = new ServiceCollection();
        services.AddSingleton(mine);

        services.AddCustomerJourney(Map("library"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<JourneyMap>());
    }

    [Fact]
    public void AddCustomerJourney_Factory_RunsOnceOnFirstResolution()
    {
        var calls = 0;
        var services = new ServiceCollection();
        services.AddSingleton("from the container");

        services.AddCustomerJourney(provider =>
        {
            calls++;
            return Map(provider.GetRequiredService<string>().Replace(' ', '-'));
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(0, calls);
        var map = provider.GetRequiredService<JourneyMap>();
        Assert.Same(map, provider.GetRequiredService<JourneyMap>());
        Assert.Equal(1, calls);
        Assert.Equal("from-the-container", map.Stages[0].Id);
    }

    [Fact]
    public void AddCustomerJourney_FactoryReturningNull_FailsOnResolution()
    {
        var services = new ServiceCollection().AddCustomerJourney(_ => null!);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<JourneyMap>());
        Assert.Contains("returned null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCustomerJourney_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddCustomerJourney(Map()));
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddCustomerJourney(_ => Map()));
        Assert.Throws<ArgumentNullException>("map", () => new ServiceCollection().AddCustomerJourney((JourneyMap)null!));
        Assert.Throws<ArgumentNullException>("mapFactory", () => new ServiceCollection().AddCustomerJourney((Func<IServiceProvider, JourneyMap>)null!));
    }
}
