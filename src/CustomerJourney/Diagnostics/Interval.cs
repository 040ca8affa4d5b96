namespace CustomerJourney.Diagnostics;

/// <summary>A closed interval [Low, High]; a struct rather than a tuple because net462 has no ValueTuple.</summary>
internal readonly struct Interval
{
    public Interval(double low, double high)
    {
        Low = low;
        High = high;
    }

    public double Low { get; }

    public double High { get; }

    public bool Contains(double value) => Low <= value && value <= High;

    public void Deconstruct(out double low, out double high)
    {
        low = Low;
        high = High;
    }
}
