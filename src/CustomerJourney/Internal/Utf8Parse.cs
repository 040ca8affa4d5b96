using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerJourney.Internal;

/// <summary>Outcome of parsing a timestamp.</summary>
internal enum TimestampParse
{
    Invalid = 0,
    Ok = 1,
    NoOffset = 2,
}

/// <summary>Outcome of parsing a number.</summary>
internal enum NumberParse
{
    Invalid = 0,
    Ok = 1,
    NotFinite = 2,
}

/// <summary>
/// Hand-written parsers over UTF-8 bytes, shared by every reader: UTF-8 validation, ISO 8601 timestamps and invariant
/// decimal numbers. None allocates on the common path, and none depends on the current culture.
/// </summary>
internal static class Utf8Parse
{
    private static readonly int[] s_daysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
    private static readonly int[] s_daysToMonth366 = { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };
    private static readonly double[] s_powersOf10 =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /// <summary>What a fraction of n digits is multiplied by to give ticks (seven digits).</summary>
    private static readonly long[] s_fractionScale = { 0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

    /// <summary>Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).</summary>
    public static bool IsValidUtf8(byte[] b, int start, int length)
    {
        var i = start;
        var end = start + length;
        while (i < end)
        {
            var c = b[i];
            if (c < 0x80)
            {
                i++;
                continue;
            }

            int need;
            int min;
            if ((c & 0xE0) == 0xC0)
            {
                need = 1;
                min = 0x80;
            }
            else if ((c & 0xF0) == 0xE0)
            {
                need = 2;
                min = 0x800;
            }
            else if ((c & 0xF8) == 0xF0)
            {
                need = 3;
                min = 0x10000;
            }
            else
            {
                return false;
            }

            if (i + need >= end)
            {
                return false;
            }

            var cp = c & (0x3F >> need);
            for (var k = 1; k <= need; k++)
            {
                var cc = b[i + k];
                if ((cc & 0xC0) != 0x80)
                {
                    return false;
                }

                cp = (cp << 6) | (cc & 0x3F);
            }

            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                return false;
            }

            i += need + 1;
        }

        return true;
    }

    /// <summary>The number of UTF-16 chars the (valid) UTF-8 bytes decode to.</summary>
    public static int CharCount(byte[] b, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = b[i];
            if ((c & 0xC0) != 0x80)
            {
                n += c >= 0xF0 ? 2 : 1;
            }
        }

