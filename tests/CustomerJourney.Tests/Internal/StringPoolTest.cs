using System.Collections.Generic;
using System.Linq;
using System.Text;
using CustomerJourney.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Internal;

/// <summary>
/// The pool interns from three inputs (UTF-8 bytes, chars, a string) and hashes ASCII bytes as their chars, decoding
/// other bytes first: whichever input a value is met through first, it must get one id, in first-seen order, and be
/// found again from the others (the CSV reader interns bytes, appending a part interns its pool's values).
/// </summary>
public class StringPoolTest
{
    /// <summary>Texts around the pool's cases: empty, short and long, NUL, DEL, non-ASCII and a surrogate pair.</summary>
    private static Gen<string> Texts() =>
        Gen.OneOf(
            Gen.Elements(
                string.Empty, "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "C00000138", "C00000183",
                "awareness", "call-center", "é", "aé", "caf\u00e9", "\u00e9t\u00e9", "\U0001F600", new string('x', 127),
                new string('x', 128), new string('x', 129), new string('x', 128) + "é", "x\0y", "\0"),
            Gen.Choose(0, 140).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', '0', '1', '-', ' ', 'é', '\u007F'), n)).Select(c => new string(c)));

    private static int Intern(StringPool pool, string text, int via)
    {
        switch (via)
        {
            case 0:
                return pool.Intern(text);
            case 1:
                var chars = ("<" + text + ">").ToCharArray();
                return pool.Intern(chars, 1, text.Length);
            case 3:
                // Through a pool of its own first, as a part of a parallel read is appended: word to word when short.
                var part = new StringPool();
                part.Intern(Encoding.UTF8.GetBytes("other"), 0, 5);
                var partId = Intern(part, text, 2);
                return pool.Intern(part, partId);
            default:
                var prefix = Encoding.UTF8.GetBytes("<<<");
                var bytes = prefix.Concat(Encoding.UTF8.GetBytes(text)).Concat(Encoding.UTF8.GetBytes(">")).ToArray();
                return pool.Intern(bytes, prefix.Length, bytes.Length - prefix.Length - 1);
        }
    }

    [Property(MaxTest = 500)]
    public Property AnyTextsThroughAnyInput_GetFirstSeenIds() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Texts(), Gen.Choose(0, 3))).Select(l => l.ToArray()).ToArbitrary(),
            calls =>
            {
                var pool = new StringPool(capacity: 1); // small, so that growing is exercised too
                var expected = new Dictionary<string, int>(System.StringComparer.Ordinal);
                foreach (var (text, via) in calls)
                {
                    if (!expected.TryGetValue(text, out var id))
                    {
                        expected.Add(text, id = expected.Count);
                    }

                    var got = Intern(pool, text, via);
                    if (got != id)
                    {
                        return false.Label($"'{text}' through input {via}: id {got}, expected {id}");
                    }
                }

                var all = pool.ToArray(); // before any read by id: ToArray makes the strings not yet made
                return (pool.Count == expected.Count).Label("count")
                    .And(expected.All(p => pool.Find(p.Key) == p.Value && pool[p.Value] == p.Key).Label("find and read back"))
                    .And(all.SequenceEqual(expected.OrderBy(p => p.Value).Select(p => p.Key)).Label("all, by id"))
                    .And((pool.Find("never interned \u2603") == -1).Label("absent"));
            });

    [Fact]
    public void TextsDifferingInOneByteOrInLength_GetDistinctIds()
    {
        var pool = new StringPool();
        string[] texts = { "abcdefghi", "abcdefghh", "abcdefgh", "abcdefgh\0", "\0abcdefgh", "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaa", "\0\0", "\0\0\0" };
        var ids = texts.Select(t => Intern(pool, t, 2)).ToArray();
        Assert.Equal(Enumerable.Range(0, texts.Length), ids);
        Assert.Equal(ids, texts.Select(t => Intern(pool, t, 0)));
    }
}
