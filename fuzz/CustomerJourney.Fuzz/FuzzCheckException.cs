using System;

namespace CustomerJourney.Fuzz;

/// <summary>The library broke a promise it makes of any input (lenient and strict disagree, a round trip changes an event...).</summary>
internal sealed class FuzzCheckException : Exception
{
    public FuzzCheckException(string message)
        : base(message)
    {
    }

    public FuzzCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
