using System;

namespace CustomerJourney.Events;

/// <summary>
/// The names of the CSV columns (and JSON Lines properties) the readers interpret, for files whose headers differ from
/// the defaults. Every other column is an attribute.
/// </summary>
/// <remarks>
/// <para>Names are matched exactly (ordinal, case-sensitive). Defaults: <c>customer_id</c>, <c>timestamp</c>, <c>stage</c>,
/// <c>channel</c>, <c>concept:name</c> (activity), <c>sentiment</c>, <c>rating</c>, <c>emotion</c>, <c>nps</c>,
/// <c>status</c>, <c>segment</c>, <c>effort</c>.</para>
/// <para>Process-mining exports work without configuration: when the customer or timestamp column is absent,
/// <c>case:concept:name</c> and <c>time:timestamp</c> (pm4py's names) are used; when the stage column is absent, the
/// <see cref="Activity"/> column is, split as <c>stage@channel</c> at its last <c>@</c> (or on the
/// <see cref="EventLogOptions.DefaultChannel"/>) unless a channel column is present.</para>
/// <para>Setters validate. Not thread-safe while being configured; share it freely once set up.</para>
/// </remarks>
public sealed class EventColumns
{
    private string _customerId = "customer_id";
    private string _timestamp = "timestamp";
    private string _stage = "stage";
    private string _channel = "channel";
    private string _activity = "concept:name";
    private string _sentiment = "sentiment";
    private string _rating = "rating";
    private string _emotion = "emotion";
    private string _nps = "nps";
    private string _status = "status";
    private string _segment = "segment";
    private string _effort = "effort";

    /// <summary>Creates the default names, those of the documented CSV format.</summary>
    public EventColumns()
    {
    }

    /// <summary>The customer (case) column; default <c>customer_id</c>, falling back to <c>case:concept:name</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string CustomerId { get => _customerId; set => _customerId = Check(value); }

    /// <summary>The timestamp column; default <c>timestamp</c>, falling back to <c>time:timestamp</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Timestamp { get => _timestamp; set => _timestamp = Check(value); }

    /// <summary>The stage column; default <c>stage</c>. When absent, <see cref="Activity"/> is used.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Stage { get => _stage; set => _stage = Check(value); }

    /// <summary>The channel column; default <c>channel</c>. Required with a stage column, optional with an activity column.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Channel { get => _channel; set => _channel = Check(value); }

    /// <summary>The activity column used when there is no stage column; default <c>concept:name</c> (pm4py, XES).</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Activity { get => _activity; set => _activity = Check(value); }

    /// <summary>The sentiment column, a number in [-1, 1]; default <c>sentiment</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Sentiment { get => _sentiment; set => _sentiment = Check(value); }

    /// <summary>The rating column, an integer 1–5; default <c>rating</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Rating { get => _rating; set => _rating = Check(value); }

    /// <summary>The customer-effort column, an integer 1–7 (7: the easiest); default <c>effort</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Effort { get => _effort; set => _effort = Check(value); }

    /// <summary>The emotion column, a label; default <c>emotion</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Emotion { get => _emotion; set => _emotion = Check(value); }

    /// <summary>The NPS column, an integer 0–10; default <c>nps</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Nps { get => _nps; set => _nps = Check(value); }

    /// <summary>The status column (<c>completed</c>, <c>failed</c>, <c>abandoned</c>, any case); default <c>status</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Status { get => _status; set => _status = Check(value); }

    /// <summary>The segment column, a label; default <c>segment</c>.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public string Segment { get => _segment; set => _segment = Check(value); }

    /// <summary>pm4py's case column, used when the customer column is absent.</summary>
    internal const string ProcessMiningCase = "case:concept:name";

    /// <summary>pm4py's timestamp column, used when the timestamp column is absent.</summary>
    internal const string ProcessMiningTimestamp = "time:timestamp";

    private static string Check(string value, [System.Runtime.CompilerServices.CallerMemberName] string? property = null) =>
        !string.IsNullOrEmpty(value) ? value : throw new ArgumentException($"The {property} column name must not be empty.", nameof(value));
}
