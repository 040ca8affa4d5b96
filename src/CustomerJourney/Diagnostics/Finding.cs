using System;
using System.Globalization;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>
/// One thing the diagnosis found, with the evidence behind it: where, how strong, on how much data, against which
/// baseline, how sure (a confidence interval), and a sentence that says why it was raised.
/// </summary>
/// <remarks>
/// Rates, baselines and interval bounds are proportions in [0, 1] (for a moment of truth, the interval is on the lift,
/// a difference in [-1, 1]); they are null for findings read from the map alone. Immutable; safe to share across threads.
/// </remarks>
public sealed class Finding : IEquatable<Finding>
{
    internal Finding(
        FindingKind kind,
        FindingSubkind subkind,
        string stageId,
        string? channelId,
        string? fromChannelId,
        string? toChannelId,
        double score,
        long support,
        double? rate,
        double? baseline,
        double? ciLow,
        double? ciHigh,
        string explanation)
    {
        Kind = kind;
        Subkind = subkind;
        StageId = stageId;
        ChannelId = channelId;
        FromChannelId = fromChannelId;
        ToChannelId = toChannelId;
        Score = score;
        Support = support;
        Rate = rate;
        Baseline = baseline;
        CiLow = ciLow;
        CiHigh = ciHigh;
        Explanation = explanation;
    }

    /// <summary>The category.</summary>
    public FindingKind Kind { get; }

    /// <summary>The precise kind, for irritants and rupture points; <see cref="FindingSubkind.None"/> otherwise.</summary>
    public FindingSubkind Subkind { get; }

    /// <summary>The stage where it happens.</summary>
    public string StageId { get; }

    /// <summary>The channel of the touchpoint; null for a switch between channels.</summary>
    public string? ChannelId { get; }

    /// <summary>For a switch: the channel left; null otherwise.</summary>
    public string? FromChannelId { get; }

    /// <summary>For a switch: the channel reached; null otherwise.</summary>
    public string? ToChannelId { get; }

    /// <summary>How much it matters, for ranking within a kind: larger is more important. Its formula depends on the kind; the explanation gives the numbers.</summary>
    public double Score { get; }

    /// <summary>How many journeys (or events, as the explanation says) the finding rests on; 0 for a map-only finding.</summary>
    public long Support { get; }

    /// <summary>The observed rate; null for a map-only finding.</summary>
    public double? Rate { get; }

    /// <summary>The rate it is compared with; null for a map-only finding.</summary>
    public double? Baseline { get; }

    /// <summary>Lower bound of the confidence interval; null for a map-only finding.</summary>
    public double? CiLow { get; }

    /// <summary>Upper bound of the confidence interval; null for a map-only finding.</summary>
    public double? CiHigh { get; }

    /// <summary>One sentence, with the numbers, that says why the finding was raised.</summary>
    public string Explanation { get; }

    /// <inheritdoc/>
    public bool Equals(Finding? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (Kind == other.Kind && Subkind == other.Subkind
         && string.Equals(StageId, other.StageId, StringComparison.Ordinal)
         && string.Equals(ChannelId, other.ChannelId, StringComparison.Ordinal)
         && string.Equals(FromChannelId, other.FromChannelId, StringComparison.Ordinal)
         && string.Equals(ToChannelId, other.ToChannelId, StringComparison.Ordinal)
         && Score.Equals(other.Score) && Support == other.Support
         && Nullable.Equals(Rate, other.Rate) && Nullable.Equals(Baseline, other.Baseline)
         && Nullable.Equals(CiLow, other.CiLow) && Nullable.Equals(CiHigh, other.CiHigh)
         && string.Equals(Explanation, other.Explanation, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Finding);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Hash.Combine(Hash.Combine((int)Kind, (int)Subkind, Hash.Of(StageId), Hash.Of(ChannelId)), Hash.Of(FromChannelId), Hash.Of(ToChannelId), Score.GetHashCode());

    /// <summary>Returns the kind, the place and the explanation.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}{1} at {2}: {3}", Kind, Subkind == FindingSubkind.None ? string.Empty : "/" + Subkind, Place, Explanation);

    internal string Place => ChannelId is not null ? StageId + "@" + ChannelId : StageId + " (" + FromChannelId + " -> " + ToChannelId + ")";

    /// <summary>The report order: kind, then score descending, then ids, so the same input gives the same bytes.</summary>
    internal static int Compare(Finding a, Finding b)
    {
        var c = a.Kind.CompareTo(b.Kind);
        if (c != 0)
        {
            return c;
        }

        c = b.Score.CompareTo(a.Score);
        if (c != 0)
        {
            return c;
        }

        c = a.Subkind.CompareTo(b.Subkind);
        c = c != 0 ? c : string.CompareOrdinal(a.StageId, b.StageId);
        c = c != 0 ? c : string.CompareOrdinal(a.ChannelId, b.ChannelId);
        c = c != 0 ? c : string.CompareOrdinal(a.FromChannelId, b.FromChannelId);
        return c != 0 ? c : string.CompareOrdinal(a.ToChannelId, b.ToChannelId);
    }
}
