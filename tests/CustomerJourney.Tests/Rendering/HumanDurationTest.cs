using CustomerJourney.Rendering;

namespace CustomerJourney.Tests.Rendering;

public sealed class HumanDurationTest
{
    [Theory]
    [InlineData(0.0, 2, "0 ms")]
    [InlineData(0.4504, 2, "450 ms")]
    [InlineData(0.9996, 2, "1 s")]
    [InlineData(1.0, 2, "1 s")]
    [InlineData(59.4, 2, "59 s")]
    [InlineData(200.0, 2, "3 min 20 s")]
    [InlineData(200.0, 1, "3 min")]
    [InlineData(3_600.0, 2, "1 h")]
    [InlineData(3_605.0, 2, "1 h")]
    [InlineData(3_605.0, 3, "1 h 5 s")]
    [InlineData(3_590.0, 1, "1 h")]
    [InlineData(3_590.0, 2, "59 min 50 s")]
    [InlineData(187_200.0, 2, "2 d 4 h")]
    [InlineData(187_230.0, 2, "2 d 4 h")]
    [InlineData(189_000.0, 2, "2 d 5 h")]
    [InlineData(187_263.0, 4, "2 d 4 h 1 min 3 s")]
    [InlineData(-200.0, 2, "-3 min 20 s")]
    [InlineData(double.NaN, 2, "–")]
    public void Format_Seconds_ReadsLikeAPersonWouldSayIt(double seconds, int units, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(seconds, units));
    }
}
