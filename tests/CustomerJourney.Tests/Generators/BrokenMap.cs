namespace CustomerJourney.Tests.Generators;

/// <summary>A draft with exactly one rule broken, and the element a correct validator must name for it.</summary>
public sealed class BrokenMap
{
    public BrokenMap(MapDraft draft, string breakage, string expectedElement)
    {
        Draft = draft;
        Breakage = breakage;
        ExpectedElement = expectedElement;
    }

    public MapDraft Draft { get; }

    /// <summary>What was broken, in words, for the counter-example report.</summary>
    public string Breakage { get; }

    /// <summary>The element path, without the JSON <c>$.</c> prefix: <c>stages[2].id</c>.</summary>
    public string ExpectedElement { get; }

    public override string ToString() => $"{Breakage} -> {ExpectedElement} in {Draft}";
}
