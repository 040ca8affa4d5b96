using System.Collections.Generic;
using CustomerJourney.Diagnostics;

namespace CustomerJourney.Rendering;

/// <summary>
/// A table both report renderers show: its columns and its cells as plain text, so that the figures are chosen once and
/// each renderer only decides the markup (and escapes the columns that hold input text).
/// </summary>
internal sealed class ReportTable
{
    private ReportTable(params Column[] columns) => Columns = columns;

    public IReadOnlyList<Column> Columns { get; }

    public List<string[]> Rows { get; } = new();

    /// <summary>NPS by group: all journeys, then segments, personas and touchpoints.</summary>
    public static ReportTable Nps(DiagnosticReport report)
    {
        var table = new ReportTable(Column.Text("Group"), Column.Number("NPS"), Column.Figure("Interval"), Column.Number("Answers"));
        foreach (var row in ReportFigures.NpsGroups(report))
        {
            table.Rows.Add(new[]
            {
                row.Key, StatisticsFigures.SignedOneDecimal(row.Value.Score), ReportFigures.NpsInterval(row.Value), StatisticsFigures.Count(row.Value.Answers),
            });
        }

        return table;
    }

    /// <summary>CSAT and CES by group; a group without one of them shows dashes and 0 answers.</summary>
    public static ReportTable Satisfaction(DiagnosticReport report)
    {
        var table = new ReportTable(
            Column.Text("Group"), Column.Number("CSAT"), Column.Figure("Interval"), Column.Number("Ratings"), Column.Number("CES"), Column.Figure("Interval"), Column.Number("Answers"));
        foreach (var row in SatisfactionRow.Of(report))
        {
            var cells = new string[7];
            cells[0] = row.Group;
            Share(cells, 1, row.Csat);
            Share(cells, 4, row.Ces);
            table.Rows.Add(cells);
        }

        return table;
    }

    /// <summary>Desired minus observed experience per touchpoint.</summary>
    public static ReportTable Gaps(DiagnosticReport report, JourneyMap map)
    {
        var table = new ReportTable(Column.Text("Touchpoint"), Column.Number("Desired"), Column.Number("Observed"), Column.Number("Gap"), Column.Number("Rated events"));
        foreach (var gap in report.ExperienceGaps)
        {
            table.Rows.Add(new[]
            {
                ReportFigures.StageName(map, gap.StageId) + " · " + ReportFigures.ChannelName(map, gap.ChannelId),
                MapCells.Signed(gap.Desired), MapCells.Signed(gap.Observed), MapCells.Signed(gap.Gap), StatisticsFigures.Count(gap.RatedEvents),
            });
        }

        return table;
    }

    /// <summary>The first <paramref name="shown"/> findings; the kind cell is "kind (subkind)", which HTML replaces by its pills.</summary>
    public static ReportTable Findings(DiagnosticReport report, JourneyMap map, int shown)
    {
        var table = new ReportTable(
            Column.Figure("Kind"), Column.Text("Where"), Column.Number("Score"), Column.Number("Support"), Column.Number("Rate"), Column.Number("Baseline"),
            Column.Figure("Interval"), Column.Text("Why"));
        for (var i = 0; i < shown; i++)
        {
            var f = report.Findings[i];
            var kind = ReportFigures.KindName(f.Kind);
            if (f.Subkind != FindingSubkind.None)
            {
                kind += " (" + ReportFigures.SubkindName(f.Subkind) + ")";
            }

            table.Rows.Add(new[]
            {
                kind, ReportFigures.Where(map, f), ReportFigures.Score(f.Score), StatisticsFigures.Count(f.Support), ReportFigures.Rate(f.Rate, signed: false),
                ReportFigures.Rate(f.Baseline, signed: false), ReportFigures.Interval(f), f.Explanation,
            });
        }

        return table;
    }

    private static void Share(string[] cells, int at, ProportionEstimate? share)
    {
        cells[at] = share is null ? "–" : StatisticsFigures.Percent(share.Rate);
        cells[at + 1] = share is null ? "–" : ReportFigures.ProportionInterval(share);
        cells[at + 2] = share is null ? "0" : StatisticsFigures.Count(share.Trials);
    }

    /// <summary>A column: its header, whether it is right-aligned (a number), whether its cells are input text to escape.</summary>
    internal sealed class Column
    {
        private Column(string header, bool numeric, bool text)
        {
            Header = header;
            Numeric = numeric;
            IsText = text;
        }

        public string Header { get; }

        public bool Numeric { get; }

        public bool IsText { get; }

        /// <summary>Names and explanations from the input: escaped by each renderer.</summary>
        public static Column Text(string header) => new(header, numeric: false, text: true);

        /// <summary>A right-aligned figure the library formatted.</summary>
        public static Column Number(string header) => new(header, numeric: true, text: false);

        /// <summary>A left-aligned figure the library formatted (an interval, a kind).</summary>
        public static Column Figure(string header) => new(header, numeric: false, text: false);
    }
}
