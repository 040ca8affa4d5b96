using System;
using System.Globalization;
using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>Durations as people read them: "3 min 20 s", "2 d 4 h", "450 ms".</summary>
internal static class HumanDuration
{
    private static readonly long[] s_unitSeconds = { 86_400, 3_600, 60, 1 };
    private static readonly string[] s_unitNames = { "d", "h", "min", "s" };

    /// <summary>
    /// Writes <paramref name="seconds"/> with at most <paramref name="units"/> units, largest first, rounded (halves away
    /// from zero) to the last unit shown; zero units are left out. Under a second, once rounded to the millisecond, it is
    /// whole milliseconds; NaN (no data) is "–".
    /// </summary>
    public static string Format(double seconds, int units)
    {
        if (double.IsNaN(seconds))
        {
            return "–";
        }

        if (seconds < 0)
        {
            return "-" + Format(-seconds, units);
        }

        var ms = Math.Round(seconds * 1000.0, MidpointRounding.AwayFromZero);
        if (ms < 1000.0)
        {
            return ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
        }

        // Round to the smallest unit shown, then recompute the largest: 59 min 40 s at one unit is 1 h, not 60 min.
        var whole = (long)Math.Round(Math.Min(seconds, long.MaxValue / 2.0), MidpointRounding.AwayFromZero);
        var first = FirstUnit(whole);
        var last = Math.Min(s_unitSeconds.Length - 1, first + units - 1);
        var step = s_unitSeconds[last];
        var rounded = checked((whole + (step / 2)) / step * step);
        first = FirstUnit(rounded);
        last = Math.Min(s_unitSeconds.Length - 1, first + units - 1);

        var sb = new StringBuilder();
        var rest = rounded;
        for (var u = first; u <= last; u++)
        {
            var count = rest / s_unitSeconds[u];
            rest -= count * s_unitSeconds[u];
            if (count == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(s_unitNames[u]);
        }

        return sb.ToString();
    }

    private static int FirstUnit(long seconds)
    {
        var u = 0;
        while (u < s_unitSeconds.Length - 1 && seconds < s_unitSeconds[u])
        {
            u++;
        }

        return u;
    }
}
