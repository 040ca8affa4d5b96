using System;
using System.Runtime.CompilerServices;

namespace CustomerJourney.Json.Internal;

/// <summary>Argument checks for the public entry points (the core's own guard is not part of its public contract).</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
#if NET6_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
#else
        return value ?? throw new ArgumentNullException(name);
#endif
    }

    public static string NotEmpty(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotNull(value, name);
        return value!.Length == 0 ? throw new ArgumentException("Must not be empty.", name) : value;
    }
}
