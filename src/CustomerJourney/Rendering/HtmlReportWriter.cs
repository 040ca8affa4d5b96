using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;

namespace CustomerJourney.Rendering;

/// <summary>Writes a diagnosis as one self-contained HTML page: inline CSS and SVG, no script, no external resource.</summary>
internal static class HtmlReportWriter
{
    private const string Style = @"
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px 28px 48px;font:14px/1.45 system-ui,-apple-system,""Segoe UI"",Roboto,""Helvetica Neue"",Arial,sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:36px 0 6px;padding-bottom:4px;border-bottom:1px solid var(--line)}
p.note{color:var(--muted);margin:4px 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0 0}
.card{flex:1 1 150px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft)}
.card .v{font-size:24px;font-weight:600}
.card .l{color:var(--muted);font-size:12px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}
th,td{border:1px solid var(--line);padding:5px 8px;vertical-align:top}
th{background:var(--soft);text-align:left;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
table.grid td{min-width:96px;text-align:center}
table.grid td.empty{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#f3f4f6 4px,#f3f4f6 8px)}
.sym{font-size:15px;font-weight:600}
.sub{display:block;font-size:11px;opacity:.85}
.badge{display:inline-block;min-width:16px;margin:2px 1px 0;padding:0 4px;border-radius:8px;font-size:10px;font-weight:700;color:#fff;line-height:16px}
.k0{background:#1a7f37}.k1{background:#bc4c00}.k2{background:#cf222e}.k3{background:#0969da}
.pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
svg{display:block;max-width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,""Segoe UI"",Roboto,Arial,sans-serif}
footer{margin-top:40px;color:var(--muted);font-size:12px}
";

    private static readonly string[] s_kindLetters = { "E", "I", "R", "M" };
    private static readonly double[] s_gridLines = { 1.0, 0.5, 0.0, -0.5, -1.0 };

    public static void Write(TextWriter w, DiagnosticReport report, JourneyMap map, JourneyStatistics? stats, ReportRenderOptions options)
    {
        var title = HtmlText.Escape(ReportRenderer.TitleOf(map, options));
        w.Write("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"CustomerJourney\"/>\n<title>");
        w.Write(title);
        w.Write("</title>\n<style>");
        w.Write(Style.Replace("\r\n", "\n"));
        w.Write("</style>\n</head>\n<body>\n<header>\n<h1>");
        w.Write(title);
        w.Write("</h1>\n<p class=\"note\">");
        w.Write(HtmlText.Escape(ReportFigures.CountByKind(report)));
        w.Write(". Each finding says why it was raised and how sure it is.</p>\n");
        WriteCards(w, report, map, stats);
        w.Write("</header>\n");
        WriteHeatmap(w, report, map, stats);
        WriteEmotionCurve(w, map, stats, options.Confidence);
        WriteFunnel(w, report, map);
        WriteSwitches(w, report, map, stats);
        WriteFindings(w, report, map, options.MaxFindings);
        WriteNps(w, report);
        WriteGaps(w, report, map);
        w.Write("<footer>Made by CustomerJourney from the diagnosis and the statistics of the log; no event is read here. ");
        w.Write("Intervals are at the diagnosis' confidence, except the emotion curve's (");
        w.Write(StatisticsFigures.Percent(options.Confidence));
        w.Write(", variance bounded).</footer>\n</body>\n</html>\n");
    }

    private static void WriteCards(TextWriter w, DiagnosticReport report, JourneyMap map, JourneyStatistics? stats)
    {
        w.Write("<div class=\"cards\">\n");
        Card(w, StatisticsFigures.Count(report.Journeys), "journeys");
        Card(w, StatisticsFigures.Count(report.Events), "events");
        if (stats?.ConversionStage is not null && report.Journeys > 0)
        {
            Card(w, StatisticsFigures.Percent(stats.TimeToConvert.Count, report.Journeys), "converted (reached " + ReportFigures.StageName(map, stats.ConversionStage) + ")");
        }

        if (report.Nps is { } nps)
        {
            Card(w, StatisticsFigures.SignedOneDecimal(nps.Score), "NPS, interval " + StatisticsFigures.SignedOneDecimal(nps.Low) + " to " + StatisticsFigures.SignedOneDecimal(nps.High) + ", " + StatisticsFigures.Count(nps.Answers, "answer", "answers"));
        }

        if (report.Csat is { } csat)
        {
            Card(w, StatisticsFigures.Percent(csat.Rate), "CSAT (ratings 4–5), interval " + StatisticsFigures.Percent(csat.Low) + " to " + StatisticsFigures.Percent(csat.High));
        }

        if (report.Ces is { } ces)
        {
            Card(w, StatisticsFigures.Percent(ces.Rate), "CES (effort 5–7 of 7), interval " + StatisticsFigures.Percent(ces.Low) + " to " + StatisticsFigures.Percent(ces.High));
        }

        Card(w, StatisticsFigures.Count(report.Findings.Count), report.Findings.Count == 1 ? "finding" : "findings");
        w.Write("</div>\n");
    }

    private static void Card(TextWriter w, string value, string label)
    {
        w.Write("<div class=\"card\"><div class=\"v\">");
        w.Write(HtmlText.Escape(value));
        w.Write("</div><div class=\"l\">");
        w.Write(HtmlText.Escape(label));
        w.Write("</div></div>\n");
    }

    private static void WriteHeatmap(TextWriter w, DiagnosticReport report, JourneyMap map, JourneyStatistics? stats)
    {
        w.Write("<section id=\"heatmap\">\n<h2>Stage × channel</h2>\n<p class=\"note\">");
        w.Write(stats is null
            ? "The map alone: no event log, so nothing observed."
            : "Each cell is coloured by the mean sentiment customers expressed there, from red (−1) to green (+1); n is the number of rated events.");
        w.Write(" ✓ offered · ✗ expected but not offered · ○ offered but not expected. Badges: findings at the touchpoint (E enchantment, I irritant, R rupture point, M moment of truth).</p>\n");

        var byCell = new Dictionary<string, TouchpointStatistics>(StringComparer.Ordinal);
        if (stats is not null)
        {
            foreach (var t in stats.Touchpoints)
            {
                byCell[t.Stage + "\n" + t.Channel] = t;
            }
        }

        var findingsAt = GroupFindings(report, f => f.ChannelId is { } channel ? f.StageId + "\n" + channel : null);

        w.Write("<table class=\"grid\">\n<tr><th>Stage</th>");
        foreach (var channel in map.Channels)
        {
            w.Write("<th>");
            w.Write(HtmlText.Escape(channel.Name));
            w.Write("</th>");
        }

        w.Write("</tr>\n");
        for (var s = 0; s < map.Stages.Count; s++)
        {
            var stage = map.Stages[s];
            w.Write("<tr><th>");
            w.Write(HtmlText.Escape(stage.Name));
            w.Write("</th>");
            for (var c = 0; c < map.Channels.Count; c++)
            {
                var channel = map.Channels[c];
                var key = stage.Id + "\n" + channel.Id;
                var touchpoint = map.TouchpointAt(s, c);
                byCell.TryGetValue(key, out var observed);
                var rated = observed is not null && observed.Sentiment.Count > 0;
                var symbol = MapCells.Symbol(touchpoint);
                if (!rated && symbol.Length == 0 && observed is null && !findingsAt.ContainsKey(key))
                {
                    w.Write("<td class=\"empty\"></td>");
                    continue;
                }

                if (rated)
                {
                    var mean = observed!.Sentiment.Mean;
                    w.Write("<td style=\"background:");
                    w.Write(SentimentColor(mean));
                    w.Write(Math.Abs(mean) > 0.55 ? ";color:#fff\"" : "\"");
                }
                else
                {
                    w.Write("<td");
                }

                w.Write(" title=\"");
                w.Write(HtmlText.Escape(stage.Name + " · " + channel.Name + (touchpoint?.DesiredExperience is { } d ? ", desired " + MapCells.Signed(d) : string.Empty)));
                w.Write("\"><span class=\"sym\">");
                w.Write(symbol.Length == 0 ? "&#160;" : symbol);
                w.Write("</span>");
                if (rated)
                {
                    w.Write("<span class=\"sub\">");
                    w.Write(MapCells.Signed(observed!.Sentiment.Mean));
                    w.Write(" · n ");
                    w.Write(StatisticsFigures.Count(observed.Sentiment.Count));
                    w.Write("</span>");
                }
                else if (observed is not null)
                {
                    w.Write("<span class=\"sub\">");
                    w.Write(StatisticsFigures.Count(observed.Events, "event", "events"));
                    w.Write(", unrated</span>");
                }

                Badges(w, findingsAt, key);

                w.Write("</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</table>\n</section>\n");
    }

    /// <summary>The findings by place (a key the caller makes; null leaves a finding out), in the report's order.</summary>
    private static Dictionary<string, List<Finding>> GroupFindings(DiagnosticReport report, Func<Finding, string?> keyOf)
    {
        var groups = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var f in report.Findings)
        {
            if (keyOf(f) is { } key)
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = new List<Finding>();
                }

                list.Add(f);
            }
        }

        return groups;
    }

    /// <summary>A badge per finding at the place, on its own line of the cell; nothing when there is none.</summary>
    private static void Badges(TextWriter w, Dictionary<string, List<Finding>> groups, string key)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            return;
        }

        w.Write("<span class=\"sub\">");
        foreach (var f in list)
        {
            Badge(w, f);
        }

        w.Write("</span>");
    }

    private static void Badge(TextWriter w, Finding f)
    {
        var k = (int)f.Kind;
        w.Write("<span class=\"badge k");
        w.Write(k.ToString(CultureInfo.InvariantCulture));
        w.Write("\" title=\"");
        w.Write(HtmlText.Escape(f.Explanation));
        w.Write("\">");
        w.Write(k >= 0 && k < s_kindLetters.Length ? s_kindLetters[k] : "?");
        w.Write("</span>");
    }

    private static void WriteEmotionCurve(TextWriter w, JourneyMap map, JourneyStatistics? stats, double confidence)
    {
        w.Write("<section id=\"emotion\">\n<h2>Emotion curve</h2>\n");
        var observed = ReportFigures.SentimentByStage(map, stats, confidence);
        var desired = ReportFigures.DesiredByStage(map);
        w.Write("<p class=\"note\">");
        w.Write(observed.Count == 0
            ? "No rated event: the curve shows the desired experience only (dashed)."
            : "Mean sentiment of the rated events at each stage (solid, with its " + StatisticsFigures.Percent(confidence) + " interval) against the desired experience the map states (dashed).");
        w.Write("</p>\n");

        const double left = 56, right = 24, top = 16, plotHeight = 220, bottom = 110;
        var n = Math.Max(1, map.Stages.Count);
        var step = Math.Max(56.0, Math.Min(120.0, 900.0 / n));
        var width = left + right + (step * n);
        var height = top + plotHeight + bottom;
        double X(int s) => left + (step * (s + 0.5));
        double Y(double v) => top + ((1.0 - v) / 2.0 * plotHeight);

        OpenSvg(w, "Emotion curve across stages", width, height);
        foreach (var v in s_gridLines)
        {
            w.Write("<line x1=\"");
            w.Write(HtmlText.Number(left));
            w.Write("\" x2=\"");
            w.Write(HtmlText.Number(width - right));
            w.Write("\" y1=\"");
            w.Write(HtmlText.Number(Y(v)));
            w.Write("\" y2=\"");
            w.Write(HtmlText.Number(Y(v)));
            w.Write(v == 0.0 ? "\" stroke=\"#8c959f\" stroke-width=\"1\"/>" : "\" stroke=\"#e5e7eb\" stroke-width=\"1\"/>");
            w.Write("<text x=\"");
            w.Write(HtmlText.Number(left - 8));
            w.Write("\" y=\"");
            w.Write(HtmlText.Number(Y(v) + 4));
            w.Write("\" text-anchor=\"end\" font-size=\"11\" fill=\"#59636e\">");
            w.Write(MapCells.Signed(v));
            w.Write("</text>\n");
        }

        for (var s = 0; s < map.Stages.Count; s++)
        {
            var x = X(s);
            var y = top + plotHeight + 14;
            w.Write("<text x=\"");
            w.Write(HtmlText.Number(x));
            w.Write("\" y=\"");
            w.Write(HtmlText.Number(y));
            w.Write("\" text-anchor=\"end\" font-size=\"11\" fill=\"#1f2328\" transform=\"rotate(-35 ");
            w.Write(HtmlText.Number(x));
            w.Write(' ');
            w.Write(HtmlText.Number(y));
            w.Write(")\">");
            w.Write(HtmlText.Escape(Shorten(map.Stages[s].Name, 26)));
            w.Write("</text>\n");
        }

        var desiredPoints = new List<string>();
        for (var s = 0; s < desired.Length; s++)
        {
            if (desired[s] is { } d)
            {
                desiredPoints.Add(HtmlText.Number(X(s)) + "," + HtmlText.Number(Y(d)));
            }
        }

        if (desiredPoints.Count > 0)
        {
            w.Write("<polyline fill=\"none\" stroke=\"#8c959f\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"");
            w.Write(string.Join(" ", desiredPoints));
            w.Write("\"/>\n");
        }

        if (observed.Count > 0)
        {
            var points = new List<string>();
            foreach (var p in observed)
            {
                points.Add(HtmlText.Number(X(map.GetStageRank(p.Stage.Id))) + "," + HtmlText.Number(Y(p.Mean)));
            }

            w.Write("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2.5\" points=\"");
            w.Write(string.Join(" ", points));
            w.Write("\"/>\n");
            foreach (var p in observed)
            {
                var x = HtmlText.Number(X(map.GetStageRank(p.Stage.Id)));
                w.Write("<g><title>");
                w.Write(HtmlText.Escape(p.Stage.Name + ": mean " + MapCells.Signed(p.Mean) + " [" + MapCells.Signed(p.Low) + ", " + MapCells.Signed(p.High) + "], " + StatisticsFigures.Count(p.Count, "rated event", "rated events")));
                w.Write("</title><line x1=\"");
                w.Write(x);
                w.Write("\" x2=\"");
                w.Write(x);
                w.Write("\" y1=\"");
                w.Write(HtmlText.Number(Y(p.Low)));
                w.Write("\" y2=\"");
                w.Write(HtmlText.Number(Y(p.High)));
                w.Write("\" stroke=\"#0969da\" stroke-width=\"1.5\"/><circle cx=\"");
                w.Write(x);
                w.Write("\" cy=\"");
                w.Write(HtmlText.Number(Y(p.Mean)));
                w.Write("\" r=\"5\" fill=\"");
                w.Write(SentimentColor(p.Mean));
                w.Write("\" stroke=\"#0969da\" stroke-width=\"2\"/><text x=\"");
                w.Write(x);
                w.Write("\" y=\"");
                w.Write(HtmlText.Number(Y(p.High) - 6));
                w.Write("\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"600\" fill=\"#1f2328\">");
                w.Write(MapCells.Signed(p.Mean));
                w.Write("</text></g>\n");
            }
        }

        w.Write("</svg>\n</section>\n");
    }

    /// <summary>Opens an inline SVG drawing of the given size, scaled by its view box when the page is narrower.</summary>
    private static void OpenSvg(TextWriter w, string label, double width, double height)
    {
        var x = HtmlText.Number(width);
        var y = HtmlText.Number(height);
        w.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"");
        w.Write(label);
        w.Write("\" width=\"" + x + "\" height=\"" + y + "\" viewBox=\"0 0 " + x + " " + y + "\">\n");
    }

    private static void WriteFunnel(TextWriter w, DiagnosticReport report, JourneyMap map)
    {
        w.Write("<section id=\"funnel\">\n<h2>Funnel</h2>\n");
        if (report.Funnel.Count == 0)
        {
            w.Write("<p class=\"note\">No event log: no funnel.</p>\n</section>\n");
            return;
        }

        w.Write("<p class=\"note\">Journeys that reached each stage, as a share of all journeys; on the right, how many of those at the previous stage did not reach this one.</p>\n");
        const double labelWidth = 210, barWidth = 520, rowHeight = 30, textWidth = 250;
        var width = labelWidth + barWidth + textWidth;
        var height = (rowHeight * report.Funnel.Count) + 8;
        OpenSvg(w, "Stage funnel", width, height);
        var all = Math.Max(1L, report.Journeys);
        for (var i = 0; i < report.Funnel.Count; i++)
        {
            var step = report.Funnel[i];
            var y = 4 + (i * rowHeight);
            var length = Math.Max(1.0, barWidth * step.Journeys / all);
            w.Write("<text x=\"");
            w.Write(HtmlText.Number(labelWidth - 10));
            w.Write("\" y=\"");
            w.Write(HtmlText.Number(y + 18));
            w.Write("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2328\">");
            w.Write(HtmlText.Escape(Shorten(ReportFigures.StageName(map, step.Stage), 30)));
            w.Write("</text><rect x=\"");
            w.Write(HtmlText.Number(labelWidth));
            w.Write("\" y=\"");
            w.Write(HtmlText.Number(y + 3));
            w.Write("\" width=\"");
            w.Write(HtmlText.Number(length));
            w.Write("\" height=\"");
            w.Write(HtmlText.Number(rowHeight - 8));
            w.Write("\" rx=\"3\" fill=\"#54aeff\"/><text x=\"");
            w.Write(HtmlText.Number(labelWidth + length + 6));
            w.Write("\" y=\"");
            w.Write(HtmlText.Number(y + 18));
            w.Write("\" font-size=\"12\" fill=\"#1f2328\">");
            w.Write(StatisticsFigures.Count(step.Journeys));
            w.Write(" (");
            w.Write(StatisticsFigures.Percent(step.Journeys, report.Journeys));
            w.Write(")</text>");
            if (i > 0 && step.DropOff != 0)
            {
                w.Write("<text x=\"");
                w.Write(HtmlText.Number(width - 4));
                w.Write("\" y=\"");
                w.Write(HtmlText.Number(y + 18));
                w.Write("\" text-anchor=\"end\" font-size=\"12\" fill=\"#cf222e\">drop-off ");
                w.Write(StatisticsFigures.Count(step.DropOff));
                w.Write(" (");
                w.Write(StatisticsFigures.Percent(step.DropOff, step.Previous));
                w.Write(")</text>");
            }

            w.Write('\n');
        }

        w.Write("</svg>\n</section>\n");
    }

    private static void WriteSwitches(TextWriter w, DiagnosticReport report, JourneyMap map, JourneyStatistics? stats)
    {
        w.Write("<section id=\"switches\">\n<h2>Channel switches</h2>\n");
        var matrix = ReportFigures.SwitchMatrix(map, stats);
        if (matrix is null || stats is null)
        {
            w.Write("<p class=\"note\">No event log: no switch observed.</p>\n</section>\n");
            return;
        }

        var n = map.Channels.Count;
        var lost = new long[n, n];
        var moves = new long[n, n];
        foreach (var t in stats.ChannelTransitions)
        {
            if (map.ChannelIndexOrMinusOne(t.FromChannel) is var from and >= 0 && map.ChannelIndexOrMinusOne(t.ToChannel) is var to and >= 0)
            {
                lost[from, to] = checked(lost[from, to] + t.LostContext);
                moves[from, to] = checked(moves[from, to] + t.Count);
            }
        }

        var declared = new bool[n, n];
        foreach (var h in map.Handoffs)
        {
            if (map.ChannelIndexOrMinusOne(h.FromChannelId) is var from and >= 0 && map.ChannelIndexOrMinusOne(h.ToChannelId) is var to and >= 0)
            {
                declared[from, to] = true;
            }
        }

        var ruptures = GroupFindings(report, f => f.FromChannelId is { } from && f.ToChannelId is { } to ? from + "\n" + to : null);

        long max = 1;
        foreach (var count in matrix)
        {
            max = Math.Max(max, count);
        }

        w.Write("<p class=\"note\">Switches from the row's channel to the column's, over all stages, and the share of moves between them that lost the customer's context (went back or gave up). ⇄ a hand-off is declared between them (at one stage at least).</p>\n");
        w.Write("<table class=\"grid\">\n<tr><th>From \\ to</th>");
        foreach (var channel in map.Channels)
        {
            w.Write("<th>");
            w.Write(HtmlText.Escape(channel.Name));
            w.Write("</th>");
        }

        w.Write("</tr>\n");
        for (var i = 0; i < n; i++)
        {
            w.Write("<tr><th>");
            w.Write(HtmlText.Escape(map.Channels[i].Name));
            w.Write("</th>");
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    w.Write("<td class=\"empty\" title=\"stays on the channel\"></td>");
                    continue;
                }

                var count = matrix[i, j];
                var shade = count == 0 ? 0.0 : 0.12 + (0.6 * count / max);
                w.Write("<td class=\"n\"");
                if (count > 0)
                {
                    w.Write(" style=\"background:rgba(9,105,218,");
                    w.Write(shade.ToString("0.##", CultureInfo.InvariantCulture));
                    w.Write(")\"");
                }

                w.Write('>');
                w.Write(StatisticsFigures.Count(count));
                if (declared[i, j])
                {
                    w.Write(" ⇄");
                }

                if (moves[i, j] > 0)
                {
                    w.Write("<span class=\"sub\">lost ");
                    w.Write(StatisticsFigures.Percent(lost[i, j], moves[i, j]));
                    w.Write("</span>");
                }

                Badges(w, ruptures, map.Channels[i].Id + "\n" + map.Channels[j].Id);

                w.Write("</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</table>\n</section>\n");
    }

    private static void WriteFindings(TextWriter w, DiagnosticReport report, JourneyMap map, int max)
    {
        w.Write("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (report.Findings.Count == 0)
        {
            w.Write("<p class=\"note\">No finding: nothing stands out from its baseline with enough evidence.</p>\n</section>\n");
            return;
        }

        w.Write("<p class=\"note\">By kind, then score. Rates and baselines are shares; for a moment of truth, the rate is the outcome among those who lived the touchpoint well, the baseline among those who lived it badly, and the interval is on the difference.</p>\n");
        var shown = Math.Min(max, report.Findings.Count);
        var table = ReportTable.Findings(report, map, shown);
        WriteTableHead(w, table);
        for (var i = 0; i < shown; i++)
        {
            // The kind as coloured pills rather than the table's plain "kind (subkind)".
            var f = report.Findings[i];
            w.Write("<tr><td><span class=\"pill k");
            w.Write(((int)f.Kind).ToString(CultureInfo.InvariantCulture));
            w.Write("\">");
            w.Write(HtmlText.Escape(ReportFigures.KindName(f.Kind)));
            w.Write("</span>");
            if (f.Subkind != FindingSubkind.None)
            {
                w.Write("<span class=\"sub\">");
                w.Write(HtmlText.Escape(ReportFigures.SubkindName(f.Subkind)));
                w.Write("</span>");
            }

            w.Write("</td>");
            WriteCells(w, table, table.Rows[i], from: 1);
        }

        w.Write("</table>\n");
        if (shown < report.Findings.Count)
        {
            w.Write("<p class=\"note\">");
            w.Write(StatisticsFigures.Count(report.Findings.Count - shown, "other finding", "other findings"));
            w.Write(" not listed.</p>\n");
        }

        w.Write("</section>\n");
    }

    private static void WriteNps(TextWriter w, DiagnosticReport report)
    {
        w.Write("<section id=\"nps\">\n<h2>NPS, CSAT and CES</h2>\n");
        var satisfaction = ReportTable.Satisfaction(report);
        if (report.Nps is null && satisfaction.Rows.Count == 0)
        {
            w.Write("<p class=\"note\">No NPS answer, no rating and no effort answer.</p>\n</section>\n");
            return;
        }

        if (report.Nps is not null)
        {
            w.Write("<p class=\"note\">NPS: promoters answer 9–10, detractors 0–6; from −100 to +100, with its interval.</p>\n");
            WriteTable(w, ReportTable.Nps(report));
        }

        if (satisfaction.Rows.Count > 0)
        {
            w.Write("<p class=\"note\">CSAT: share of ratings 4–5 of 5. CES: share of effort answers 5–7 of 7 (“the company made it easy for me”). With their intervals.</p>\n");
            WriteTable(w, satisfaction);
        }

        w.Write("</section>\n");
    }

    private static void WriteGaps(TextWriter w, DiagnosticReport report, JourneyMap map)
    {
        w.Write("<section id=\"gaps\">\n<h2>Experience gaps</h2>\n");
        if (report.ExperienceGaps.Count == 0)
        {
            w.Write("<p class=\"note\">No touchpoint has both a desired experience and a rated event.</p>\n</section>\n");
            return;
        }

        w.Write("<p class=\"note\">Desired experience (from the map) minus the observed mean sentiment: a positive gap is a promise not kept.</p>\n");
        WriteTable(w, ReportTable.Gaps(report, map));
        w.Write("</section>\n");
    }

    /// <summary>An HTML table: numbers right-aligned (class n), input text escaped.</summary>
    private static void WriteTable(TextWriter w, ReportTable table)
    {
        WriteTableHead(w, table);
        foreach (var row in table.Rows)
        {
            w.Write("<tr>");
            WriteCells(w, table, row, from: 0);
        }

        w.Write("</table>\n");
    }

    private static void WriteTableHead(TextWriter w, ReportTable table)
    {
        w.Write("<table>\n<tr>");
        foreach (var column in table.Columns)
        {
            w.Write(column.Numeric ? "<th class=\"n\">" : "<th>");
            w.Write(column.Header);
            w.Write("</th>");
        }

        w.Write("</tr>\n");
    }

    /// <summary>A row's cells from <paramref name="from"/> on, and the end of the row.</summary>
    private static void WriteCells(TextWriter w, ReportTable table, string[] row, int from)
    {
        for (var c = from; c < row.Length; c++)
        {
            w.Write(table.Columns[c].Numeric ? "<td class=\"n\">" : "<td>");
            w.Write(table.Columns[c].IsText ? HtmlText.Escape(row[c]) : row[c]);
            w.Write("</td>");
        }

        w.Write("</tr>\n");
    }

    /// <summary>A diverging colour for a sentiment in [−1, 1]: red, through a light grey at 0, to green.</summary>
    internal static string SentimentColor(double mean)
    {
        var t = Math.Max(-1.0, Math.Min(1.0, double.IsNaN(mean) ? 0.0 : mean));
        int r, g, b;
        if (t < 0)
        {
            var k = -t;
            r = Mix(0xf6, 0xcf, k);
            g = Mix(0xf8, 0x22, k);
            b = Mix(0xfa, 0x2e, k);
        }
        else
        {
            r = Mix(0xf6, 0x1a, t);
            g = Mix(0xf8, 0x7f, t);
            b = Mix(0xfa, 0x37, t);
        }

        return "#" + r.ToString("x2", CultureInfo.InvariantCulture) + g.ToString("x2", CultureInfo.InvariantCulture) + b.ToString("x2", CultureInfo.InvariantCulture);
    }

    private static int Mix(int from, int to, double k) => (int)Math.Round(from + ((to - from) * k), MidpointRounding.AwayFromZero);

    private static string Shorten(string text, int max)
    {
        text = MapCells.OneLine(text);
        return text.Length <= max ? text : text.Remove(max - 1) + "…";
    }
}
