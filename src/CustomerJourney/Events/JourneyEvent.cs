using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>One thing one customer did, and how they felt about it: the object form of an event, for callers who have objects.</summary>
/// <remarks>
/// Logs do not store these: <see cref="EventLog"/> is columnar. Use <see cref="EventLog.FromEvents"/> to build one.
/// Immutable; safe to share across threads. Equality compares every property, the timestamp as an instant and offset.
/// </remarks>
public sealed class JourneyEvent : IEquatable<JourneyEvent>
{
    private static readonly IReadOnlyDictionary<string, string> s_noAttributes =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Creates an event.</summary>
    /// <param name="customerId">Who; compared ordinally.</param>
    /// <param name="timestamp">When, with the offset it was recorded in.</param>
    /// <param name="stageId">At which stage.</param>
    /// <param name="channelId">On which channel.</param>
    /// <param name="sentiment">How it felt, in [-1, 1]; null when not measured.</param>
    /// <param name="rating">A 1–5 rating; null when none.</param>
    /// <param name="emotion">An emotion label (pleasure, annoyance…); null when none.</param>
    /// <param name="nps">An answer 0–10 to "would you recommend us"; null when none.</param>
    /// <param name="status">How the interaction ended.</param>
    /// <param name="segment">The customer's segment or persona; null when none.</param>
    /// <param name="attributes">Other fields, kept as text; null for none.</param>
    /// <param name="effort">
    /// A customer-effort answer 1–7 to "the company made it easy for me" (7: strongly agree, the easiest); null when none.
    /// </param>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is out of its range, or the status is undefined.</exception>
    public JourneyEvent(
        string customerId,
        DateTimeOffset timestamp,
        string stageId,
        string channelId,
        double? sentiment = null,
        int? rating = null,
        string? emotion = null,
        int? nps = null,
        EventStatus status = EventStatus.Completed,
        string? segment = null,
        IReadOnlyDictionary<string, string>? attributes = null,
        int? effort = null)
    {
        CustomerId = Guard.NotBlank(customerId);
        StageId = Guard.NotBlank(stageId);
        ChannelId = Guard.NotBlank(channelId);
        if (sentiment is { } s && !(s >= -1.0 && s <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(sentiment), s, "Sentiment must be within [-1, 1].");
        }

        if (rating is { } r && (r < 1 || r > 5))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), r, "Rating must be within 1–5.");
        }

        if (nps is { } n && (n < 0 || n > 10))
        {
            throw new ArgumentOutOfRangeException(nameof(nps), n, "NPS answer must be within 0–10.");
        }

        if (effort is { } f && (f < 1 || f > 7))
        {
            throw new ArgumentOutOfRangeException(nameof(effort), f, "Effort answer must be within 1–7.");
        }

        if (status is < EventStatus.Completed or > EventStatus.Abandoned)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined status.");
        }

        Timestamp = timestamp;
        Sentiment = sentiment;
        Rating = rating;
        Effort = effort;
        Emotion = string.IsNullOrEmpty(emotion) ? null : emotion;
        Nps = nps;
        Status = status;
        Segment = string.IsNullOrEmpty(segment) ? null : segment;
        Attributes = attributes is null || attributes.Count == 0
            ? s_noAttributes
            : new ReadOnlyDictionary<string, string>(ToDictionary(attributes));
    }

    /// <summary>Who.</summary>
    public string CustomerId { get; }

    /// <summary>When, with the offset it was recorded in. Events compare by instant.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>At which stage.</summary>
    public string StageId { get; }

    /// <summary>On which channel.</summary>
    public string ChannelId { get; }

    /// <summary>How it felt, in [-1, 1]; null when not measured.</summary>
    public double? Sentiment { get; }

    /// <summary>A 1–5 rating; null when none.</summary>
    public int? Rating { get; }

    /// <summary>A customer-effort answer 1–7 (7: the easiest); null when none. CES is the share of 5 to 7.</summary>
    public int? Effort { get; }

    /// <summary>An emotion label; null when none.</summary>
    public string? Emotion { get; }

    /// <summary>An answer 0–10 to "would you recommend us"; null when none.</summary>
    public int? Nps { get; }

    /// <summary>How the interaction ended.</summary>
    public EventStatus Status { get; }

    /// <summary>The customer's segment or persona; null when none.</summary>
    public string? Segment { get; }

    /// <summary>Other fields, kept as text. Never null.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <inheritdoc/>
    public bool Equals(JourneyEvent? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!(string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Timestamp.EqualsExact(other.Timestamp)
              && string.Equals(StageId, other.StageId, StringComparison.Ordinal) && string.Equals(ChannelId, other.ChannelId, StringComparison.Ordinal)
              && Nullable.Equals(Sentiment, other.Sentiment) && Rating == other.Rating && Effort == other.Effort && string.Equals(Emotion, other.Emotion, StringComparison.Ordinal)
              && Nps == other.Nps && Status == other.Status && string.Equals(Segment, other.Segment, StringComparison.Ordinal)
              && Attributes.Count == other.Attributes.Count))
        {
            return false;
        }

        foreach (var pair in Attributes)
        {
            if (!other.Attributes.TryGetValue(pair.Key, out var v) || !string.Equals(v, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JourneyEvent);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Hash.Combine(Hash.Combine(Hash.Of(CustomerId), Timestamp.UtcTicks.GetHashCode(), Hash.Of(StageId), Hash.Of(ChannelId)), Sentiment.GetHashCode(), (int)Status);

    /// <summary>Returns <c>customer time stage@channel</c>.</summary>
    public override string ToString() =>
        CustomerId + " " + Timestamp.ToString("o", System.Globalization.CultureInfo.InvariantCulture) + " " + StageId + "@" + ChannelId;

    private static Dictionary<string, string> ToDictionary(IReadOnlyDictionary<string, string> attributes)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in attributes)
        {
            copy[Guard.NotNull(pair.Key, "attributes key")] = Guard.NotNull(pair.Value, "attributes value");
        }

        return copy;
    }
}
