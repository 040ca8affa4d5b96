using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerJourney.Events;

/// <summary>What was not taken from an input, counted by reason, with the first examples of each.</summary>
/// <remarks>Nothing is lost silently: every skipped row or dropped event is counted here. Immutable; safe to share across threads.</remarks>
public sealed class RejectionReport
{
    private static readonly ReadOnlyCollection<Rejection> s_noExamples = new(Array.Empty<Rejection>());
    private readonly long[] _counts;
    private readonly Rejection[][] _examples;

    internal RejectionReport(long[] counts, Rejection[][] examples)
    {
        _counts = counts;
        _examples = examples;
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        Total = total;
    }

    /// <summary>A report with nothing rejected.</summary>
    public static RejectionReport None { get; } = new(new long[ReasonCount], new Rejection[ReasonCount][]);

    /// <summary>How many inputs were rejected in all.</summary>
    public long Total { get; }

    internal static int ReasonCount => (int)RejectionReason.LimitExceeded + 1;

    /// <summary>How many inputs were rejected for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count; 0 for an undefined reason.</returns>
    public long Count(RejectionReason reason) => (uint)reason < (uint)_counts.Length ? _counts[(int)reason] : 0;

    /// <summary>The first rejections kept for a reason, in input order.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>At most <see cref="EventLogOptions.MaxExamplesPerReason"/> examples.</returns>
    public IReadOnlyList<Rejection> Examples(RejectionReason reason) =>
        (uint)reason < (uint)_examples.Length && _examples[(int)reason] is { } e ? new ReadOnlyCollection<Rejection>(e) : s_noExamples;

    /// <summary>The reasons with at least one rejection, in enum order.</summary>
    /// <returns>A new list.</returns>
    public IReadOnlyList<RejectionReason> Reasons()
    {
        var list = new List<RejectionReason>();
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > 0)
            {
                list.Add((RejectionReason)i);
            }
        }

        return list;
    }

    /// <summary>Adds two reports: counts add up, examples are kept up to <paramref name="maxExamplesPerReason"/>, this report's first.</summary>
    /// <param name="other">The other report.</param>
    /// <param name="maxExamplesPerReason">How many examples to keep per reason.</param>
    /// <returns>A new report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public RejectionReport Combine(RejectionReport other, int maxExamplesPerReason = 5)
    {
        Internal.Guard.NotNull(other);
        var builder = new RejectionReportBuilder(maxExamplesPerReason);
        builder.AddAll(this);
        builder.AddAll(other);
        return builder.Build();
    }

    /// <summary>Returns <c>N rejected</c> with the count of each reason.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var r in Reasons())
        {
            parts.Add(r + ": " + _counts[(int)r].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " rejected" + (parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")");
    }
}
