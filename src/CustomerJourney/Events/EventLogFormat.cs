namespace CustomerJourney.Events;

/// <summary>The file formats an event log can be read from and written to.</summary>
public enum EventLogFormat
{
    /// <summary>RFC 4180 comma-separated values, UTF-8, with a header row (extension <c>.csv</c>).</summary>
    Csv = 0,

    /// <summary>IEEE 1849 XES, the process-mining standard (extension <c>.xes</c>).</summary>
    Xes = 1,

    /// <summary>One JSON object per line (extension <c>.jsonl</c>); read and written by the CustomerJourney.Json package.</summary>
    JsonLines = 2,
}
