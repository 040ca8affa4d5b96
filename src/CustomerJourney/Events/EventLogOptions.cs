using System;

namespace CustomerJourney.Events;

/// <summary>How event logs are read and checked. Every reader takes one; the defaults suit most logs.</summary>
/// <remarks>Setters validate their value. Not thread-safe while being configured; share it freely once set up.</remarks>
public sealed class EventLogOptions
{
    private int _maxExamplesPerReason = 5;
    private int _maxFieldLength = 64 * 1024;
    private int _maxDistinctTouchpoints = DefaultMaxDistinctTouchpoints;
    private int _maxDegreeOfParallelism = 1;
    private string _defaultChannel = "default";

    /// <summary>The default of <see cref="MaxDistinctTouchpoints"/>: 10,000.</summary>
    public const int DefaultMaxDistinctTouchpoints = 10_000;

    /// <summary>Shared defaults: strict, no map, no assumed time zone. Do not mutate; create a new instance instead.</summary>
    internal static EventLogOptions Default { get; } = new();

    /// <summary>Strict (the default) throws at the first bad input; lenient counts it in <see cref="EventLog.Rejections"/> and goes on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public ErrorMode ErrorMode
    {
        get;
        set => field = value is ErrorMode.Strict or ErrorMode.Lenient ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Undefined error mode.");
    }

    /// <summary>
    /// The time zone of timestamps written without a UTC offset. Null (the default) rejects them: a wall-clock time
    /// without a zone is ambiguous, and guessing silently shifts durations and orders.
    /// </summary>
    public TimeZoneInfo? AssumedTimeZone { get; set; }

    /// <summary>
    /// The map events must fit: a stage or channel it does not know is bad input (<see cref="RejectionReason.UnknownStage"/>,
    /// <see cref="RejectionReason.UnknownChannel"/>). Null (the default) accepts any stage and channel.
    /// </summary>
    public JourneyMap? Map { get; set; }

    /// <summary>Whether columns or attributes the library does not interpret are kept on the events (default true).</summary>
    public bool KeepAttributes { get; set; } = true;

    /// <summary>The channel of events whose activity names no channel (default <c>default</c>).</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string DefaultChannel
    {
        get => _defaultChannel;
        set => _defaultChannel = value is not null && !Internal.Guard.IsBlank(value) ? value : throw new ArgumentException("The default channel must not be empty.", nameof(value));
    }

    /// <summary>The names of the columns (CSV) and properties (JSON Lines) the readers interpret; the defaults follow the documented format.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public EventColumns Columns
    {
        get => field ??= new EventColumns();
        set => field = Internal.Guard.NotNull(value);
    }

    /// <summary>How many examples of each rejection reason are kept (default 5, at least 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxExamplesPerReason
    {
        get => _maxExamplesPerReason;
        set => _maxExamplesPerReason = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be zero or more.");
    }

    /// <summary>The longest field accepted, in characters (default 65,536): longer is <see cref="RejectionReason.LimitExceeded"/>, so a broken file cannot exhaust memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxFieldLength
    {
        get => _maxFieldLength;
        set => _maxFieldLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>
    /// The most distinct touchpoints (stage × channel pairs, the activities of a process-mining log) a log may have
    /// (default <see cref="DefaultMaxDistinctTouchpoints"/>, at least 1).
    /// </summary>
    /// <remarks>
    /// <para>A journey has tens of stages on a handful of channels, and the largest public process-mining logs a few hundred
    /// activities; a log with tens of thousands is an export gone wrong (an id or a timestamp in the activity column), and
    /// the analysis keeps statistics for every stage × channel cell, so it is stopped here, while reading, rather than run
    /// out of memory later.</para>
    /// <para>The first row that would add one touchpoint too many is <see cref="RejectionReason.LimitExceeded"/>, naming the
    /// file, its line and the stage (or activity) field: strict mode throws an <see cref="EventLogException"/>, lenient mode
    /// skips the row and every later row with another new touchpoint, and keeps the rows of the touchpoints already seen.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDistinctTouchpoints
    {
        get => _maxDistinctTouchpoints;
        set => _maxDistinctTouchpoints = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>
    /// How many threads parse a CSV, JSON Lines or XES input at once (default 1: everything runs on the calling thread, as
    /// CRM plug-ins require). The log is identical for every value: same ids, events, rejections and lines.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }
}
