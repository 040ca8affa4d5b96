using System;

namespace CustomerJourney.Rendering;

/// <summary>How <see cref="ReportRenderer"/> presents a diagnosis; one object so that new choices never change a signature.</summary>
/// <remarks>
/// Defaults: <see cref="Title"/> null (the map's name), <see cref="MaxFindings"/> 100, <see cref="Confidence"/> 0.95. Not
/// thread-safe while being changed; a renderer reads it once, at the start of a call, and never keeps it.
/// </remarks>
public sealed class ReportRenderOptions
{
    private int _maxFindings = 100;
    private double _confidence = 0.95;

    /// <summary>The report's title; null for "Diagnosis: " and the map's name (or "Journey diagnosis" for an unnamed map).</summary>
    public string? Title { get; set; }

    /// <summary>How many findings the findings table lists, in the report's order; the others are counted in one line.</summary>
    /// <remarks>Default 100; 0 lists none. The heatmap marks every finding whatever this says.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxFindings
    {
        get => _maxFindings;
        set => _maxFindings = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxFindings must be 0 or more.");
    }

    /// <summary>The confidence of the interval drawn around each stage's mean sentiment on the emotion curve.</summary>
    /// <remarks>
    /// Default 0.95, between 0.5 and 0.999. The interval bounds the variance rather than estimating it (statistics keep sums,
    /// not squares): it is never narrower than the usual one. Findings and NPS keep the intervals of the diagnosis.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0.5, 0.999] or NaN.</exception>
    public double Confidence
    {
        get => _confidence;
        set => _confidence = value is >= 0.5 and <= 0.999
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Confidence must be between 0.5 and 0.999.");
    }
}
