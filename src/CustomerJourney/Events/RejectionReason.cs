namespace CustomerJourney.Events;

/// <summary>Why an input row or event was not taken into a log or an analysis.</summary>
public enum RejectionReason
{
    /// <summary>The row cannot be parsed at all (unterminated quote, wrong number of fields, invalid encoding, broken XML).</summary>
    Malformed = 0,

    /// <summary>A required field (customer, timestamp, stage or activity) is missing or empty.</summary>
    MissingField = 1,

    /// <summary>The timestamp cannot be parsed.</summary>
    InvalidTimestamp = 2,

    /// <summary>The timestamp has no UTC offset and no time zone was named to interpret it.</summary>
    TimestampWithoutOffset = 3,

    /// <summary>A score is outside its range: sentiment [-1, 1], rating 1–5, NPS 0–10, or not a number.</summary>
    OutOfRange = 4,

    /// <summary>A value is not one of those allowed (status other than completed, failed, abandoned).</summary>
    InvalidValue = 5,

    /// <summary>The stage is not in the journey map.</summary>
    UnknownStage = 6,

    /// <summary>The channel is not in the journey map.</summary>
    UnknownChannel = 7,

    /// <summary>The same customer, time, touchpoint and status as the event before it: dropped as a duplicate.</summary>
    Duplicate = 8,

    /// <summary>A configured limit is exceeded (field length, events per journey, distinct values).</summary>
    LimitExceeded = 9,
}
