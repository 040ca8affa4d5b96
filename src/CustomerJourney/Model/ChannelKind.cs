namespace CustomerJourney;

/// <summary>Whether a channel is a physical place or person, or a digital medium.</summary>
public enum ChannelKind
{
    /// <summary>A digital channel: web site, mobile app, email, social media, search engine, forum.</summary>
    Digital = 0,

    /// <summary>A physical channel: store, face to face, phone call, delivery.</summary>
    Physical = 1,
}
