using System;
using System.Linq;
using System.Text;
using CustomerJourney.Events;
using static CustomerJourney.Tests.Robustness.Hostile;

namespace CustomerJourney.Tests.Robustness;

/// <summary>
/// The hostile-input checklist (docs/robustness.md) for the JSON Lines reader: each refusal is an
/// <see cref="EventLogException"/> naming the file, the line and the property (none when the whole line is at fault).
/// </summary>
public class JsonLinesHostileInputTest
{
    private const string File = "hostile.jsonl";
    private const string Ok = "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"s\",\"channel\":\"web\"}\n";
    private const EventLogFormat JsonLines = EventLogFormat.JsonLines;

    private static string With(string property, string json) =>
        "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"s\",\"channel\":\"web\",\"" + property + "\":" + json + "}\n";

    [Fact]
    public void Truncated_LastLineCutMidValue_IsMalformedNamingTheProperty()
    {
        var text = Ok + Ok + "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-0";
        var ex = Refused(text, JsonLines, File, RejectionReason.Malformed, 3, "timestamp");
        Assert.Contains("invalid JSON", ex.Message, StringComparison.Ordinal);
        Skipped(text, JsonLines, File, RejectionReason.Malformed, 3, "timestamp", kept: 2);
    }

    [Fact]
    public void UnterminatedString_EndsAtTheLineEnd_AndSpoilsOnlyItsLine()
    {
        var text = Ok + "{\"customer_id\":\"c\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"stage\":\"never closed,\"channel\":\"web\"}\n" + Ok;
        Refused(text, JsonLines, File, RejectionReason.Malformed, 2, "stage");
        Skipped(text, JsonLines, File, RejectionReason.Malformed, 2, "stage", kept: 2);
    }

    [Fact]
    public void InvalidUtf8_IsMalformedAtItsLine()
    {
        var bytes = Encoding.UTF8.GetBytes(Ok + Ok.Replace("\"s\"", "\"#\"", StringComparison.Ordinal) + Ok);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3;
        var ex = Refused(bytes, JsonLines, File, RejectionReason.Malformed, 2, null);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
        Skipped(bytes, JsonLines, File, RejectionReason.Malformed, 2, null, kept: 2);
    }

