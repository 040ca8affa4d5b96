namespace CustomerJourney;

/// <summary>
/// Ready-made journey maps taken from the reference texts on customer journeys, to start from, to learn the model
/// with, and to test against.
/// </summary>
/// <remarks>
/// Each map is built once, on first use of this class, and validated like any other map; the same instance is
/// returned every time. Maps are immutable: safe to share across threads. Desired experiences are on the sentiment
/// scale [-1, 1]. The touchpoint grids, hand-offs and personas are plausible designs for the situation each text
/// describes, not data: change them by building a new map.
/// </remarks>
public static class JourneyTemplates
{
    /// <summary>
    /// The ten-stage retail journey, from the first visit to the recommendation, on seven physical and digital
    /// channels; the reference example of an omnichannel journey.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Stages from the key steps of the retail customer journey (arrivée, recherche d'information, comparaison,
    /// sélection, achat, réception, évaluation, service après-vente, fidélisation, recommandation):
    /// <c>awareness</c>, <c>information</c>, <c>comparison</c>, <c>selection</c>, <c>purchase</c> (acquisition);
    /// <c>delivery</c>, <c>usage</c>, <c>afterSales</c> (retention); <c>loyalty</c>, <c>recommendation</c> (loyalty).
    /// The conversion stage is <c>purchase</c>.
    /// </para>
    /// <para>
    /// Channels from the rows of the classic journey-map grid (site, boutique, médias sociaux, moteur de recherche,
    /// forums, mobile, email): <c>web</c>, <c>store</c> (physical), <c>social</c>, <c>search</c>, <c>forums</c>,
    /// <c>mobile</c>, <c>email</c>.
    /// </para>
    /// <para>
    /// Four touchpoints are expected but not offered, the missing touchpoints a diagnosis reports: brand answers on
    /// forums at <c>information</c> and <c>comparison</c>, after-sales on <c>social</c> and on <c>mobile</c>. Two are
    /// offered but not expected: prospecting email at <c>awareness</c> and usage tips by email.
    /// </para>
    /// <para>
    /// Hand-offs: click-and-collect (<c>web</c> to <c>store</c> at <c>purchase</c> and at <c>delivery</c>), a shared
    /// account between <c>mobile</c> and <c>web</c> both ways, email and social links that land on the web site with
    /// their context, and the store receipt credited to the loyalty account in the app (<c>store</c> to
    /// <c>mobile</c> at <c>loyalty</c>). Personas: a connected urban shopper and a store regular.
    /// </para>
    /// </remarks>
    public static JourneyMap Retail { get; } = BuildRetail();

    /// <summary>
    /// A family ordering sushi for dinner: a short service journey on the phone, the web, face to face and through
    /// delivery, where every interaction can enchant or irritate.
    /// </summary>
    /// <remarks>
    /// <para>
    /// From the sushi-restaurant example (il est 18h et vous rêvez d'un bon plat de sushis en famille): stages
    /// <c>search</c>, <c>contact</c>, <c>order</c>, <c>payment</c> (acquisition); <c>service</c> (delivery at home or
    /// service on site) and <c>tasting</c> (retention); <c>comeBack</c>, "will you come back, will you recommend it"
    /// (loyalty). Channels: <c>web</c> (digital), <c>phone</c>, <c>faceToFace</c> and <c>delivery</c> (physical).
    /// </para>
    /// <para>
    /// The conversion stage is <c>order</c>, not <c>payment</c>: the order is the commitment every customer makes at
    /// the same point, while payment happens online before the meal, to the courier at the door, or at the counter
    /// after eating on site.
    /// </para>
    /// <para>
    /// One touchpoint is expected but not offered: paying by card over the phone, so phone customers must complete
    /// the payment with the courier or at the counter. Hand-offs carry an online or phone order to the courier or the
    /// counter at <c>payment</c> and at <c>service</c>. Persona: the family dinner at 6 pm.
    /// </para>
    /// </remarks>
    public static JourneyMap SushiRestaurant { get; } = BuildSushiRestaurant();

