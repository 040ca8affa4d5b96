using System;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Analysis;

/// <summary>How <see cref="JourneyAnalyzer.Analyze"/> runs and what it counts. The defaults suit most logs.</summary>
/// <remarks>
/// Setters validate their value. Two statistics merge only when computed with the same thresholds, accuracy, outcome and
/// default channel. Not thread-safe while being configured; share it freely once set up.
/// </remarks>
public sealed class AnalyzerOptions
{
    private int _maxDegreeOfParallelism = 1;
    private int _maxEventsPerJourney = 1_000_000;
    private double _positiveThreshold = 0.2;
    private double _negativeThreshold = -0.2;
    private double _relativeAccuracy = DurationSketch.DefaultRelativeAccuracy;
    private string _defaultChannel = "default";
    private JourneyOutcome _outcome = JourneyOutcome.Conversion;

    /// <summary>Shared defaults. Do not mutate; create a new instance instead.</summary>
    internal static AnalyzerOptions Default { get; } = new();

    /// <summary>
    /// How many threads analyze customer partitions at once (default 1: everything runs on the calling thread, as CRM
    /// plug-ins require). The result is identical for every value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>Drop (the default) or keep events that repeat the previous event of their journey.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public DuplicatePolicy Duplicates
    {
        get;
        set => field = value is DuplicatePolicy.Drop or DuplicatePolicy.Keep ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined duplicate policy.");
    }

    /// <summary>
    /// The most events one journey may have (default 1,000,000; at least 1). A longer journey is a bot or a broken export:
    /// it is left out whole, its events counted as <see cref="RejectionReason.LimitExceeded"/> (lenient) or an
    /// <see cref="EventLogException"/> is thrown (strict).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxEventsPerJourney
    {
        get => _maxEventsPerJourney;
        set => _maxEventsPerJourney = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>
    /// Lenient (the default) leaves out and counts what the analysis cannot take: events whose stage or channel the map
    /// lacks, journeys over <see cref="MaxEventsPerJourney"/>. Strict throws an <see cref="EventLogException"/> at the first
    /// one instead, its line being the 1-based position of the event in the log. Duplicates follow <see cref="Duplicates"/> in both modes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public ErrorMode ErrorMode
    {
        get;
        set => field = value is ErrorMode.Strict or ErrorMode.Lenient ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined error mode.");
    } = ErrorMode.Lenient;

    /// <summary>The effective sentiment at or above which an event is positive and a journey lived a touchpoint well (default 0.2, within [0, 1]).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or not a number.</exception>
    public double PositiveThreshold
    {
        get => _positiveThreshold;
        set => _positiveThreshold = value >= 0.0 && value <= 1.0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be within [0, 1].");
    }

    /// <summary>The effective sentiment at or below which an event is negative and a journey lived a touchpoint badly (default −0.2, within [−1, 0]).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [−1, 0] or not a number.</exception>
    public double NegativeThreshold
    {
        get => _negativeThreshold;
        set => _negativeThreshold = value >= -1.0 && value <= 0.0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be within [-1, 0].");
    }

    /// <summary>The relative accuracy of the duration sketches (default 0.01, within (0, 0.5)): smaller is more precise and uses more buckets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 0.5) or not a number.</exception>
    public double SketchRelativeAccuracy
    {
        get => _relativeAccuracy;
        set => _relativeAccuracy = DurationSketch.ValidateAccuracy(value, nameof(value));
    }

    /// <summary>What counts as a journey that went well, for the experience × outcome tables (default <see cref="JourneyOutcome.Conversion"/>).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public JourneyOutcome Outcome
    {
        get => _outcome;
        set => _outcome = Guard.NotNull(value);
    }

    /// <summary>
    /// The channel whose activities are named by the bare stage (default <c>default</c>, as in <see cref="EventLogOptions.DefaultChannel"/>);
    /// on any other channel an activity is named <c>stage@channel</c>. Set it to the log's own default channel when that was changed.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string DefaultChannel
    {
        get => _defaultChannel;
        set => _defaultChannel = value is not null && !Guard.IsBlank(value) ? value : throw new ArgumentException("The default channel must not be empty.", nameof(value));
    }
}