    [Fact]
    public void BinaryGarbage_IsMalformedFromTheFirstLine()
    {
        var random = new Random(7);
        var bytes = Enumerable.Range(0, 2048).Select(_ => (byte)random.Next(256)).ToArray();
        var ex = Assert.Throws<EventLogException>(() => Read(bytes, JsonLines, File));
        Assert.Equal(RejectionReason.Malformed, ex.Reason);
        Assert.StartsWith(File + ": line ", ex.Message, StringComparison.Ordinal);
        var log = Read(bytes, JsonLines, File, Lenient());
        Assert.Equal(0, log.Count);
        Assert.True(log.Rejections.Count(RejectionReason.Malformed) >= 1);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void NotAnObject_IsMalformed(string line) =>
        Refused(Ok + line + "\n", JsonLines, File, RejectionReason.Malformed, 2, null);

    [Fact]
    public void TwoObjectsOnALine_IsMalformed() =>
        Refused(Ok + Ok.TrimEnd('\n') + Ok, JsonLines, File, RejectionReason.Malformed, 2, null);

    [Theory]
    [InlineData("stage", "\"other\"")]
    [InlineData("customer_id", "\"d\"")]
    [InlineData("note", "1")]
    public void DuplicatedProperty_IsMalformedNamingIt(string property, string json)
    {
        var line = property == "note" ? With("note", "0").Replace("}", ",\"note\":" + json + "}", StringComparison.Ordinal) : With(property, json);
        var ex = Refused(Ok + line, JsonLines, File, RejectionReason.Malformed, 2, property);
        Assert.Contains("appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessMiningFallback_ThenItsOwnName_IsNotADuplicate()
    {
        // case:concept:name fills the customer only while customer_id is absent; customer_id then wins, as before.
        var log = Read("{\"case:concept:name\":\"pm\",\"customer_id\":\"own\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"concept:name\":\"a@b\"}\n", JsonLines, File);
        Assert.Equal("own", Assert.Single(log.ToEvents()).CustomerId);
    }

    [Fact]
    public void EmptyFile_IsAnEmptyLog()
    {
        var log = Read(string.Empty, JsonLines, File);
        Assert.Equal(0, log.Count);
        Assert.Equal(0, log.Rejections.Total);
        Assert.Equal(0, Read("\n \n\t\r\n", JsonLines, File).Count);
    }

    [Fact]
    public void ExtremelyLongValue_NamesFileLineAndProperty()
    {
        var text = Ok + With("note", "\"" + new string('x', 70_000) + "\"") + Ok;
        var ex = Refused(text, JsonLines, File, RejectionReason.LimitExceeded, 2, "note");
        Assert.Contains("longer than 65536 characters", ex.Message, StringComparison.Ordinal);
        Skipped(text, JsonLines, File, RejectionReason.LimitExceeded, 2, "note", kept: 2);
    }

    [Fact]
    public void ExtremelyLongLine_IsSkippedWithoutBeingBuffered()
    {
        var options = new EventLogOptions { MaxFieldLength = 100 };
        var text = Ok + With("note", "[" + string.Join(",", Enumerable.Repeat("1", 600_000)) + "]") + Ok;
        var ex = Refused(text, JsonLines, File, RejectionReason.LimitExceeded, 2, null, options);
        Assert.Contains("the line is longer than", ex.Message, StringComparison.Ordinal);
        Skipped(text, JsonLines, File, RejectionReason.LimitExceeded, 2, null, kept: 2, Lenient(o => o.MaxFieldLength = 100));
    }

    [Fact]
    public void DeepNesting_IsMalformedNamingTheProperty()
    {
        var text = Ok + With("note", new string('[', 10_000) + new string(']', 10_000));
        var ex = Refused(text, JsonLines, File, RejectionReason.Malformed, 2, "note");
        Assert.Contains("depth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingWithinTheLimit_IsKeptAsRawJson() =>
        Assert.Equal("[[[]]]", Assert.Single(Read(With("note", "[[[]]]"), JsonLines, File).ToEvents()).Attributes["note"]);

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void NaNOrInfinityLiteral_IsNotJson(string literal) =>
        Refused(Ok + With("sentiment", literal), JsonLines, File, RejectionReason.Malformed, 2, "sentiment");

    [Theory]
    [InlineData("sentiment", "\"NaN\"")]
    [InlineData("sentiment", "\"-Infinity\"")]
    [InlineData("sentiment", "1e400")]
    [InlineData("nps", "1e400")]
    [InlineData("rating", "\"Infinity\"")]
    public void NaNOrInfinityValue_IsOutOfRange(string property, string json) =>
        Refused(Ok + With(property, json), JsonLines, File, RejectionReason.OutOfRange, 2, property);

    [Theory]
    [InlineData("sentiment", "-1.5")]
    [InlineData("nps", "11")]
    [InlineData("nps", "-1")]
    [InlineData("rating", "0")]
    public void OutOfRangeScore_NamesTheProperty(string property, string json) =>
        Refused(Ok + With(property, json), JsonLines, File, RejectionReason.OutOfRange, 2, property);

    [Fact]
    public void TimestampWithoutOffset_IsRejectedUnlessAZoneIsNamed()
    {
        var text = Ok + "{\"customer_id\":\"c\",\"timestamp\":\"2024-07-01T12:00:00\",\"stage\":\"s\",\"channel\":\"web\"}\n";
        var ex = Refused(text, JsonLines, File, RejectionReason.TimestampWithoutOffset, 2, "timestamp");
        Assert.Contains("no UTC offset", ex.Message, StringComparison.Ordinal);
        var zoned = Read(text, JsonLines, File, new EventLogOptions { AssumedTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") });
        Assert.Equal(TimeSpan.FromHours(2), zoned.GetEvent(1).Timestamp.Offset);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\ude00")]
    [InlineData("a\\ud83dz")]
    public void LoneSurrogateEscape_IsMalformedNamingTheProperty_FoundByFuzzing(string escaped)
    {
        // Found by the jsonl fuzz target (fuzz/corpus/jsonl/found-lone-surrogate-escape.jsonl): "\ud800" is well-formed
        // JSON but no text, and unescaping it threw InvalidOperationException out of the reader.
        var text = Ok + With("note", "\"" + escaped + "\"") + Ok;
        var ex = Refused(text, JsonLines, File, RejectionReason.Malformed, 2, "note");
        Assert.Contains("surrogate", ex.Message, StringComparison.Ordinal);
        Skipped(text, JsonLines, File, RejectionReason.Malformed, 2, "note", kept: 2);
        Refused(Ok.Replace("\"s\"", "\"" + escaped + "\"", StringComparison.Ordinal), JsonLines, File, RejectionReason.Malformed, 1, "stage");
    }

    [Fact]
    public void LoneSurrogateEscape_InAPropertyName_IsMalformed_FoundByFuzzing() =>
        Refused(Ok + With("n\\udc00", "1"), JsonLines, File, RejectionReason.Malformed, 2, null);

    [Fact]
    public void EmptyPropertyName_IsIgnoredLikeAnUnnamedCsvColumn_FoundByFuzzing()
    {
        // Found by the jsonl fuzz target (fuzz/corpus/jsonl/found-empty-property-name.jsonl): "" became an attribute that no
        // writer can write back.
        var log = Read(With(string.Empty, "\"x\""), JsonLines, File);
        Assert.Empty(Assert.Single(log.ToEvents()).Attributes);
        Assert.Empty(log.AttributeNames);
    }

    [Fact]
    public void WhiteSpaceOnlyStage_IsAMissingField_FoundByFuzzing() =>
        Refused(Ok + Ok.Replace("\"s\"", "\"  \"", StringComparison.Ordinal), JsonLines, File, RejectionReason.MissingField, 2, "stage");
}
