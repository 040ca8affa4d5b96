using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerJourney.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Internal;

/// <summary>
/// The timestamp parser's fast path for the common layouts must give exactly what the general parser gives, for valid and
/// invalid text alike (result, local ticks and offset), and must actually be taken for the layouts logs write.
/// </summary>
public class Utf8ParseTimestampTest
{
    private static readonly string[] s_bases =
    {
        "2025-01-28T04:50:29+00:00",
        "2024-02-29 23:59:59.1234567Z",
        "0001-01-01T00:00:00,5-00:30",
        "9999-12-31t23:59:59z",
        "2000-02-29T12:00:00",
    };

    /// <summary>Bytes that make a near-miss likely: digits, every separator the layouts use, and a little junk.</summary>
    private static readonly byte[] s_interesting = Encoding.ASCII.GetBytes("0123456789-:T t.,Zz+\tx/").Concat(new byte[] { 0, 0x7F, 0x80, 0xC3, 0xFF }).ToArray();

    /// <summary>The parse of <paramref name="text"/> placed inside other bytes, so that absolute indices would show.</summary>
    private static (TimestampParse Result, long Ticks, int Offset) Parse(string text, bool general)
    {
        var bytes = Encoding.UTF8.GetBytes("9," + text + ",9");
        return Parse(bytes, 2, bytes.Length - 4, general);
    }

    private static (TimestampParse Result, long Ticks, int Offset) Parse(byte[] bytes, int start, int length, bool general)
    {
        var result = general
            ? Utf8Parse.ParseTimestampGeneral(bytes, start, length, out var ticks, out var offset)
            : Utf8Parse.ParseTimestamp(bytes, start, length, out ticks, out offset);
        return (result, ticks, offset);
    }

    private static void AssertAgrees(byte[] bytes)
    {
        var general = Parse(bytes, 0, bytes.Length, general: true);
        var parsed = Parse(bytes, 0, bytes.Length, general: false);
        if (parsed != general)
        {
            Assert.Fail($"'{Encoding.Latin1.GetString(bytes)}': {parsed}, but the general parser gives {general}");
        }
    }

