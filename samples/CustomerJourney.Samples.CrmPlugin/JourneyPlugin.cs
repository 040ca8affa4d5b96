using System;
using System.Collections.Generic;

namespace CustomerJourney.Samples.CrmPlugin;

/// <summary>
/// The plug-in entry point. In a real Dataverse plug-in this class implements <c>Microsoft.Xrm.Sdk.IPlugin</c>: it takes
/// the target entity from <c>IPluginExecutionContext.InputParameters["Target"]</c>, queries the customer's earlier
/// interactions with <c>IOrganizationService</c>, calls <see cref="InteractionHandler.Evaluate"/> and writes the warnings
/// to a field or the tracing service. The SDK package is left out so that this sample builds anywhere.
/// </summary>
public sealed class JourneyPlugin
{
    // Maps are immutable and thread-safe: one per AppDomain, shared by every execution.
    private static readonly InteractionHandler s_handler = new(JourneyTemplates.SushiRestaurant);

    /// <summary>What <c>IPlugin.Execute</c> would call once it has the records.</summary>
    public static IReadOnlyList<string> OnInteractionCreated(IReadOnlyDictionary<string, object> target, IEnumerable<IReadOnlyDictionary<string, object>> earlier) =>
        s_handler.Evaluate(target ?? throw new ArgumentNullException(nameof(target)), earlier);
}
