using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Xml;
using CustomerJourney.Internal;

namespace CustomerJourney.Events;

/// <summary>
/// Writes a log as IEEE 1849 XES: the concept and time extensions, one trace per customer in first-seen order, events in
/// input order, our fields as typed attributes (<c>stage</c>, <c>channel</c>, <c>sentiment</c> float, <c>rating</c> and
/// <c>nps</c> int, <c>emotion</c>, <c>status</c>, <c>segment</c>, <c>effort</c> int), other attributes as strings.
/// </summary>
internal sealed class XesEventWriter
{
    private const string Namespace = "http://www.xes-standard.org/";
    private readonly EventLog _log;
    private readonly Stream _stream;
    private readonly string _defaultChannel;

    public XesEventWriter(EventLog log, Stream stream, string defaultChannel)
    {
        _log = log;
        _stream = stream;
        _defaultChannel = defaultChannel;
    }

    public void Write(CancellationToken cancellationToken)
    {
        var log = _log;
        WriterChecks.CheckAttributeNames(log, WriterChecks.XesKeys);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };

        // Events grouped by customer (ids are in first-seen order), input order kept inside each group.
        var customers = log.CustomerNames.Length;
        var first = new int[customers + 1];
        for (var i = 0; i < log.Count; i++)
        {
            first[log.Customer[i] + 1]++;
        }

        for (var c = 0; c < customers; c++)
        {
            first[c + 1] += first[c];
        }

        var order = new int[log.Count];
        var next = (int[])first.Clone();
        for (var i = 0; i < log.Count; i++)
        {
            order[next[log.Customer[i]]++] = i;
        }

        using var w = XmlWriter.Create(_stream, settings);
        w.WriteStartDocument();
        w.WriteStartElement("log", Namespace);
        w.WriteAttributeString("xes.version", "1849-2016");
        w.WriteAttributeString("xes.features", string.Empty);
        Extension(w, "Concept", "concept", "http://www.xes-standard.org/concept.xesext");
        Extension(w, "Time", "time", "http://www.xes-standard.org/time.xesext");
        var written = 0;
        for (var c = 0; c < customers; c++)
        {
            if (first[c] == first[c + 1])
            {
                continue;
            }

            w.WriteStartElement("trace", Namespace);
            Attribute(w, "string", "concept:name", log.CustomerNames[c]);
            for (var k = first[c]; k < first[c + 1]; k++)
            {
                if ((++written & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                WriteEvent(w, order[k]);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
        w.Flush();
    }

    private void WriteEvent(XmlWriter w, int i)
    {
        var log = _log;
        var activity = log.Activity[i];
        w.WriteStartElement("event", Namespace);
        Attribute(w, "string", "concept:name", log.ActivityName(activity, _defaultChannel));
        Attribute(w, "date", "time:timestamp", Iso8601.ToString(log.UtcTicks[i], log.OffsetMinutes?[i] ?? 0));
        Attribute(w, "string", "stage", log.StageNames[log.ActivityStage[activity]]);
        Attribute(w, "string", "channel", log.ChannelNames[log.ActivityChannel[activity]]);
        if (log.Sentiment is { } s && !float.IsNaN(s[i]))
        {
            Attribute(w, "float", "sentiment", s[i].ToString("R", CultureInfo.InvariantCulture));
        }

        if (log.Rating is { } r && r[i] != 0)
        {
            Attribute(w, "int", "rating", r[i].ToString(CultureInfo.InvariantCulture));
        }

        if (log.Emotion is { } e && e[i] != 0)
        {
            Attribute(w, "string", "emotion", log.EmotionNames[e[i] - 1]);
        }

        if (log.Nps is { } n && n[i] >= 0)
        {
            Attribute(w, "int", "nps", n[i].ToString(CultureInfo.InvariantCulture));
        }

        if (log.Status is { } st && st[i] != 0)
        {
            Attribute(w, "string", "status", WriterChecks.StatusName((EventStatus)st[i]));
        }

        if (log.Segment is { } sg && sg[i] >= 0)
        {
            Attribute(w, "string", "segment", log.SegmentNames[sg[i]]);
        }

        if (log.Effort is { } f && f[i] != 0)
        {
            Attribute(w, "int", "effort", f[i].ToString(CultureInfo.InvariantCulture));
        }

        for (var k = 0; k < log.AttributeColumns.Length; k++)
        {
            if (log.AttributeColumns[k] is { } column && column[i] >= 0)
            {
                Attribute(w, "string", log.AttributeNameArray[k], log.AttributeValues[column[i]]);
            }
        }

        w.WriteEndElement();
    }

    private static void Extension(XmlWriter w, string name, string prefix, string uri)
    {
        w.WriteStartElement("extension", Namespace);
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("prefix", prefix);
        w.WriteAttributeString("uri", uri);
        w.WriteEndElement();
    }

    private static void Attribute(XmlWriter w, string type, string key, string value)
    {
        w.WriteStartElement(type, Namespace);
        w.WriteAttributeString("key", key);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }
}
