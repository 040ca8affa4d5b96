using System;

namespace CustomerJourney.Diagnostics;

/// <summary>How demanding <see cref="JourneyDiagnostician.Diagnose"/> is before it calls something "clearly" different.</summary>
/// <remarks>
/// <para>
/// Defaults: <see cref="MinSupport"/> 30 journeys (or moves) on each side of a comparison, <see cref="FalseDiscoveryRate"/>
/// 0.05, <see cref="Confidence"/> 0.95, <see cref="MinimumEffect"/> 0.05 (five points of rate), <see cref="TopVariants"/> 10.
/// They trade a few missed findings for findings a team can act on without chasing noise.
/// </para>
/// <para>Setters validate their value. Not thread-safe while being configured; share it freely once set up.</para>
/// </remarks>
public sealed class DiagnosticOptions
{
    private long _minSupport = 30;
    private double _falseDiscoveryRate = 0.05;
    private double _confidence = 0.95;
    private double _minimumEffect = 0.05;
    private int _topVariants = 10;

    /// <summary>Shared defaults. Do not mutate.</summary>
    internal static DiagnosticOptions Default { get; } = new();

    /// <summary>The fewest observations (journeys, or moves for switches) each side of a comparison needs before it is tested (default 30).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MinSupport
    {
        get => _minSupport;
        set => _minSupport = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>The expected share of false findings among those raised, controlled by Benjamini–Hochberg within each test family (default 0.05).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double FalseDiscoveryRate
    {
        get => _falseDiscoveryRate;
        set => _falseDiscoveryRate = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be in (0, 1).");
    }

    /// <summary>The two-sided confidence of every interval: Wilson for rates, Newcombe for differences, the NPS margin (default 0.95).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double Confidence
    {
        get => _confidence;
        set => _confidence = value > 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be in (0, 1).");
    }

    /// <summary>The smallest absolute difference of rates (rate − baseline, or the lift) worth a finding (default 0.05).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
    public double MinimumEffect
    {
        get => _minimumEffect;
        set => _minimumEffect = value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be in [0, 1).");
    }

    /// <summary>How many of the most frequent path variants the report lists (default 10).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int TopVariants
    {
        get => _topVariants;
        set => _topVariants = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be zero or more.");
    }
}
