using System;

namespace CustomerJourney.Diagnostics;

/// <summary>
/// The statistics behind "clearly above baseline": score intervals for proportions and their differences,
/// a two-proportion test and false-discovery-rate control. Pure functions; no allocation except BH's ranks.
/// </summary>
internal static class Proportions
{
    /// <summary>z such that a two-sided interval has the given confidence: the upper tail beyond z is (1 − confidence) / 2; bisection, deterministic.</summary>
    public static double ZForConfidence(double confidence)
    {
        var tail = (1.0 - confidence) / 2.0;
        double low = 0.0, high = 40.0;
        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var mid = (low + high) / 2.0;
            if (UpperNormalTail(mid) > tail)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2.0;
    }

    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>: unlike the Wald interval it
    /// stays inside [0, 1] and keeps its coverage for small samples and rates near 0 or 1.
    /// </summary>
    /// <returns>(low, high); (0, 1) when there are no trials.</returns>
    public static Interval Wilson(long successes, long trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return new Interval(0.0, 1.0);
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Must be within [0, {trials}].");
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1.0 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;

        // Exact bounds at the edges: rounding must not put 0 or 1 outside the interval of an observed 0% or 100%.
        var low = successes == 0 ? 0.0 : Math.Max(0.0, center - half);
        var high = successes == trials ? 1.0 : Math.Min(1.0, center + half);
        return new Interval(low, high);
    }

    /// <summary>
    /// Newcombe's hybrid score interval (his method 10) for the difference p1 − p2 of two independent proportions,
    /// built from the two Wilson intervals: it keeps good coverage where the Wald difference interval fails.
    /// </summary>
    /// <returns>(low, high) within [-1, 1].</returns>
    public static Interval NewcombeDifference(long successes1, long trials1, long successes2, long trials2, double z = Z95)
    {
        var p1 = trials1 > 0 ? (double)successes1 / trials1 : 0.0;
        var p2 = trials2 > 0 ? (double)successes2 / trials2 : 0.0;
        var (l1, u1) = Wilson(successes1, trials1, z);
        var (l2, u2) = Wilson(successes2, trials2, z);
        var d = p1 - p2;
        var low = d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2)));
        var high = d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2)));
        return new Interval(Math.Max(-1.0, low), Math.Min(1.0, high));
    }

    /// <summary>
    /// One-sided p-value that proportion 1 is greater than proportion 2 (pooled two-proportion z-test).
    /// </summary>
    /// <returns>A value in [0, 1]; 1 when either sample is empty or both proportions are 0 or 1 (no evidence).</returns>
    public static double PValueGreater(long successes1, long trials1, long successes2, long trials2)
    {
        if (trials1 <= 0 || trials2 <= 0)
        {
            return 1.0;
        }

        double n1 = trials1, n2 = trials2;
        var p1 = successes1 / n1;
        var p2 = successes2 / n2;
        var pooled = (successes1 + successes2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1 / n1) + (1 / n2));
        if (variance <= 0)
        {
            return p1 > p2 ? 0.0 : 1.0;
        }

        return UpperNormalTail((p1 - p2) / Math.Sqrt(variance));
    }

    /// <summary>
    /// Benjamini–Hochberg: which of the hypotheses are discoveries at false-discovery rate <paramref name="q"/>.
    /// </summary>
    /// <param name="pValues">One p-value per hypothesis tested.</param>
    /// <param name="q">The false-discovery rate, in (0, 1).</param>
    /// <returns>For each hypothesis, whether it is rejected (a finding). Ties are handled as the procedure defines: by rank.</returns>
    public static bool[] BenjaminiHochberg(double[] pValues, double q)
    {
        var m = pValues.Length;
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        // Stable order by p-value, then index, so equal p-values are decided the same way on every run.
        Array.Sort(order, (a, b) => pValues[a] != pValues[b] ? pValues[a].CompareTo(pValues[b]) : a.CompareTo(b));
        var cutoff = -1;
        for (var k = m - 1; k >= 0; k--)
        {
            if (pValues[order[k]] <= q * (k + 1) / m)
            {
                cutoff = k;
                break;
            }
        }

        var rejected = new bool[m];
        for (var k = 0; k <= cutoff; k++)
        {
            rejected[order[k]] = true;
        }

        return rejected;
    }

    /// <summary>P(Z &gt; z) for a standard normal Z, accurate to about 1e-14 relative over the whole line.</summary>
    public static double UpperNormalTail(double z) => z < 0 ? 1.0 - (0.5 * Erfc(-z / Math.Sqrt(2))) : 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// The complementary error function: the positive-term series of erf for small x (no cancellation), a Lentz
    /// continued fraction for large x, where erfc is tiny and must keep its relative precision for small p-values.
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        if (x < 2.5)
        {
            // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1*3*...*(2n+1))
            var term = x;
            var sum = x;
            var x2 = x * x;
            for (var n = 1; n < 200; n++)
            {
                term *= 2 * x2 / ((2 * n) + 1);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }

            return 1.0 - (2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum);
        }

        if (x > 27)
        {
            return 0.0;
        }

        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), modified Lentz.
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
