using System.Globalization;
using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>Makes any string safe as HTML (and inline SVG) text or a double-quoted attribute value.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Escapes <c>&amp; &lt; &gt; " '</c> as entities, so the text can neither open markup nor end an attribute, and replaces
    /// control characters other than tab and line breaks (and lone surrogates) by U+FFFD, which HTML forbids raw.
    /// </summary>
    public static string Escape(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || (c >= '\u007f' && c <= '\u009f') || char.IsSurrogate(c))
                {
                    replacement = "\uFFFD";
                }
            }

            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>A coordinate or length for SVG: at most one decimal, invariant culture.</summary>
    public static string Number(double value) =>
        System.Math.Round(value, 1, System.MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
}
