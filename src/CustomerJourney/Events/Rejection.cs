namespace CustomerJourney.Events;

/// <summary>One input that was not taken, with where it was and why.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class Rejection
{
    internal Rejection(RejectionReason reason, string detail, string? sourceName, long line, string? field)
    {
        Reason = reason;
        Detail = detail;
        SourceName = sourceName;
        Line = line;
        Field = field;
    }

    /// <summary>The kind of problem.</summary>
    public RejectionReason Reason { get; }

    /// <summary>What was wrong.</summary>
    public string Detail { get; }

    /// <summary>The file or stream; null when unknown.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line or event position; 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>The field; null when the whole row was at fault.</summary>
    public string? Field { get; }

    /// <summary>The same text an <see cref="EventLogException"/> would carry.</summary>
    public override string ToString() => EventLogException.Format(Detail, SourceName, Line, Field);
}
