using System;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using CustomerJourney.Analysis;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// Variants' <c>{path, count}</c> items laid out byte for byte as an indented <see cref="Utf8JsonWriter"/> with
/// <see cref="JsonOutput.WriterOptions"/> lays them out in an array at a given depth, assembled from text encoded once per
/// activity. A log of a million distinct journeys lists a million paths; through the writer, most of that time went on
/// checking, escaping and indenting each path element one call at a time. The items are comma-separated, and the text
/// starts with the line break before the first, as the writer's raw values expect (they get no indentation of their own).
/// </summary>
internal sealed class VariantLayout
{
    private const int MaxCountLength = 20; // long.MinValue: 20 characters

    private static readonly byte[] s_comma = [(byte)','];

    private readonly byte[][] _elements;
    private readonly byte[] _open;
    private readonly byte[] _close;
    private readonly byte[] _closeEmpty;
    private readonly byte[] _end;

    /// <param name="names">The activities' names, encoded as the writer encodes them.</param>
    /// <param name="depth">The writer's depth inside the array the items go in (<see cref="Utf8JsonWriter.CurrentDepth"/>).</param>
    public VariantLayout(JsonEncodedText[] names, int depth)
    {
        var item = "\n" + new string(' ', 2 * depth);
        var property = "\n" + new string(' ', 2 * (depth + 1));
        var element = ",\n" + new string(' ', 2 * (depth + 2)) + "\"";
        _elements = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            // ",\n<indent>\"name\"": the comma is skipped for a path's first element.
            var encoded = names[i].EncodedUtf8Bytes;
            var bytes = new byte[element.Length + encoded.Length + 1];
            Encoding.ASCII.GetBytes(element, 0, element.Length, bytes, 0);
            encoded.CopyTo(bytes.AsSpan(element.Length));
            bytes[bytes.Length - 1] = (byte)'"';
            _elements[i] = bytes;
        }

        _open = Encoding.ASCII.GetBytes(item + "{" + property + "\"path\": [");
        _close = Encoding.ASCII.GetBytes(property + "]," + property + "\"count\": ");
        _closeEmpty = Encoding.ASCII.GetBytes("]," + property + "\"count\": "); // the writer closes an empty array on its line
        _end = Encoding.ASCII.GetBytes(item + "}");
    }

    /// <summary>Appends the items of variants [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="buffer"/>.</summary>
    public void Write(ChunkBuffer buffer, VariantSet variants, int from, int to)
    {
        for (var p = from; p < to; p++)
        {
            Write(buffer, variants, p);
        }
    }

    /// <summary>Appends variant <paramref name="position"/>'s item to <paramref name="buffer"/>, after a comma unless it is empty.</summary>
    public void Write(ChunkBuffer buffer, VariantSet variants, int position)
    {
        if (buffer.WrittenCount > 0)
        {
            buffer.Append(s_comma);
        }

        buffer.Append(_open);
        var path = variants.PathAt(position, out var offset, out var length);
        for (var i = offset; i < offset + length; i++)
        {
            buffer.Append(_elements[path[i]], i == offset ? 1 : 0);
        }

        buffer.Append(length == 0 ? _closeEmpty : _close);
        var span = buffer.GetSpan(MaxCountLength);
        Utf8Formatter.TryFormat(variants.CountAt(position), span, out var written);
        buffer.Advance(written);
        buffer.Append(_end);
    }
}
