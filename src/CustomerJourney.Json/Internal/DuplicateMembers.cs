using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// Finds a member named twice in one JSON object. The serializer keeps the last one silently, so a map file with two
/// <c>handoffs</c> arrays (a bad merge, a copy and paste) would lose the first without a word.
/// </summary>
/// <remarks>Runs on JSON the serializer has already accepted: well-formed and at most <see cref="MapJsonContext.MaxDepth"/> deep.</remarks>
internal static class DuplicateMembers
{
    /// <summary>The JSON path of the first member whose name repeats an earlier one of its object, or null.</summary>
    public static string? Find(byte[] utf8)
    {
        var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, start, utf8.Length - start), new JsonReaderOptions { MaxDepth = MapJsonContext.MaxDepth });
        var frames = new List<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    NextElement(frames);
                    frames.Add(new Frame(isObject: true));
                    break;
                case JsonTokenType.StartArray:
                    NextElement(frames);
                    frames.Add(new Frame(isObject: false));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    var frame = frames[frames.Count - 1];
                    frame.Member = reader.GetString()!;
                    if (!frame.Names!.Add(frame.Member))
                    {
                        return PathOf(frames);
                    }

                    break;
                default:
                    NextElement(frames);
                    break;
            }
        }

        return null;
    }

    private static void NextElement(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[frames.Count - 1].Names is null)
        {
            frames[frames.Count - 1].Index++;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.Names is null)
            {
                path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                path.Append('.').Append(frame.Member);
            }
        }

        return path.ToString();
    }

    private sealed class Frame
    {
        public Frame(bool isObject) => Names = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        /// <summary>The member names seen so far in an object; null for an array.</summary>
        public HashSet<string>? Names { get; }

        /// <summary>The current member of an object.</summary>
        public string Member { get; set; } = string.Empty;

        /// <summary>The current element of an array.</summary>
        public int Index { get; set; } = -1;
    }
}
