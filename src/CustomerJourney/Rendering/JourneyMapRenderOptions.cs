using System;
using CustomerJourney.Analysis;

namespace CustomerJourney.Rendering;

/// <summary>How <see cref="JourneyMapRenderer"/> presents a map; one object so that new choices never change a signature.</summary>
/// <remarks>
/// Defaults: <see cref="IncludeDesiredExperience"/> true, <see cref="MaxTextColumnWidth"/> 24,
/// <see cref="ObservedStatistics"/> null. Not thread-safe while
/// being changed; a renderer reads it once, at the start of a call, and never keeps it.
/// </remarks>
public sealed class JourneyMapRenderOptions
{
    /// <summary>The smallest <see cref="MaxTextColumnWidth"/>: room for a symbol and a signed value such as "✗ -0.25".</summary>
    public const int MinTextColumnWidth = 8;

    private int _maxTextColumnWidth = 24;

    /// <summary>Whether grid cells show the desired experience next to the touchpoint symbol (Markdown and text).</summary>
    /// <remarks>
    /// Default true. The Mermaid diagram scores from it whatever this says, unless <see cref="ObservedStatistics"/> has an
    /// observed sentiment for the touchpoint.
    /// </remarks>
    public bool IncludeDesiredExperience { get; set; } = true;

    /// <summary>
    /// Statistics of what customers lived on this map, so that the map shows the received experience next to the desired
    /// one: the gap tells where to act.
    /// </summary>
    /// <remarks>
    /// Default null: the map alone. When set, each touchpoint is looked up by stage id and channel id among
    /// <see cref="JourneyStatistics.Touchpoints"/>, and its mean effective sentiment, when some event has one, is
    /// shown in Markdown cells ("✓ +0.5 (observed -0.12)") and scores the Mermaid task instead of the desired
    /// experience. Statistics analyzed against another map simply match fewer touchpoints. The text grid ignores it.
    /// </remarks>
    public JourneyStatistics? ObservedStatistics { get; set; }

    /// <summary>The widest a column of the plain-text grid may grow, in characters; longer names are cut with an ellipsis.</summary>
    /// <remarks>
    /// Default 24; at least <see cref="MinTextColumnWidth"/>. Widths count UTF-16 code units, so East Asian wide
    /// characters and emoji make a row look wider than its neighbours.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is below <see cref="MinTextColumnWidth"/>.</exception>
    public int MaxTextColumnWidth
    {
        get => _maxTextColumnWidth;
        set
        {
            if (value < MinTextColumnWidth)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The column width must be at least {MinTextColumnWidth}.");
            }

            _maxTextColumnWidth = value;
        }
    }
}