    [Theory]
    [InlineData("2025-01-28T04:50:29+00:00", "Ok")]
    [InlineData("2024-02-29T00:00:00Z", "Ok")] // leap year
    [InlineData("2000-02-29T00:00:00Z", "Ok")] // divisible by 400
    [InlineData("1900-02-29T00:00:00Z", "Invalid")] // divisible by 100 only
    [InlineData("2023-02-29T00:00:00Z", "Invalid")]
    [InlineData("2023-04-31T00:00:00Z", "Invalid")]
    [InlineData("2023-12-31T23:59:59Z", "Ok")]
    [InlineData("2023-00-10T00:00:00Z", "Invalid")]
    [InlineData("2023-13-10T00:00:00Z", "Invalid")]
    [InlineData("2023-01-00T00:00:00Z", "Invalid")]
    [InlineData("0000-01-01T00:00:00Z", "Invalid")]
    [InlineData("2023-01-01T24:00:00Z", "Invalid")]
    [InlineData("2023-01-01T23:60:00Z", "Invalid")]
    [InlineData("2023-01-01T23:59:60Z", "Invalid")]
    [InlineData("2023-01-01T10:00:00+14:00", "Ok")]
    [InlineData("2023-01-01T10:00:00-12:00", "Ok")]
    [InlineData("2023-01-01T10:00:00-14:00", "Ok")]
    [InlineData("2023-01-01T10:00:00+14:01", "Invalid")]
    [InlineData("2023-01-01T10:00:00+15:00", "Invalid")]
    [InlineData("2023-01-01T10:00:00+99:99", "Invalid")]
    [InlineData("2023-01-01T10:00:00+05:60", "Invalid")]
    [InlineData("2023-01-01T10:00:00-00:00", "Ok")]
    [InlineData("2023-01-01T10:00:00+0530", "Ok")]
    [InlineData("2023-01-01T10:00:00+05", "Ok")]
    [InlineData("2023-01-01T10:00:00+5:30", "Invalid")]
    [InlineData("2023-01-01T10:00:00+05:3", "Invalid")]
    [InlineData("2023-01-01T10:00:00+05:300", "Invalid")]
    [InlineData("2023-01-01T10:00:00ZZ", "Invalid")]
    [InlineData("2023-01-01T10:00:00 Z", "Invalid")]
    [InlineData("2023-01-01T10:00:00", "NoOffset")]
    [InlineData("2023-01-01 10:00:00", "NoOffset")]
    [InlineData("2023-01-01t10:00:00z", "Ok")]
    [InlineData("2023-01-01T10:00", "NoOffset")]
    [InlineData("2023-01-01T10:00Z", "Ok")]
    [InlineData("2023-01-01X10:00:00Z", "Invalid")]
    [InlineData("2023/01/01T10:00:00Z", "Invalid")]
    [InlineData("2023-01-01T10-00-00Z", "Invalid")]
    [InlineData("2023-1-01T10:00:00Z", "Invalid")]
    [InlineData("20230-01-01T10:00:00Z", "Invalid")]
    [InlineData("2023-01-01T10:00:00.1Z", "Ok")]
    [InlineData("2023-01-01T10:00:00.12Z", "Ok")]
    [InlineData("2023-01-01T10:00:00.123Z", "Ok")]
    [InlineData("2023-01-01T10:00:00.1234Z", "Ok")]
    [InlineData("2023-01-01T10:00:00.12345Z", "Ok")]
    [InlineData("2023-01-01T10:00:00.123456Z", "Ok")]
    [InlineData("2023-01-01T10:00:00,1234567+01:00", "Ok")]
    [InlineData("2023-01-01T10:00:00.12345678Z", "Invalid")]
    [InlineData("2023-01-01T10:00:00.Z", "Invalid")]
    [InlineData("2023-01-01T10:00:00.", "Invalid")]
    [InlineData("2023-01-01T10:00:00.5", "NoOffset")]
    [InlineData("  2023-01-01T10:00:00Z\t", "Ok")]
    [InlineData("0001-01-01T00:00:00+01:00", "Invalid")] // before year 1 in UTC
    [InlineData("0001-01-01T00:00:00-01:00", "Ok")]
    [InlineData("9999-12-31T23:59:59-01:00", "Invalid")] // after year 9999 in UTC
    [InlineData("9999-12-31T23:59:59.9999999+01:00", "Ok")]
    [InlineData("", "Invalid")]
    [InlineData("2023-01-01T10:00:0", "Invalid")]
    [InlineData("２０２３-01-01T10:00:00Z", "Invalid")]
    public void ParseTimestamp_Table_AgreesWithTheGeneralParser(string text, string expected)
    {
        var general = Parse(text, general: true);
        Assert.Equal(expected, general.Result.ToString());
        Assert.Equal(general, Parse(text, general: false));
    }

    [Theory]
    [InlineData("2025-01-28T04:50:29+00:00")]
    [InlineData("2025-01-28T04:50:29-05:30")]
    [InlineData("2025-01-28T04:50:29Z")]
    [InlineData("2025-01-28 04:50:29z")]
    [InlineData("2025-01-28t04:50:29")]
    [InlineData("2024-02-29T23:59:59.1234567Z")]
    [InlineData("2024-02-29T23:59:59,1+14:00")]
    public void ParseTimestamp_CommonLayouts_TakeTheFastPathWithTheGeneralResult(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.True(Utf8Parse.TryParseCommonTimestamp(bytes, 0, bytes.Length, out var ticks, out var offset, out var result));
        Assert.Equal(Parse(bytes, 0, bytes.Length, general: true), (result, ticks, offset));
    }

    [Fact]
    public void ParseTimestamp_AnyOneByteChangedDeletedOrInserted_AgreesWithTheGeneralParser()
    {
        foreach (var text in s_bases)
        {
            var original = Encoding.ASCII.GetBytes(text);
            for (var i = 0; i < original.Length; i++)
            {
                for (var v = 0; v < 256; v++)
                {
                    var changed = (byte[])original.Clone();
                    changed[i] = (byte)v;
                    AssertAgrees(changed);
                }

                AssertAgrees(original.Take(i).Concat(original.Skip(i + 1)).ToArray());
                AssertAgrees(original.Take(i).ToArray());
                foreach (var c in s_interesting)
                {
                    AssertAgrees(original.Take(i).Append(c).Concat(original.Skip(i)).ToArray());
                }
            }
        }
    }

