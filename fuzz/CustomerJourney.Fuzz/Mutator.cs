using System;
using System.Collections.Generic;
using System.Text;

namespace CustomerJourney.Fuzz;

/// <summary>
/// Blind byte mutations for the <c>mutate</c> mode, in the spirit of AFL's havoc stage: bit flips, interesting bytes,
/// tokens of the target's syntax, deleted, duplicated and spliced spans, truncation. No coverage feedback: it is the
/// cheap campaign that runs where AFL and libFuzzer are not installed.
/// </summary>
internal sealed class Mutator
{
    private const int MaxLength = 1 << 16;

    private static readonly byte[] s_interesting = { 0, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, (byte)'\r', (byte)'\n', (byte)'\t', (byte)' ' };

    private static readonly string[] s_common =
    {
        "\"", "\"\"", ",", "\r\n", "\n", "\r", "\uFEFF", "'", "=", "@", "-", "+", ".", "e", "E", "0", "-0", "1", "5", "10", "11", "-1", "1e309", "-1e309",
        "NaN", "Infinity", "-Infinity", "null", "true", "9999999999999999999", "2147483648", "Z", "+14:00", "-23:59", "T", ":", "\\", "\\u0000", "\\ud800",
        "2024-01-01T00:00:00Z", "2024-02-30T25:61:61+99:99", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999-14:00", "2024-01-01 00:00:00",
        "completed", "failed", "abandoned", "customer_id", "timestamp", "stage", "channel", "sentiment", "rating", "nps", "status", "emotion", "segment",
    };

    private static readonly Dictionary<string, string[]> s_tokens = new(StringComparer.Ordinal)
    {
        ["csv"] = new[] { "customer_id,timestamp,stage,channel", "case:concept:name,time:timestamp,concept:name", ",,", "\"a\"\"b\"", "\"\r\n\"", "'=cmd|' /C calc'!A0" },
        ["jsonl"] = new[] { "{", "}", "[", "]", ":", "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"s\",\"channel\":\"c\"}", "\"concept:name\":\"a@b\"", "[[[[[[[[", "{\"x\":{\"x\":{\"x\":", "\\\"" },
        ["xes"] = new[] { "<", ">", "/>", "</event>", "</trace>", "<trace>", "<event>", "<string key=\"concept:name\" value=\"x\"/>", "<date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/>", "<!DOCTYPE log [<!ENTITY e \"x\">]>", "&e;", "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "xmlns=\"http://www.xes-standard.org/\"", "<list key=\"l\"><values>", "</values></list>" },
        ["map"] = new[] { "{", "}", "[", "]", ":", "\"stages\"", "\"channels\"", "\"touchpoints\"", "\"handoffs\"", "\"personas\"", "\"conversionStage\"", "\"order\":", "\"phase\":\"retention\"", "\"kind\":\"physical\"", "\"desiredExperience\":", "\"from\":\"web\",\"to\":\"web\"", "2147483647", "-2147483648", "1.5", "[[[[[[[[[[[[[[[[", "/*", "//" },
    };

    private readonly Random _random;
    private readonly byte[][] _tokens;

    public Mutator(string target, int seed)
    {
        _random = new Random(seed);
        var tokens = new List<byte[]>();
        foreach (var t in s_common)
        {
            tokens.Add(Encoding.UTF8.GetBytes(t));
        }

        foreach (var t in s_tokens[target])
        {
            tokens.Add(Encoding.UTF8.GetBytes(t));
        }

        _tokens = tokens.ToArray();
    }

    /// <summary>A mutant of <paramref name="seed"/>: 1 to 16 stacked mutations, <paramref name="other"/> for splicing.</summary>
    public byte[] Mutate(byte[] seed, byte[] other)
    {
        var bytes = new List<byte>(seed);
        var count = 1 << _random.Next(5);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(bytes, other);
            if (bytes.Count > MaxLength)
            {
                bytes.RemoveRange(MaxLength, bytes.Count - MaxLength);
            }
        }

        return bytes.ToArray();
    }

    private void MutateOnce(List<byte> bytes, byte[] other)
    {
        var at = _random.Next(bytes.Count + 1);
        var has = at < bytes.Count;
        switch (_random.Next(11))
        {
            case 0 when has:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when has:
                bytes[at] = s_interesting[_random.Next(s_interesting.Length)];
                break;
            case 2 when has:
                bytes[at] = (byte)_random.Next(256);
                break;
            case 3:
            case 4:
                bytes.InsertRange(at, _tokens[_random.Next(_tokens.Length)]);
                break;
            case 5 when has:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(_random.Next(2) == 0 ? 4 : 64)));
                break;
            case 6 when has:
            {
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(128));
                var span = bytes.GetRange(at, length);
                var copies = _random.Next(4) == 0 ? 1 + _random.Next(64) : 1;
                for (var c = 0; c < copies; c++)
                {
                    bytes.InsertRange(_random.Next(bytes.Count + 1), span);
                }

                break;
            }

            case 7 when has:
                bytes.RemoveRange(at, bytes.Count - at); // truncate
                break;
            case 8 when other.Length > 0:
            {
                // Splice: this input's head with the other's tail.
                var from = _random.Next(other.Length);
                bytes.RemoveRange(at, bytes.Count - at);
                for (var k = from; k < other.Length; k++)
                {
                    bytes.Add(other[k]);
                }

                break;
            }

            case 9 when has:
            {
                // Swap two bytes far apart (a quote moved, a bracket closed elsewhere).
                var to = _random.Next(bytes.Count);
                (bytes[at], bytes[to]) = (bytes[to], bytes[at]);
                break;
            }

            default:
                bytes.Insert(at, s_interesting[_random.Next(s_interesting.Length)]);
                break;
        }
    }
}
