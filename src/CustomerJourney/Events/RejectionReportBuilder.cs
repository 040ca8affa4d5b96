using System.Collections.Generic;

namespace CustomerJourney.Events;

/// <summary>Counts rejections as a reader or the analyzer goes; not thread-safe.</summary>
internal sealed class RejectionReportBuilder
{
    private readonly long[] _counts = new long[RejectionReport.ReasonCount];
    private readonly List<Rejection>?[] _examples = new List<Rejection>?[RejectionReport.ReasonCount];
    private readonly int _maxExamples;

    public RejectionReportBuilder(int maxExamples) => _maxExamples = maxExamples;

    public long Total { get; private set; }

    public void Add(RejectionReason reason, string detail, string? sourceName, long line, string? field)
    {
        _counts[(int)reason]++;
        Total++;
        var list = _examples[(int)reason] ??= new List<Rejection>();
        if (list.Count < _maxExamples)
        {
            list.Add(new Rejection(reason, detail, sourceName, line, field));
        }
    }

    public void Add(Rejection rejection, long count = 1)
    {
        _counts[(int)rejection.Reason] += count;
        Total += count;
        var list = _examples[(int)rejection.Reason] ??= new List<Rejection>();
        if (list.Count < _maxExamples)
        {
            list.Add(rejection);
        }
    }

    public void AddCount(RejectionReason reason, long count)
    {
        _counts[(int)reason] += count;
        Total += count;
    }

    public void AddAll(RejectionReport report)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            var reason = (RejectionReason)i;
            var count = report.Count(reason);
            if (count == 0)
            {
                continue;
            }

            var examples = report.Examples(reason);
            foreach (var e in examples)
            {
                Add(e, 0);
            }

            AddCount(reason, count);
        }
    }

    /// <summary>
    /// Adds what a reader of a later part of the same input counted, its lines shifted by <paramref name="lineOffset"/>:
    /// parts added in input order give exactly the counts and first examples one reader of the whole input would.
    /// </summary>
    public void AddFrom(RejectionReportBuilder part, long lineOffset)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (part._counts[i] == 0)
            {
                continue;
            }

            _counts[i] += part._counts[i];
            Total += part._counts[i];
            var examples = part._examples[i];
            if (examples is null)
            {
                continue;
            }

            var list = _examples[i] ??= new List<Rejection>();
            for (var k = 0; k < examples.Count && list.Count < _maxExamples; k++)
            {
                var e = examples[k];
                list.Add(new Rejection(e.Reason, e.Detail, e.SourceName, e.Line == 0 ? 0 : e.Line + lineOffset, e.Field));
            }
        }
    }

    /// <summary>Forgets everything counted, for a builder reused on the next part of an input.</summary>
    public void Clear()
    {
        System.Array.Clear(_counts, 0, _counts.Length);
        System.Array.Clear(_examples, 0, _examples.Length);
        Total = 0;
    }

    public RejectionReport Build()
    {
        var examples = new Rejection[_examples.Length][];
        for (var i = 0; i < examples.Length; i++)
        {
            examples[i] = _examples[i]?.ToArray() ?? System.Array.Empty<Rejection>();
        }

        return new RejectionReport((long[])_counts.Clone(), examples);
    }
}
