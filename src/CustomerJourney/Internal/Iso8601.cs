using System;

namespace CustomerJourney.Internal;

/// <summary>
/// Formats an instant and offset as <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm</c>, trailing fractional zeros trimmed:
/// culture-free and byte-identical on every target, for the writers.
/// </summary>
internal static class Iso8601
{
    /// <summary>The longest text written: 33 bytes.</summary>
    public const int MaxLength = 33;

    /// <summary>Writes the local time (UTC + offset) with its offset into <paramref name="buffer"/> at <paramref name="start"/>; returns the length.</summary>
    public static int Format(long utcTicks, int offsetMinutes, byte[] buffer, int start)
    {
        var local = new DateTime(utcTicks + (offsetMinutes * TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        var p = start;
        Put(buffer, ref p, local.Year, 4);
        buffer[p++] = (byte)'-';
        Put(buffer, ref p, local.Month, 2);
        buffer[p++] = (byte)'-';
        Put(buffer, ref p, local.Day, 2);
        buffer[p++] = (byte)'T';
        Put(buffer, ref p, local.Hour, 2);
        buffer[p++] = (byte)':';
        Put(buffer, ref p, local.Minute, 2);
        buffer[p++] = (byte)':';
        Put(buffer, ref p, local.Second, 2);
        var fraction = (int)(local.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            buffer[p++] = (byte)'.';
            Put(buffer, ref p, fraction, digits);
        }

        buffer[p++] = offsetMinutes < 0 ? (byte)'-' : (byte)'+';
        var abs = Math.Abs(offsetMinutes);
        Put(buffer, ref p, abs / 60, 2);
        buffer[p++] = (byte)':';
        Put(buffer, ref p, abs % 60, 2);
        return p - start;
    }

    /// <summary>The text as a string (for XML writers).</summary>
    public static string ToString(long utcTicks, int offsetMinutes)
    {
        var buffer = new byte[MaxLength];
        var n = Format(utcTicks, offsetMinutes, buffer, 0);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, n);
    }

    private static void Put(byte[] buffer, ref int p, int value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            buffer[p + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        p += digits;
    }
}