    /// <summary>
    /// The four-step sales funnel (attract, interest, offer, purchase) followed by the post-purchase relationship;
    /// the company's view of the journey, centred on conversion.
    /// </summary>
    /// <remarks>
    /// <para>
    /// From the definition of the sales funnel (la marque attire ses prospects, suscite l'intérêt, propose ses
    /// offres, le client passe à l'action) and the post-purchase elements that complete it (expérience d'usage,
    /// partage d'expérience, relation avec le service client): stages <c>attract</c>, <c>interest</c>, <c>offer</c>,
    /// <c>purchase</c> (acquisition), then <c>usage</c>, <c>sharing</c>, <c>customerService</c> in the order the text
    /// gives them, all three retention (the text presents them as one post-purchase group). The conversion stage is
    /// <c>purchase</c>.
    /// </para>
    /// <para>
    /// Channels: <c>social</c>, <c>email</c>, <c>web</c> (digital); <c>events</c>, <c>store</c>, <c>phone</c>
    /// (physical). Customer service on social media is expected but not offered. Hand-offs: social and email links to
    /// the web site, leads met at events followed up by email at <c>interest</c>, click-and-collect at
    /// <c>purchase</c>, and a call-back from the web site at <c>customerService</c>. Persona: a prospect with a need.
    /// </para>
    /// </remarks>
    public static JourneyMap SalesFunnel { get; } = BuildSalesFunnel();

    private static JourneyMap BuildRetail() =>
        JourneyMap.CreateBuilder("Retail journey")
            .AddStage("awareness", "Awareness", JourneyPhase.Acquisition)
            .AddStage("information", "Information search", JourneyPhase.Acquisition)
            .AddStage("comparison", "Comparison", JourneyPhase.Acquisition)
            .AddStage("selection", "Selection", JourneyPhase.Acquisition)
            .AddStage("purchase", "Purchase", JourneyPhase.Acquisition)
            .AddStage("delivery", "Delivery", JourneyPhase.Retention)
            .AddStage("usage", "Usage", JourneyPhase.Retention)
            .AddStage("afterSales", "After-sales", JourneyPhase.Retention)
            .AddStage("loyalty", "Loyalty", JourneyPhase.Loyalty)
            .AddStage("recommendation", "Recommendation", JourneyPhase.Loyalty)
            .AddChannel("web", "Web site", ChannelKind.Digital)
            .AddChannel("store", "Store", ChannelKind.Physical)
            .AddChannel("social", "Social media", ChannelKind.Digital)
            .AddChannel("search", "Search engine", ChannelKind.Digital)
            .AddChannel("forums", "Forums", ChannelKind.Digital)
            .AddChannel("mobile", "Mobile app", ChannelKind.Digital)
            .AddChannel("email", "Email", ChannelKind.Digital)
            .AddTouchpoint("awareness", "web", desiredExperience: 0.3)
            .AddTouchpoint("awareness", "store", desiredExperience: 0.5)
            .AddTouchpoint("awareness", "social", desiredExperience: 0.5)
            .AddTouchpoint("awareness", "search", desiredExperience: 0.3)
            .AddTouchpoint("awareness", "email", offered: true, expected: false)
            .AddTouchpoint("information", "web", desiredExperience: 0.5)
            .AddTouchpoint("information", "store", desiredExperience: 0.5)
            .AddTouchpoint("information", "social", desiredExperience: 0.3)
            .AddTouchpoint("information", "search", desiredExperience: 0.3)
            .AddTouchpoint("information", "forums", offered: false, expected: true)
            .AddTouchpoint("information", "mobile", desiredExperience: 0.3)
            .AddTouchpoint("comparison", "web", desiredExperience: 0.5)
            .AddTouchpoint("comparison", "store", desiredExperience: 0.3)
            .AddTouchpoint("comparison", "forums", offered: false, expected: true)
            .AddTouchpoint("comparison", "mobile", desiredExperience: 0.5)
            .AddTouchpoint("selection", "web", desiredExperience: 0.5)
            .AddTouchpoint("selection", "store", desiredExperience: 0.5)
            .AddTouchpoint("selection", "mobile", desiredExperience: 0.5)
            .AddTouchpoint("purchase", "web", desiredExperience: 0.8)
            .AddTouchpoint("purchase", "store", desiredExperience: 0.8)
            .AddTouchpoint("purchase", "mobile", desiredExperience: 0.8)
            .AddTouchpoint("delivery", "web", desiredExperience: 0.3)
            .AddTouchpoint("delivery", "store", desiredExperience: 0.5)
            .AddTouchpoint("delivery", "mobile", desiredExperience: 0.5)
            .AddTouchpoint("delivery", "email", desiredExperience: 0.3)
            .AddTouchpoint("usage", "web", desiredExperience: 0.3)
            .AddTouchpoint("usage", "social", desiredExperience: 0.3)
            .AddTouchpoint("usage", "email", offered: true, expected: false)
            .AddTouchpoint("afterSales", "web", desiredExperience: 0.3)
            .AddTouchpoint("afterSales", "store", desiredExperience: 0.5)
            .AddTouchpoint("afterSales", "social", offered: false, expected: true)
            .AddTouchpoint("afterSales", "mobile", offered: false, expected: true)
            .AddTouchpoint("afterSales", "email", desiredExperience: 0.3)
            .AddTouchpoint("loyalty", "web", desiredExperience: 0.3)
            .AddTouchpoint("loyalty", "store", desiredExperience: 0.5)
            .AddTouchpoint("loyalty", "mobile", desiredExperience: 0.5)
            .AddTouchpoint("loyalty", "email", desiredExperience: 0.5)
            .AddTouchpoint("recommendation", "web", desiredExperience: 0.5)
            .AddTouchpoint("recommendation", "social", desiredExperience: 0.8)
            .AddTouchpoint("recommendation", "email", desiredExperience: 0.3)
            .AddHandoff("web", "store", "purchase")
            .AddHandoff("web", "store", "delivery")
            .AddHandoff("mobile", "web")
            .AddHandoff("web", "mobile")
            .AddHandoff("email", "web")
            .AddHandoff("social", "web")
            .AddHandoff("store", "mobile", "loyalty")
            .AddPersona(
                "urbanShopper",
                "Connected urban shopper",
                "Compares on the phone, buys online or picks up in store after work, and expects answers on social media.",
                "urban")
            .AddPersona(
                "storeRegular",
                "Store regular",
                "Wants advice from staff in store, reads the email offers, comes back for the loyalty programme.",
                "store")
            .WithConversionStage("purchase")
            .Build();