    [Property(MaxTest = 2000)]
    public Property ParseTimestamp_AnyDateTimeOffset_GivesItsTicksAndOffset() =>
        Prop.ForAll(
            (from ticks in Gen.Choose(0, int.MaxValue)
             from fraction in Gen.Choose(0, 9_999_999)
             from offset in Gen.Choose(-14 * 60, 14 * 60)
             from format in Gen.Elements("yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.fffffffzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz")
             select (Time: new DateTimeOffset(new DateTime(2, 1, 1).AddTicks((ticks * 1_400_000_000L) + fraction), TimeSpan.FromMinutes(offset)), Format: format))
            .ToArbitrary(),
            c =>
            {
                var text = c.Time.ToString(c.Format, CultureInfo.InvariantCulture);
                var expected = c.Format.Contains('.', StringComparison.Ordinal) ? c.Time.Ticks : c.Time.Ticks - (c.Time.Ticks % TimeSpan.TicksPerSecond);
                return Parse(text, general: false) == (TimestampParse.Ok, expected, (int)c.Time.Offset.TotalMinutes);
            });

    /// <summary>Near-misses of the common layouts: every field in and just out of range, every separator, some junk.</summary>
    private static Gen<string> NearTimestamps() =>
        from year in Gen.OneOf(Gen.Choose(0, 9999), Gen.Elements(1, 4, 100, 400, 1900, 2000, 2024, 9999))
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        from hour in Gen.Choose(0, 25)
        from minute in Gen.Choose(0, 61)
        from second in Gen.Choose(0, 61)
        from separator in Gen.Elements("T", "t", " ", "x", "", "TT")
        from fractionDigits in Gen.Choose(-1, 8)
        from fractionMark in Gen.Elements(".", ",")
        from fraction in Gen.Choose(0, int.MaxValue)
        from zone in Gen.Choose(0, 6)
        from offsetSign in Gen.Elements("+", "-", "−")
        from offsetHours in Gen.Choose(0, 99)
        from offsetMinutes in Gen.Choose(0, 99)
        from padding in Gen.Elements("", " ", "\t")
        from mutations in Gen.Choose(0, 2)
        from positions in Gen.ArrayOf(Gen.Choose(0, 40), 2)
        from bytes in Gen.ArrayOf(Gen.Elements(s_interesting), 2)
        select Mutate(
            padding
            + FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}{separator}{hour:D2}:{minute:D2}:{second:D2}")
            + (fractionDigits < 0 ? "" : fractionMark + fraction.ToString("D10", CultureInfo.InvariantCulture)[..fractionDigits])
            + zone switch
            {
                0 => "",
                1 => "Z",
                2 => "z",
                3 => FormattableString.Invariant($"{offsetSign}{offsetHours:D2}:{offsetMinutes:D2}"),
                4 => FormattableString.Invariant($"{offsetSign}{offsetHours:D2}{offsetMinutes:D2}"),
                5 => FormattableString.Invariant($"{offsetSign}{offsetHours:D2}"),
                _ => FormattableString.Invariant($"{offsetSign}{offsetHours % 10}:{offsetMinutes:D2}"),
            }
            + padding,
            mutations,
            positions,
            bytes);

    private static string Mutate(string text, int mutations, int[] positions, byte[] bytes)
    {
        var chars = text.ToCharArray();
        for (var k = 0; k < mutations; k++)
        {
            if (positions[k] < chars.Length)
            {
                chars[positions[k]] = (char)bytes[k];
            }
        }

        return new string(chars);
    }

    [Property(MaxTest = 20000)]
    public Property ParseTimestamp_NearMissesOfTheCommonLayouts_AgreeWithTheGeneralParser() =>
        Prop.ForAll(NearTimestamps().ToArbitrary(), text => Parse(text, general: false) == Parse(text, general: true));
}
