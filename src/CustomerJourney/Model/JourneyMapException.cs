using System;

namespace CustomerJourney;

/// <summary>A journey map is invalid: the message names the offending element, e.g. <c>touchpoints[3].stage: unknown stage 'zz'</c>.</summary>
/// <remarks>
/// Thrown by <see cref="JourneyMap"/> construction, <see cref="JourneyMapBuilder.Build"/> and the map readers, whatever
/// the rule broken (duplicate id, unknown reference, duplicate order, empty name, malformed file).
/// </remarks>
public sealed class JourneyMapException : Exception
{
    /// <summary>Creates the exception for one offending element.</summary>
    /// <param name="element">Where the problem is, as a path in the map's JSON shape: <c>stages[2].name</c>, <c>conversionStage</c>.</param>
    /// <param name="reason">What is wrong, in a few words.</param>
    /// <param name="sourceName">The file or stream the map came from; null when built in code.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public JourneyMapException(string element, string reason, string? sourceName = null, Exception? innerException = null)
        : base(Format(element, reason, sourceName), innerException)
    {
        Element = element ?? string.Empty;
        Reason = reason ?? string.Empty;
        SourceName = sourceName;
    }

    /// <summary>Where the problem is, as a path in the map's JSON shape.</summary>
    public string Element { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The file or stream the map came from; null when built in code.</summary>
    public string? SourceName { get; }

    private static string Format(string element, string reason, string? sourceName) =>
        (sourceName is null ? string.Empty : sourceName + ": ") + element + ": " + reason;
}