        return n;
    }

    /// <summary>Trims ASCII spaces and tabs.</summary>
    public static void Trim(byte[] b, ref int start, ref int length)
    {
        while (length > 0 && (b[start] == (byte)' ' || b[start] == (byte)'\t'))
        {
            start++;
            length--;
        }

        while (length > 0 && (b[start + length - 1] == (byte)' ' || b[start + length - 1] == (byte)'\t'))
        {
            length--;
        }
    }

    /// <summary>
    /// Parses <c>yyyy-MM-dd[T| ]HH:mm[:ss[.fffffff]][Z|±hh:mm|±hhmm|±hh]</c>. Gives the local (wall-clock) ticks and, when
    /// the text has one, the offset in minutes.
    /// </summary>
    public static TimestampParse ParseTimestamp(byte[] b, int start, int length, out long localTicks, out int offsetMinutes)
    {
        Trim(b, ref start, ref length);
        return TryParseCommonTimestamp(b, start, length, out localTicks, out offsetMinutes, out var result)
            ? result
            : ParseTimestampGeneral(b, start, length, out localTicks, out offsetMinutes);
    }

    /// <summary>
    /// The layouts nearly every log writes, <c>yyyy-MM-dd[T| ]HH:mm:ss[.fffffff][Z|±hh:mm]</c> (trimmed), in straight-line
    /// code, as every row of a log pays for its timestamp. False for anything else, out of range fields included: the general
    /// parser alone decides every other case (and every rejection), so the fast path can only ever agree with it.
    /// </summary>
    internal static bool TryParseCommonTimestamp(byte[] b, int start, int length, out long localTicks, out int offsetMinutes, out TimestampParse result)
    {
        // Nothing here can overflow (fields of at most four digits), and the checked build's overflow tests would cost a sixth of the time.
        unchecked
        {
            localTicks = 0;
            offsetMinutes = 0;
            result = TimestampParse.Invalid;
            if (length < 19)
            {
                return false;
            }

            // yyyy-MM-ddTHH:mm:ss as three words (bytes 0-7, 8-15 and 11-18): the twelve digits checked at once, each
            // field computed with shifts, no branch per character and no bounds check per byte.
            var a = LittleEndian.Read64(b, start); // yyyy-MM-
            var m = LittleEndian.Read64(b, start + 8); // ddTHH:mm
            var c = LittleEndian.Read64(b, start + 11); // HH:mm:ss
            if (!AllDigits(a, 0x00FFFF00FFFFFFFFul) || !AllDigits(m, 0xFFFF00FFFF00FFFFul) || !AllDigits(c, 0xFFFF000000000000ul)
                || (a & 0xFF0000FF00000000ul) != 0x2D00002D00000000ul // '-' at 4 and 7
                || (m & 0x0000FF0000000000ul) != 0x00003A0000000000ul // ':' at 13
                || (c & 0x0000FF0000000000ul) != 0x00003A0000000000ul) // ':' at 16
            {
                return false;
            }

            var t = (byte)(m >> 16);
            if (t != (byte)'T' && t != (byte)' ' && t != (byte)'t')
            {
                return false;
            }

            var year = (Digit(a, 0) * 1000) + (Digit(a, 1) * 100) + (Digit(a, 2) * 10) + Digit(a, 3);
            var month = (Digit(a, 5) * 10) + Digit(a, 6);
            var day = (Digit(m, 0) * 10) + Digit(m, 1);
            var hour = (Digit(m, 3) * 10) + Digit(m, 4);
            var minute = (Digit(m, 6) * 10) + Digit(m, 7);
            var second = (Digit(c, 6) * 10) + Digit(c, 7);

            var end = start + length;
            var i = start + 19;
            long fraction = 0;
            if (i < end && (b[i] == (byte)'.' || b[i] == (byte)','))
            {
                i++;
                var digits = 0;
                while (i < end && IsDigit(b[i]))
                {
                    if (++digits > 7)
                    {
                        return false;
                    }

                    fraction = (fraction * 10) + (b[i] - (byte)'0');
                    i++;
                }

                if (digits == 0)
                {
                    return false;
                }

                fraction *= s_fractionScale[digits];
            }

            if (!TryLocalTicks(year, month, day, hour, minute, second, fraction, out localTicks))
            {
                return false;
            }

            var rest = end - i;
            if (rest == 0)
            {
                result = TimestampParse.NoOffset;
                return true;
            }

            if (rest == 1 && (b[i] == (byte)'Z' || b[i] == (byte)'z'))
            {
                result = TimestampParse.Ok;
                return true;
            }

            if (rest != 6 || (b[i] != (byte)'+' && b[i] != (byte)'-') || b[i + 3] != (byte)':')
            {
                return false;
            }

            var offsetHours = TwoDigits(b, i + 1);
            var offsetMins = TwoDigits(b, i + 4);
            if ((offsetHours | offsetMins) < 0 || offsetHours > 14 || offsetMins > 59 || (offsetHours * 60) + offsetMins > 14 * 60)
            {
                return false;
            }

            offsetMinutes = (b[i] == (byte)'-' ? -1 : 1) * ((offsetHours * 60) + offsetMins);
            var utc = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
            if (utc < 0 || utc > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            result = TimestampParse.Ok;
            return true;
        }
    }

    /// <summary>
    /// <see cref="ParseTimestamp"/> for every layout it accepts; a separate method so that tests can hold the common
    /// layouts' fast path to it.
    /// </summary>
    internal static TimestampParse ParseTimestampGeneral(byte[] b, int start, int length, out long localTicks, out int offsetMinutes)
    {
        localTicks = 0;
        offsetMinutes = 0;
        Trim(b, ref start, ref length);
        var end = start + length;
        var i = start;
        if (!Digits(b, ref i, end, 4, out var year) || !Expect(b, ref i, end, (byte)'-') || !Digits(b, ref i, end, 2, out var month)
            || !Expect(b, ref i, end, (byte)'-') || !Digits(b, ref i, end, 2, out var day))
        {
            return TimestampParse.Invalid;
        }

        if (i >= end || (b[i] != (byte)'T' && b[i] != (byte)'t' && b[i] != (byte)' '))
        {
            return TimestampParse.Invalid;
        }

        i++;
        if (!Digits(b, ref i, end, 2, out var hour) || !Expect(b, ref i, end, (byte)':') || !Digits(b, ref i, end, 2, out var minute))
        {
            return TimestampParse.Invalid;
        }

        var second = 0;
        long fraction = 0;
        if (i < end && b[i] == (byte)':')
        {
            i++;
            if (!Digits(b, ref i, end, 2, out second))
            {
                return TimestampParse.Invalid;
            }

            if (i < end && (b[i] == (byte)'.' || b[i] == (byte)','))
            {
                i++;
                var digits = 0;
                while (i < end && IsDigit(b[i]))
                {
                    if (++digits > 7)
                    {
                        return TimestampParse.Invalid;
                    }

                    fraction = (fraction * 10) + (b[i] - (byte)'0');
                    i++;
                }

                if (digits == 0)
                {
                    return TimestampParse.Invalid;
                }

                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }
            }
        }

        if (!TryLocalTicks(year, month, day, hour, minute, second, fraction, out localTicks))
        {
            return TimestampParse.Invalid;
        }

        if (i == end)
        {
            return TimestampParse.NoOffset;
        }

        if (b[i] == (byte)'Z' || b[i] == (byte)'z')
        {
            return i + 1 == end ? TimestampParse.Ok : TimestampParse.Invalid;
        }

        int sign;
        if (b[i] == (byte)'+')
        {
            sign = 1;
        }
        else if (b[i] == (byte)'-')
        {
            sign = -1;
        }
        else
        {
            return TimestampParse.Invalid;
        }

        i++;
        if (!Digits(b, ref i, end, 2, out var offsetHours))
        {
            return TimestampParse.Invalid;
        }

        var offsetMins = 0;
        if (i < end)
        {
            if (b[i] == (byte)':')
            {
                i++;
            }

            if (!Digits(b, ref i, end, 2, out offsetMins) || i != end)
            {
                return TimestampParse.Invalid;
            }
        }

        if (offsetHours > 14 || offsetMins > 59 || (offsetHours * 60) + offsetMins > 14 * 60)
        {
            return TimestampParse.Invalid;
        }

        offsetMinutes = sign * ((offsetHours * 60) + offsetMins);
        var utc = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        return utc >= 0 && utc <= DateTime.MaxValue.Ticks ? TimestampParse.Ok : TimestampParse.Invalid;
    }

    /// <summary>The wall-clock ticks of a date and time, or false when a field is out of range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // every row's timestamp: no call
    private static bool TryLocalTicks(int year, int month, int day, int hour, int minute, int second, long fraction, out long localTicks)
    {
        // Nothing can overflow with years up to 9999: no checked-build overflow tests on every row's timestamp.
        unchecked
        {
            localTicks = 0;
            if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            var leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
            var days = leap ? s_daysToMonth366 : s_daysToMonth365;
            if (day < 1 || day > days[month] - days[month - 1])
            {
                return false;
            }

            var y = year - 1;
            long dayNumber = (y * 365) + (y / 4) - (y / 100) + (y / 400) + days[month - 1] + day - 1;
            localTicks = (dayNumber * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
                         + (second * TimeSpan.TicksPerSecond) + fraction;
            return true;
        }
    }

    /// <summary>Whether every byte of <paramref name="word"/> under <paramref name="mask"/> is an ASCII digit.</summary>
    /// <remarks>
    /// A byte is a digit when its xor with '0' is at most 9: no bit above the low four, and none either after adding 6.
    /// A carry out of a lower byte can only make a digit look invalid (then the general parser decides), never the reverse:
    /// the byte's own high bits are tested before the addition too.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllDigits(ulong word, ulong mask)
    {
        unchecked
        {
            var d = word ^ 0x3030303030303030ul;
            return ((d | (d + 0x0606060606060606ul)) & 0xF0F0F0F0F0F0F0F0ul & mask) == 0;
        }
    }

    /// <summary>The value of the digit at byte <paramref name="index"/> of a word checked by <see cref="AllDigits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(ulong word, int index) => (int)((word >> (8 * index)) & 0xF);

    /// <summary>Two ASCII digits as a number, or a negative number when either is not a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TwoDigits(byte[] b, int i)
    {
        unchecked
        {
            var high = b[i] - '0';
            var low = b[i + 1] - '0';
            // Negative exactly when a byte is below '0' or above '9': one sign test instead of four comparisons.
            var outside = (high | low | (9 - high) | (9 - low)) >> 31;
            return ((high * 10) + low) | outside;
        }
    }

    /// <summary>Parses an invariant decimal number (sign, digits, point, exponent) as a correctly rounded single.</summary>
    public static NumberParse ParseSingle(byte[] b, int start, int length, out float value)
    {
        var result = ParseDecimal(b, start, length, out var d, out var significantDigits);
        if (result == NumberParse.Ok && significantDigits > 7)
        {
            // More digits than the double-then-single path rounds correctly: let the framework do it.
            result = ParseSingleSlow(b, start, length, out value);
            return result == NumberParse.Ok && (float.IsNaN(value) || float.IsInfinity(value)) ? NumberParse.NotFinite : result;
        }

        value = (float)d;
        return result == NumberParse.Ok && float.IsInfinity(value) ? NumberParse.NotFinite : result;
    }

    /// <summary>Parses an invariant decimal number as a double (exact for integers, correctly rounded on the fast path).</summary>
    public static NumberParse ParseDouble(byte[] b, int start, int length, out double value)
    {
        var result = ParseDecimal(b, start, length, out value, out var significantDigits);
        if (result == NumberParse.Ok && significantDigits > 15)
        {
            result = ParseDoubleSlow(b, start, length, out value);
        }

        return result;
    }

    private static NumberParse ParseDecimal(byte[] b, int start, int length, out double value, out int significantDigits)
    {
        value = 0;
        significantDigits = 0;
        Trim(b, ref start, ref length);
        var end = start + length;
        var i = start;
        var negative = false;
        if (i < end && (b[i] == (byte)'-' || b[i] == (byte)'+'))
        {
            negative = b[i] == (byte)'-';
            i++;
        }

        if (i < end && !IsDigit(b[i]) && b[i] != (byte)'.')
        {
            // NaN, Infinity, inf and friends: not numbers we accept, but worth telling apart from garbage.
            return IsNonFiniteWord(b, i, end) ? NumberParse.NotFinite : NumberParse.Invalid;
        }

        ulong mantissa = 0;
        var scale = 0;
        var anyDigit = false;
        var exactDigits = 0;
        var dropped = false;
        while (i < end && IsDigit(b[i]))
        {
            Accumulate(b[i], ref mantissa, ref exactDigits, ref significantDigits, ref scale, ref dropped, integerPart: true);
            anyDigit = true;
            i++;
        }

        if (i < end && b[i] == (byte)'.')
        {
            i++;
            while (i < end && IsDigit(b[i]))
            {
                Accumulate(b[i], ref mantissa, ref exactDigits, ref significantDigits, ref scale, ref dropped, integerPart: false);
                anyDigit = true;
                i++;
            }
        }

        if (!anyDigit)
        {
            return NumberParse.Invalid;
        }

        if (i < end && (b[i] == (byte)'e' || b[i] == (byte)'E'))
        {
            i++;
            var expNegative = false;
            if (i < end && (b[i] == (byte)'-' || b[i] == (byte)'+'))
            {
                expNegative = b[i] == (byte)'-';
                i++;
            }

            if (i >= end)
            {
                return NumberParse.Invalid;
            }

            var exp = 0;
            while (i < end && IsDigit(b[i]))
            {
                exp = Math.Min((exp * 10) + (b[i] - (byte)'0'), 100000);
                i++;
            }

            scale += expNegative ? -exp : exp;
        }

        if (i != end)
        {
            return NumberParse.Invalid;
        }

        if (dropped)
        {
            significantDigits = int.MaxValue; // beyond 19 digits: the slow path decides
        }

        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return NumberParse.Ok;
        }

        if (scale < -22 || scale > 22 || mantissa > (1UL << 53))
        {
            significantDigits = int.MaxValue;
            value = 0;
            return NumberParse.Ok;
        }

        value = scale < 0 ? mantissa / s_powersOf10[-scale] : mantissa * s_powersOf10[scale];
        if (negative)
        {
            value = -value;
        }

        return NumberParse.Ok;
    }

    private static void Accumulate(byte digit, ref ulong mantissa, ref int exactDigits, ref int significantDigits, ref int scale, ref bool dropped, bool integerPart)
    {
        var d = (uint)(digit - (byte)'0');
        if (mantissa == 0 && d == 0)
        {
            if (!integerPart)
            {
                scale--;
            }

            return;
        }

        significantDigits++;
        if (exactDigits < 19)
        {
            mantissa = (mantissa * 10) + d;
            exactDigits++;
            if (!integerPart)
            {
                scale--;
            }
        }
        else
        {
            dropped |= d != 0;
            if (integerPart)
            {
                scale++;
            }
        }
    }

    private static NumberParse ParseSingleSlow(byte[] b, int start, int length, out float value)
    {
#if NET
        return float.TryParse(new ReadOnlySpan<byte>(b, start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            ? NumberParse.Ok
            : NumberParse.Invalid;
#else
        var text = System.Text.Encoding.UTF8.GetString(b, start, length);
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) ? NumberParse.Ok : NumberParse.Invalid;
#endif
    }

    private static NumberParse ParseDoubleSlow(byte[] b, int start, int length, out double value)
    {
#if NET
        var ok = double.TryParse(new ReadOnlySpan<byte>(b, start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#else
        var ok = double.TryParse(System.Text.Encoding.UTF8.GetString(b, start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
#endif
        return !ok ? NumberParse.Invalid : double.IsNaN(value) || double.IsInfinity(value) ? NumberParse.NotFinite : NumberParse.Ok;
    }

    private static bool IsNonFiniteWord(byte[] b, int i, int end)
    {
        var n = end - i;
        return (n == 3 && Lower(b[i]) == 'n' && Lower(b[i + 1]) == 'a' && Lower(b[i + 2]) == 'n')
               || (n == 3 && Lower(b[i]) == 'i' && Lower(b[i + 1]) == 'n' && Lower(b[i + 2]) == 'f')
               || (n == 8 && Lower(b[i]) == 'i' && Lower(b[i + 1]) == 'n' && Lower(b[i + 2]) == 'f' && Lower(b[i + 3]) == 'i'
                   && Lower(b[i + 4]) == 'n' && Lower(b[i + 5]) == 'i' && Lower(b[i + 6]) == 't' && Lower(b[i + 7]) == 'y');
    }

    private static char Lower(byte c) => (char)(c >= (byte)'A' && c <= (byte)'Z' ? c + 32 : c);

    private static bool IsDigit(byte c) => c >= (byte)'0' && c <= (byte)'9';

    private static bool Digits(byte[] b, ref int i, int end, int count, out int value)
    {
        value = 0;
        if (i + count > end)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            var c = b[i + k];
            if (!IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - (byte)'0');
        }

        i += count;
        return true;
    }

    private static bool Expect(byte[] b, ref int i, int end, byte c)
    {
        if (i < end && b[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }
}
