using System.Globalization;
using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>What every renderer says the same way: cell symbols, numbers, phase names.</summary>
internal static class MapCells
{
    public const string Offered = "✓";
    public const string Missing = "✗";
    public const string Unexpected = "○";

    /// <summary>The symbol of a touchpoint: offered ✓, expected but not offered ✗, offered but not expected ○, else empty.</summary>
    public static string Symbol(Touchpoint? touchpoint) => touchpoint switch
    {
        null => string.Empty,
        { IsOffered: true, IsExpected: true } => Offered,
        { IsOffered: false, IsExpected: true } => Missing,
        { IsOffered: true, IsExpected: false } => Unexpected,
        _ => string.Empty,
    };

    /// <summary>The symbol, then the signed desired experience when asked for and stated ("✓ +0.5").</summary>
    public static string Cell(Touchpoint? touchpoint, bool includeDesiredExperience)
    {
        var symbol = Symbol(touchpoint);
        if (!includeDesiredExperience || touchpoint?.DesiredExperience is not { } desired)
        {
            return symbol;
        }

        var value = Signed(desired);
        return symbol.Length == 0 ? value : symbol + " " + value;
    }

    /// <summary>
    /// The cell, then the observed mean sentiment when there is one: "✓ +0.5 (observed -0.12)", or "(observed -0.8)" alone
    /// on a pair the map does not declare.
    /// </summary>
    public static string Cell(Touchpoint? touchpoint, bool includeDesiredExperience, double? observed)
    {
        var cell = Cell(touchpoint, includeDesiredExperience);
        if (observed is not { } mean)
        {
            return cell;
        }

        var text = "(observed " + Signed(mean) + ")";
        return cell.Length == 0 ? text : cell + " " + text;
    }

    /// <summary>A sentiment with its sign and at most two decimals, in the invariant culture: +0.5, -0.25, 0.</summary>
    public static string Signed(double value)
    {
        var rounded = System.Math.Round(value, 2, System.MidpointRounding.AwayFromZero);
        return rounded == 0.0 ? "0" : rounded.ToString("+0.##;-0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The phase as reports write it.</summary>
    public static string PhaseName(JourneyPhase phase) => phase switch
    {
        JourneyPhase.Acquisition => "acquisition",
        JourneyPhase.Retention => "retention",
        JourneyPhase.Loyalty => "loyalty",
        _ => ((int)phase).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Replaces every line break (CR, LF or CRLF, U+2028, U+2029) and other control character (tab…) by one space, so
    /// that a name stays on its line.
    /// </summary>
    public static string OneLine(string text)
    {
        var i = 0;
        while (i < text.Length && !Breaks(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            sb.Append(Breaks(c) ? ' ' : c);
        }

        return sb.ToString();
    }

    private static bool Breaks(char c) => char.IsControl(c) || c == '\u2028' || c == '\u2029';
}
