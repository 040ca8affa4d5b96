using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// Writes a log as RFC 4180 CSV (UTF-8 without BOM, <c>\n</c> line ends, invariant culture), spreadsheet-safe: a text
/// cell starting with <c>= + - @</c>, tab or CR (after any apostrophes) gets one more leading apostrophe, which the CSV
/// reader removes again; numeric columns are written as plain numbers.
/// </summary>
internal sealed class CsvEventWriter
{
    private const int FlushAt = 60 * 1024;
    private readonly EventLog _log;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    public CsvEventWriter(EventLog log, Stream stream)
    {
        _log = log;
        _stream = stream;
    }

    /// <summary>Whether a cell starting with this byte could be taken for a formula by a spreadsheet (OWASP's list).</summary>
    internal static bool IsFormulaStart(byte c) => c is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';

    public void Write(CancellationToken cancellationToken)
    {
        var log = _log;
        WriterChecks.CheckAttributeNames(log, WriterChecks.CsvColumns);
        WriteText("customer_id", neutralise: false);
        Raw(",timestamp,stage,channel");
        if (log.Sentiment is not null)
        {
            Raw(",sentiment");
        }

        if (log.Rating is not null)
        {
            Raw(",rating");
        }

        if (log.Emotion is not null)
        {
            Raw(",emotion");
        }

        if (log.Nps is not null)
        {
            Raw(",nps");
        }

        if (log.Status is not null)
        {
            Raw(",status");
        }

        if (log.Segment is not null)
        {
            Raw(",segment");
        }

        if (log.Effort is not null)
        {
            Raw(",effort");
        }

        foreach (var name in log.AttributeNameArray)
        {
            Raw(",");
            WriteText(name, neutralise: true);
        }

        Raw("\n");
        for (var i = 0; i < log.Count; i++)
        {
            if ((i & 4095) == 4095)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var activity = log.Activity[i];
            WriteText(log.CustomerNames[log.Customer[i]], neutralise: true);
            Raw(",");
            Reserve(Iso8601.MaxLength);
            _length += Iso8601.Format(log.UtcTicks[i], log.OffsetMinutes?[i] ?? 0, _buffer, _length);
            Raw(",");
            WriteText(log.StageNames[log.ActivityStage[activity]], neutralise: true);
            Raw(",");
            WriteText(log.ChannelNames[log.ActivityChannel[activity]], neutralise: true);
            if (log.Sentiment is { } sentiment)
            {
                Raw(",");
                if (!float.IsNaN(sentiment[i]))
                {
                    Raw(sentiment[i].ToString("R", CultureInfo.InvariantCulture));
                }
            }

            if (log.Rating is { } rating)
            {
                Raw(",");
                if (rating[i] != 0)
                {
                    Digit(rating[i]);
                }
            }

            if (log.Emotion is { } emotion)
            {
                Raw(",");
                if (emotion[i] != 0)
                {
                    WriteText(log.EmotionNames[emotion[i] - 1], neutralise: true);
                }
            }

            if (log.Nps is { } nps)
            {
                Raw(",");
                if (nps[i] >= 0)
                {
                    if (nps[i] == 10)
                    {
                        Raw("10");
                    }
                    else
                    {
                        Digit(nps[i]);
                    }
                }
            }

            if (log.Status is { } status)
            {
                Raw(",");
                Raw(WriterChecks.StatusName((EventStatus)status[i]));
            }

            if (log.Segment is { } segment)
            {
                Raw(",");
                if (segment[i] >= 0)
                {
                    WriteText(log.SegmentNames[segment[i]], neutralise: true);
                }
            }

            if (log.Effort is { } effort)
            {
                Raw(",");
                if (effort[i] != 0)
                {
                    Digit(effort[i]);
                }
            }

            foreach (var column in log.AttributeColumns)
            {
                Raw(",");
                if (column is not null && column[i] >= 0)
                {
                    WriteText(log.AttributeValues[column[i]], neutralise: true);
                }
            }

            Raw("\n");
            if (_length >= FlushAt)
            {
                Flush();
            }
        }

        Flush();
        _stream.Flush();
    }

    private void Digit(int value)
    {
        Reserve(1);
        _buffer[_length++] = (byte)('0' + value);
    }

    private void Raw(string ascii)
    {
        Reserve(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            _buffer[_length++] = (byte)ascii[i];
        }
    }

    private void WriteText(string value, bool neutralise)
    {
        var prefix = false;
        if (neutralise)
        {
            var i = 0;
            while (i < value.Length && value[i] == '\'')
            {
                i++;
            }

            prefix = i < value.Length && value[i] < 128 && IsFormulaStart((byte)value[i]);
        }

        var quote = value.IndexOfAny(s_special) >= 0;
        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length) * 2 + 3);
        if (quote)
        {
            _buffer[_length++] = (byte)'"';
        }

        if (prefix)
        {
            _buffer[_length++] = (byte)'\'';
        }

        if (!quote || value.IndexOf('"') < 0)
        {
            _length += Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _length);
        }
        else
        {
            var start = _length;
            var n = Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _length);
            // Double each quote, right to left, in place (the reservation leaves room).
            var quotes = 0;
            for (var k = start; k < start + n; k++)
            {
                quotes += _buffer[k] == (byte)'"' ? 1 : 0;
            }

            var write = start + n + quotes - 1;
            for (var k = start + n - 1; k >= start; k--)
            {
                _buffer[write--] = _buffer[k];
                if (_buffer[k] == (byte)'"')
                {
                    _buffer[write--] = (byte)'"';
                }
            }

            n += quotes;
            _length += n;
        }

        if (quote)
        {
            _buffer[_length++] = (byte)'"';
        }
    }

    private static readonly char[] s_special = { ',', '"', '\r', '\n' };

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
            if (bytes > _buffer.Length)
            {
                _buffer = new byte[bytes];
            }
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
