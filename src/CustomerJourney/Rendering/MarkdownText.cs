using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>Makes any string safe as inline Markdown text, including inside a table cell.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Puts the text on one line (see <see cref="MapCells.OneLine"/>) and backslash-escapes the characters that could
    /// start markup: <c>\ ` * _ [ ] &lt; &gt; | ~ &amp; # $</c>. Escaping <c>&lt;</c> keeps HTML out, escaping
    /// <c>|</c> keeps the table's columns, escaping <c>&amp;</c> keeps entities literal and <c>$</c> keeps math off.
    /// </summary>
    public static string Escape(string text)
    {
        text = MapCells.OneLine(text);
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsSpecial(c))
            {
                sb ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                sb.Append('\\');
            }

            sb?.Append(c);
        }

        return sb?.ToString() ?? text;
    }

    private static bool IsSpecial(char c) => c switch
    {
        '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '#' or '$' => true,
        _ => false,
    };
}
