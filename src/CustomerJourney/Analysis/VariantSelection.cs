using System.Collections.Generic;

namespace CustomerJourney.Analysis;

/// <summary>The most frequent path variants, and what was left out, so that a top-N view still accounts for every journey.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class VariantSelection
{
    internal VariantSelection(IReadOnlyList<PathVariant> variants, long otherVariants, long otherJourneys)
    {
        Variants = variants;
        OtherVariants = otherVariants;
        OtherJourneys = otherJourneys;
    }

    /// <summary>The variants kept, most frequent first (ties by path, ordinally).</summary>
    public IReadOnlyList<PathVariant> Variants { get; }

    /// <summary>How many distinct variants were left out.</summary>
    public long OtherVariants { get; }

    /// <summary>How many journeys followed the variants left out.</summary>
    public long OtherJourneys { get; }
}
