using System;

namespace CustomerJourney.Rendering;

/// <summary>How much of the statistics <see cref="StatisticsRenderer"/> shows; one object so that new choices never change a signature.</summary>
/// <remarks>
/// Defaults: <see cref="TopVariants"/> 10, <see cref="TopTransitions"/> 10, <see cref="DurationUnits"/> 2. A real log has
/// thousands of variants and hundreds of edges; a report people read shows the few that carry most journeys and counts
/// the rest. Not thread-safe while being changed; a renderer reads it once, at the start of a call, and never keeps it.
/// </remarks>
public sealed class StatisticsRenderOptions
{
    /// <summary>The default of <see cref="TopVariants"/> and <see cref="TopTransitions"/>.</summary>
    public const int DefaultTop = 10;

    /// <summary>The most units a duration may show: days, hours, minutes, seconds.</summary>
    public const int MaxDurationUnits = 4;

    private int _topVariants = DefaultTop;
    private int _topTransitions = DefaultTop;
    private int _durationUnits = 2;

    /// <summary>How many path variants the Markdown report lists, most frequent first; the others are counted in one line.</summary>
    /// <remarks>Default 10; at least 0 (0 lists none and only counts them).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int TopVariants
    {
        get => _topVariants;
        set => _topVariants = NotNegative(value);
    }

    /// <summary>
    /// How many directly-follows edges the Markdown report lists and the Mermaid flowchart draws, most frequent first
    /// (ties by from, then to, ordinally). The DOT graph always draws every edge: Graphviz lays out large graphs, Mermaid
    /// pages do not.
    /// </summary>
    /// <remarks>Default 10; at least 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int TopTransitions
    {
        get => _topTransitions;
        set => _topTransitions = NotNegative(value);
    }

    /// <summary>
    /// How many units a duration shows, largest first, the last one rounded: with 2, 200 s reads "3 min 20 s" and
    /// 187,230 s "2 d 4 h"; with 1, "3 min" and "2 d".
    /// </summary>
    /// <remarks>
    /// Default 2; from 1 to <see cref="MaxDurationUnits"/>. Units are d, h, min and s; a duration under a second is
    /// written in whole milliseconds ("450 ms"), whatever this says. Units with a zero count are left out ("1 h 5 s").
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to <see cref="MaxDurationUnits"/>.</exception>
    public int DurationUnits
    {
        get => _durationUnits;
        set
        {
            if (value < 1 || value > MaxDurationUnits)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"A duration shows 1 to {MaxDurationUnits} units.");
            }

            _durationUnits = value;
        }
    }

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be zero or more.");
}
