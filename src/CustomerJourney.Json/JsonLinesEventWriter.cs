using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using CustomerJourney.Events;
using CustomerJourney.Internal;

namespace CustomerJourney.Json;

/// <summary>
/// Writes one JSON object per event, one per line (<c>\n</c>), fields in the order of the CSV header, only those the
/// event has; attributes as strings. Non-ASCII text is written as is (relaxed escaping: these are data files, never
/// embedded in HTML).
/// </summary>
internal sealed class JsonLinesEventWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly EventLog _log;
    private readonly Stream _stream;

    public JsonLinesEventWriter(EventLog log, Stream stream)
    {
        _log = log;
        _stream = stream;
    }

    public void Write(CancellationToken cancellationToken)
    {
        var log = _log;
        WriterChecks.CheckAttributeNames(log, WriterChecks.CsvColumns);
        var timestamp = new byte[Iso8601.MaxLength];
        // Not disposed: disposing a BufferedStream closes the caller's stream.
        var buffered = new BufferedStream(_stream, 64 * 1024);
        using var w = new Utf8JsonWriter(buffered, s_options);
        for (var i = 0; i < log.Count; i++)
        {
            if ((i & 4095) == 4095)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var activity = log.Activity[i];
            w.WriteStartObject();
            w.WriteString("customer_id", log.CustomerNames[log.Customer[i]]);
            var n = Iso8601.Format(log.UtcTicks[i], log.OffsetMinutes?[i] ?? 0, timestamp, 0);
            w.WriteString("timestamp", new System.ReadOnlySpan<byte>(timestamp, 0, n));
            w.WriteString("stage", log.StageNames[log.ActivityStage[activity]]);
            w.WriteString("channel", log.ChannelNames[log.ActivityChannel[activity]]);
            if (log.Sentiment is { } s && !float.IsNaN(s[i]))
            {
                w.WritePropertyName("sentiment");
                w.WriteRawValue(s[i].ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
            }

            if (log.Rating is { } r && r[i] != 0)
            {
                w.WriteNumber("rating", r[i]);
            }

            if (log.Emotion is { } e && e[i] != 0)
            {
                w.WriteString("emotion", log.EmotionNames[e[i] - 1]);
            }

            if (log.Nps is { } p && p[i] >= 0)
            {
                w.WriteNumber("nps", p[i]);
            }

            if (log.Status is { } st && st[i] != 0)
            {
                w.WriteString("status", WriterChecks.StatusName((EventStatus)st[i]));
            }

            if (log.Segment is { } sg && sg[i] >= 0)
            {
                w.WriteString("segment", log.SegmentNames[sg[i]]);
            }

            if (log.Effort is { } f && f[i] != 0)
            {
                w.WriteNumber("effort", f[i]);
            }

            for (var k = 0; k < log.AttributeColumns.Length; k++)
            {
                if (log.AttributeColumns[k] is { } column && column[i] >= 0)
                {
                    w.WriteString(log.AttributeNameArray[k], log.AttributeValues[column[i]]);
                }
            }

            w.WriteEndObject();
            w.Flush();
            w.Reset();
            buffered.WriteByte((byte)'\n');
        }

        w.Flush();
        buffered.Flush();
    }
}
