namespace CustomerJourney.Internal;

/// <summary>
/// Hash combining without System.HashCode, which net462 and netstandard2.0 lack
/// (and whose package the core must not depend on).
/// </summary>
internal static class Hash
{
    public static int Combine(int h1, int h2)
    {
        unchecked
        {
            return ((h1 << 5) + h1) ^ h2;
        }
    }

    public static int Combine(int h1, int h2, int h3) => Combine(Combine(h1, h2), h3);

    public static int Combine(int h1, int h2, int h3, int h4) => Combine(Combine(h1, h2, h3), h4);

    public static int Of(string? s) => s is null ? 0 : System.StringComparer.Ordinal.GetHashCode(s);
}
