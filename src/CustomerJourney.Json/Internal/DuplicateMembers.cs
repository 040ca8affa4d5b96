using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// Finds a member named twice in one JSON object, or named with bytes that are not text. The serializer keeps the last one silently, so a map file with two
/// <c>handoffs</c> arrays (a bad merge, a copy and paste) would lose the first without a word.
/// </summary>
/// <remarks>Runs on JSON the serializer has already accepted: well-formed and at most <see cref="MapJsonContext.MaxDepth"/> deep.</remarks>
internal static class DuplicateMembers
{
    /// <summary>
    /// The error for the first member whose name repeats an earlier one of its object, or whose name is not text (the
    /// serializer skips unknown members without decoding their names); null when there is none.
    /// </summary>
    public static JourneyMapException? Check(byte[] utf8, string? sourceName)
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
                    try
                    {
                        frame.Member = reader.GetString()!;
                    }
                    catch (InvalidOperationException ex)
                    {
                        // Invalid UTF-8, or an escaped lone surrogate: found by AFL on the map target.
                        return new JourneyMapException(PathOf(frames, withLastMember: false), "a member name is not valid text (invalid UTF-8 or a lone surrogate escape)", sourceName, ex);
                    }

                    if (!frame.Names!.Add(frame.Member))
                    {
                        return new JourneyMapException(PathOf(frames, withLastMember: true), "the member appears twice in its object (the second would silently replace the first)", sourceName);
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

    /// <summary>The JSON path of the current element; of the innermost object itself when <paramref name="withLastMember"/> is false.</summary>
    private static string PathOf(List<Frame> frames, bool withLastMember)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.Names is null)
            {
                path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (withLastMember || i < frames.Count - 1)
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
