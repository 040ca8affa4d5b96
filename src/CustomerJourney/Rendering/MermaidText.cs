using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>Makes any string safe as a Mermaid <c>journey</c> title, section, task or actor name.</summary>
internal static class MermaidText
{
    /// <summary>
    /// Mermaid has no escape that works in every part of a journey line (its <c>#…;</c> entities need the very
    /// characters the grammar forbids), so the characters that end or split a line are replaced by a space:
    /// <c>:</c> (separates task, score and actors), <c>;</c> (ends a statement), <c>#</c> (starts an entity),
    /// <c>,</c> (separates actors), <c>%</c> (starts a comment or directive), <c>&lt;</c> and <c>&gt;</c> (HTML in
    /// labels), line breaks and other control characters. Runs of spaces collapse to one and the ends are trimmed;
    /// a name left empty becomes <paramref name="fallback"/>.
    /// </summary>
    public static string Sanitize(string text, string fallback)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in MapCells.OneLine(text))
        {
            if (c is ' ' or ':' or ';' or '#' or ',' or '%' or '<' or '>' || char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.Length > 0 ? sb.ToString() : fallback;
    }

    /// <summary>
    /// Makes the text safe inside a double-quoted flowchart label (<c>n0["…"]</c>) with Mermaid's entity codes, which
    /// flowcharts do decode: <c>"</c> → <c>#quot;</c>, and <c># ; | &lt; &gt; &amp; `</c> → <c>#35; #59; #124; #lt; #gt; #amp; #96;</c>,
    /// so that no name can close the label, start an entity of its own, end the statement, split an edge label, inject
    /// HTML or turn on Markdown strings. Line breaks and other control characters become spaces (see
    /// <see cref="MapCells.OneLine"/>).
    /// </summary>
    public static string EscapeLabel(string text)
    {
        text = MapCells.OneLine(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            var entity = c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                ';' => "#59;",
                '|' => "#124;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                _ => null,
            };
            if (entity is null)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(entity);
            }
        }

        return sb.ToString();
    }
}