    private static JourneyMap BuildSushiRestaurant() =>
        JourneyMap.CreateBuilder("Sushi restaurant")
            .AddStage("search", "Search for a restaurant", JourneyPhase.Acquisition)
            .AddStage("contact", "Contact the restaurant", JourneyPhase.Acquisition)
            .AddStage("order", "Order", JourneyPhase.Acquisition)
            .AddStage("payment", "Payment", JourneyPhase.Acquisition)
            .AddStage("service", "Delivery or service", JourneyPhase.Retention)
            .AddStage("tasting", "Tasting", JourneyPhase.Retention)
            .AddStage("comeBack", "Come back and recommend", JourneyPhase.Loyalty)
            .AddChannel("web", "Web site", ChannelKind.Digital)
            .AddChannel("phone", "Phone", ChannelKind.Physical)
            .AddChannel("faceToFace", "Face to face", ChannelKind.Physical)
            .AddChannel("delivery", "Delivery", ChannelKind.Physical)
            .AddTouchpoint("search", "web", desiredExperience: 0.5)
            .AddTouchpoint("search", "faceToFace", desiredExperience: 0.3)
            .AddTouchpoint("contact", "web", desiredExperience: 0.3)
            .AddTouchpoint("contact", "phone", desiredExperience: 0.5)
            .AddTouchpoint("contact", "faceToFace", desiredExperience: 0.5)
            .AddTouchpoint("order", "web", desiredExperience: 0.8)
            .AddTouchpoint("order", "phone", desiredExperience: 0.5)
            .AddTouchpoint("order", "faceToFace", desiredExperience: 0.5)
            .AddTouchpoint("payment", "web", desiredExperience: 0.5)
            .AddTouchpoint("payment", "phone", offered: false, expected: true)
            .AddTouchpoint("payment", "faceToFace", desiredExperience: 0.5)
            .AddTouchpoint("payment", "delivery", desiredExperience: 0.3)
            .AddTouchpoint("service", "faceToFace", desiredExperience: 0.8)
            .AddTouchpoint("service", "delivery", desiredExperience: 0.8)
            .AddTouchpoint("tasting", "faceToFace", desiredExperience: 1.0)
            .AddTouchpoint("tasting", "delivery", desiredExperience: 0.8)
            .AddTouchpoint("comeBack", "web", desiredExperience: 0.5)
            .AddTouchpoint("comeBack", "phone", desiredExperience: 0.3)
            .AddTouchpoint("comeBack", "faceToFace", desiredExperience: 0.5)
            .AddHandoff("web", "faceToFace", "payment")
            .AddHandoff("web", "delivery", "payment")
            .AddHandoff("phone", "faceToFace", "payment")
            .AddHandoff("phone", "delivery", "payment")
            .AddHandoff("web", "faceToFace", "service")
            .AddHandoff("web", "delivery", "service")
            .AddHandoff("phone", "delivery", "service")
            .AddPersona(
                "familyDinner",
                "Family dinner at 6 pm",
                "It is 6 pm and the family dreams of sushi tonight: they find a restaurant, order for four, want it on time and intact, then decide whether to come back.",
                "family")
            .WithConversionStage("order")
            .Build();

