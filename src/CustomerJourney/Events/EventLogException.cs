using System;
using System.Globalization;

namespace CustomerJourney.Events;

/// <summary>
/// An event log cannot be read: the message names the source, the line (or trace and event index) and the field,
/// e.g. <c>events.csv: line 12, field 'sentiment': 1.5 is outside [-1, 1]</c>.
/// </summary>
public sealed class EventLogException : Exception
{
    /// <summary>Creates the exception for one bad input.</summary>
    /// <param name="reason">The kind of problem.</param>
    /// <param name="detail">What is wrong, in a few words.</param>
    /// <param name="sourceName">The file or stream; null when unknown.</param>
    /// <param name="line">The 1-based line (CSV, JSON Lines) or event position (XES); 0 when unknown.</param>
    /// <param name="field">The field or attribute; null when the whole row is at fault.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public EventLogException(RejectionReason reason, string detail, string? sourceName = null, long line = 0, string? field = null, Exception? innerException = null)
        : base(Format(detail, sourceName, line, field), innerException)
    {
        Reason = reason;
        Detail = detail ?? string.Empty;
        SourceName = sourceName;
        Line = line;
        Field = field;
    }

    /// <summary>The kind of problem.</summary>
    public RejectionReason Reason { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    /// <summary>The file or stream; null when unknown.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line (CSV, JSON Lines) or event position (XES); 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>The field or attribute; null when the whole row is at fault.</summary>
    public string? Field { get; }

    internal static string Format(string detail, string? sourceName, long line, string? field)
    {
        var where = sourceName ?? "<input>";
        if (line > 0)
        {
            where += ": line " + line.ToString(CultureInfo.InvariantCulture);
        }

        if (field is not null)
        {
            where += (line > 0 ? ", " : ": ") + "field '" + field + "'";
        }

        return where + ": " + detail;
    }
}
