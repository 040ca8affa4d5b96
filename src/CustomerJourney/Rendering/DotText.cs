using System.Text;

namespace CustomerJourney.Rendering;

/// <summary>Makes any string safe as a quoted Graphviz DOT identifier, and as a label drawn as written.</summary>
internal static class DotText
{
    /// <summary>
    /// Returns the text in double quotes, so the DOT parser reads it as one identifier whatever it holds (keywords,
    /// <c>-&gt;</c>, braces, <c>&lt;</c> that would start an HTML label). Inside: <c>"</c> becomes <c>\"</c> (the only
    /// escape the DOT grammar has); <c>\</c> becomes <c>\\</c>, because Graphviz reads <c>\n</c>, <c>\l</c>, <c>\N</c>,
    /// <c>\G</c>… in labels as line breaks and node or graph names, and a trailing backslash would swallow the closing
    /// quote; a line break (CR, LF, CRLF, U+2028, U+2029) becomes Graphviz's centred line break <c>\n</c>; other control
    /// characters become spaces.
    /// </summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    sb.Append("\\n");
                    break;
                case '\n' or '\u2028' or '\u2029':
                    sb.Append("\\n");
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
