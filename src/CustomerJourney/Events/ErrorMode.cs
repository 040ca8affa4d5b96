namespace CustomerJourney.Events;

/// <summary>What a reader does with an input it cannot accept.</summary>
public enum ErrorMode
{
    /// <summary>Throw an <see cref="EventLogException"/> naming the source, line and field at the first bad input (the default).</summary>
    Strict = 0,

    /// <summary>Skip the bad input, count it by reason and keep the first examples in <see cref="EventLog.Rejections"/>.</summary>
    Lenient = 1,
}
