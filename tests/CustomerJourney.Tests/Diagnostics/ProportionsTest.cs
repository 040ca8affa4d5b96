using CustomerJourney.Diagnostics;
using FsCheck.Xunit;

namespace CustomerJourney.Tests.Diagnostics;

public class ProportionsTest
{
    [Fact]
    public void Wilson_MatchesNewcombe1998Example()
    {
        // Newcombe (1998), Statistics in Medicine 17:857, example 81/263: score interval 0.2553 to 0.3662.
        var (low, high) = Proportions.Wilson(81, 263);
        Assert.Equal(0.2553, low, 4);
        Assert.Equal(0.3662, high, 4);
    }

    [Fact]
    public void Wilson_AtTheEdges_IncludesTheObservedRate()
    {
        Assert.Equal(0.0, Proportions.Wilson(0, 10).Low);
        Assert.Equal(1.0, Proportions.Wilson(10, 10).High);
        Assert.Equal(0.0, Proportions.Wilson(0, 0).Low);
        Assert.Equal(1.0, Proportions.Wilson(0, 0).High);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)] // Newcombe (1998), Statistics in Medicine 17:873, method 10, example (a)
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)] // example (b)
    public void NewcombeDifference_MatchesPublishedExamples(long s1, long n1, long s2, long n2, double low, double high)
    {
        var ci = Proportions.NewcombeDifference(s1, n1, s2, n2);
        Assert.Equal(low, ci.Low, 4);
        Assert.Equal(high, ci.High, 4);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.157299207050285)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(5.0, 1.537459794428035e-12)]
    [InlineData(-1.0, 1.842700792949715)]
    public void Erfc_MatchesReferenceValues(double x, double expected)
    {
        Assert.Equal(expected, Proportions.Erfc(x), expected * 1e-12);
    }

    [Fact]
    public void UpperNormalTail_At1Point96_IsTwoAndAHalfPercent()
    {
        Assert.Equal(0.025, Proportions.UpperNormalTail(Proportions.Z95), 1e-12);
        Assert.Equal(0.975, Proportions.UpperNormalTail(-Proportions.Z95), 1e-12);
    }

    [Fact]
    public void PValueGreater_IsSmallForAClearDifferenceAndLargeOtherwise()
    {
        Assert.True(Proportions.PValueGreater(60, 100, 20, 100) < 1e-8);
        Assert.True(Proportions.PValueGreater(20, 100, 60, 100) > 0.99);
        Assert.Equal(1.0, Proportions.PValueGreater(3, 0, 1, 10));
    }

    [Fact]
    public void BenjaminiHochberg_RejectsUpToTheLargestRankUnderTheLine()
    {
        Assert.Equal(new[] { true, true, true, false }, Proportions.BenjaminiHochberg(new[] { 0.01, 0.02, 0.03, 0.5 }, 0.05));
        // 0.04 at rank 4 is under 0.05 * 4/4, so every smaller p-value is a discovery too, even 0.03 above its own line.
        Assert.Equal(new[] { true, true, true, true }, Proportions.BenjaminiHochberg(new[] { 0.01, 0.04, 0.03, 0.005 }, 0.05));
        Assert.Equal(new[] { false, false }, Proportions.BenjaminiHochberg(new[] { 0.2, 0.3 }, 0.05));
    }

    [Property]
    public bool Wilson_ContainsThePointEstimate(FsCheck.PositiveInt trials, FsCheck.NonNegativeInt successes)
    {
        var n = trials.Get;
        var k = successes.Get % (n + 1);
        var (low, high) = Proportions.Wilson(k, n);
        var p = (double)k / n;
        return low <= p && p <= high && low >= 0 && high <= 1;
    }

    [Property]
    public bool NewcombeDifference_ContainsThePointEstimate(FsCheck.PositiveInt n1, FsCheck.NonNegativeInt k1, FsCheck.PositiveInt n2, FsCheck.NonNegativeInt k2)
    {
        long a = k1.Get % (n1.Get + 1), b = k2.Get % (n2.Get + 1);
        var d = ((double)a / n1.Get) - ((double)b / n2.Get);
        var (low, high) = Proportions.NewcombeDifference(a, n1.Get, b, n2.Get);
        return low <= d + 1e-12 && d - 1e-12 <= high;
    }
}
