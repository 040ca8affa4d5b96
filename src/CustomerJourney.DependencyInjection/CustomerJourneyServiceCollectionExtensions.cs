using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerJourney;

/// <summary>
/// Registers CustomerJourney in a Microsoft.Extensions.DependencyInjection container, for hosts that have one; the library
/// itself never needs a container.
/// </summary>
/// <remarks>
/// Registrations use TryAdd semantics: a service already registered, by an earlier call or by the application, is kept, so
/// libraries may call <c>AddCustomerJourney</c> defensively and the application's first registration wins.
/// </remarks>
public static class CustomerJourneyServiceCollectionExtensions
{
    /// <summary>Registers a journey map as the application's singleton map, unless one is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="map">The map every consumer will share; immutable, so one instance serves all threads.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="map"/> is null.</exception>
    public static IServiceCollection AddCustomerJourney(this IServiceCollection services, JourneyMap map)
    {
        ThrowIfNull(services, nameof(services));
        ThrowIfNull(map, nameof(map));
        return AddServices(services, ServiceDescriptor.Singleton(map));
    }

    /// <summary>
    /// Registers a factory for the application's singleton map, unless one is registered already: for a map that comes from
    /// configuration or a file and should load only when first needed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="mapFactory">Creates the map on first resolution; called at most once per container.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="mapFactory"/> is null.</exception>
    /// <remarks>Resolving the map throws <see cref="InvalidOperationException"/> if the factory returns null.</remarks>
    public static IServiceCollection AddCustomerJourney(this IServiceCollection services, Func<IServiceProvider, JourneyMap> mapFactory)
    {
        ThrowIfNull(services, nameof(services));
        ThrowIfNull(mapFactory, nameof(mapFactory));
        return AddServices(
            services,
            ServiceDescriptor.Singleton(provider =>
                mapFactory(provider) ?? throw new InvalidOperationException("The journey map factory given to AddCustomerJourney returned null.")));
    }

    /// <summary>The one place every CustomerJourney service is registered, so that all overloads register the same set.</summary>
    private static IServiceCollection AddServices(IServiceCollection services, ServiceDescriptor map)
    {
        services.TryAdd(map);
        return services;
    }

    private static void ThrowIfNull(object? argument, string name)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(name);
        }
    }
}