    private static JourneyMap BuildSalesFunnel() =>
        JourneyMap.CreateBuilder("Sales funnel")
            .AddStage("attract", "Attract", JourneyPhase.Acquisition)
            .AddStage("interest", "Interest", JourneyPhase.Acquisition)
            .AddStage("offer", "Offer", JourneyPhase.Acquisition)
            .AddStage("purchase", "Purchase", JourneyPhase.Acquisition)
            .AddStage("usage", "Usage experience", JourneyPhase.Retention)
            .AddStage("sharing", "Sharing the experience", JourneyPhase.Retention)
            .AddStage("customerService", "Customer service", JourneyPhase.Retention)
            .AddChannel("social", "Social media", ChannelKind.Digital)
            .AddChannel("email", "Email", ChannelKind.Digital)
            .AddChannel("web", "Web site", ChannelKind.Digital)
            .AddChannel("events", "Events", ChannelKind.Physical)
            .AddChannel("store", "Store", ChannelKind.Physical)
            .AddChannel("phone", "Phone", ChannelKind.Physical)
            .AddTouchpoint("attract", "social", desiredExperience: 0.3)
            .AddTouchpoint("attract", "email", desiredExperience: 0.0)
            .AddTouchpoint("attract", "web", desiredExperience: 0.3)
            .AddTouchpoint("attract", "events", desiredExperience: 0.5)
            .AddTouchpoint("interest", "social", desiredExperience: 0.3)
            .AddTouchpoint("interest", "email", offered: true, expected: false)
            .AddTouchpoint("interest", "web", desiredExperience: 0.5)
            .AddTouchpoint("interest", "events", desiredExperience: 0.5)
            .AddTouchpoint("offer", "email", desiredExperience: 0.3)
            .AddTouchpoint("offer", "web", desiredExperience: 0.5)
            .AddTouchpoint("offer", "store", desiredExperience: 0.5)
            .AddTouchpoint("offer", "phone", desiredExperience: 0.3)
            .AddTouchpoint("purchase", "web", desiredExperience: 0.8)
            .AddTouchpoint("purchase", "store", desiredExperience: 0.8)
            .AddTouchpoint("purchase", "phone", desiredExperience: 0.5)
            .AddTouchpoint("usage", "email", desiredExperience: 0.3)
            .AddTouchpoint("usage", "web", desiredExperience: 0.5)
            .AddTouchpoint("sharing", "social", desiredExperience: 0.8)
            .AddTouchpoint("sharing", "email", desiredExperience: 0.3)
            .AddTouchpoint("sharing", "web", desiredExperience: 0.5)
            .AddTouchpoint("customerService", "social", offered: false, expected: true)
            .AddTouchpoint("customerService", "email", desiredExperience: 0.5)
            .AddTouchpoint("customerService", "web", desiredExperience: 0.3)
            .AddTouchpoint("customerService", "store", desiredExperience: 0.5)
            .AddTouchpoint("customerService", "phone", desiredExperience: 0.5)
            .AddHandoff("social", "web")
            .AddHandoff("email", "web")
            .AddHandoff("events", "email", "interest")
            .AddHandoff("web", "store", "purchase")
            .AddHandoff("web", "phone", "customerService")
            .AddPersona(
                "prospect",
                "Prospect with a need",
                "Has identified a need, looks for information and reviews online, buys, then shares the experience.")
            .WithConversionStage("purchase")
            .Build();
}
