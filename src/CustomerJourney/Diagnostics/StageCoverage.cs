using System;
using System.Collections.Generic;
using System.Linq;
using CustomerJourney.Internal;

namespace CustomerJourney.Diagnostics;

/// <summary>Omnichannel coverage of one stage: the channels the company offers there, those customers expect, and the gap.</summary>
/// <remarks>Channel ids in the map's channel order. Immutable; safe to share across threads.</remarks>
public sealed class StageCoverage : IEquatable<StageCoverage>
{
    internal StageCoverage(string stageId, IReadOnlyList<string> offered, IReadOnlyList<string> expected, IReadOnlyList<string> missing)
    {
        StageId = stageId;
        OfferedChannels = offered;
        ExpectedChannels = expected;
        MissingChannels = missing;
    }

    /// <summary>The stage.</summary>
    public string StageId { get; }

    /// <summary>Channels with an offered touchpoint at the stage.</summary>
    public IReadOnlyList<string> OfferedChannels { get; }

    /// <summary>Channels whose touchpoint at the stage customers expect.</summary>
    public IReadOnlyList<string> ExpectedChannels { get; }

    /// <summary>Expected but not offered: each is also an irritant/missing finding.</summary>
    public IReadOnlyList<string> MissingChannels { get; }

    /// <inheritdoc/>
    public bool Equals(StageCoverage? other) =>
        other is not null && string.Equals(StageId, other.StageId, StringComparison.Ordinal)
        && OfferedChannels.SequenceEqual(other.OfferedChannels, StringComparer.Ordinal)
        && ExpectedChannels.SequenceEqual(other.ExpectedChannels, StringComparer.Ordinal)
        && MissingChannels.SequenceEqual(other.MissingChannels, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StageCoverage);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.Combine(Hash.Of(StageId), OfferedChannels.Count, ExpectedChannels.Count, MissingChannels.Count);

    /// <summary>Returns the stage and its channel lists.</summary>
    public override string ToString() =>
        StageId + ": offered [" + string.Join(", ", OfferedChannels) + "], expected [" + string.Join(", ", ExpectedChannels) + "], missing [" + string.Join(", ", MissingChannels) + "]";
}
