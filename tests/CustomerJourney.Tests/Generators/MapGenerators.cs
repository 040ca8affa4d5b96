using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerJourney.Tests.Generators;

/// <summary>Generators of journey maps for property tests: valid ones, and valid ones with exactly one rule broken.</summary>
public static class MapGenerators
{
    /// <summary>An id never produced for a valid draft (generated ids end in <c>~digits</c>).</summary>
    public const string MissingId = "zz~missing";

    private static readonly string[] s_letters = { "a", "b", "z", "A", "Q", "é", "É", "ß", "日" };

    // Quotes, escapes, control characters, HTML-sensitive characters, a surrogate pair: all must survive the round trip.
    private static readonly string[] s_characters =
        s_letters.Concat(new[] { "0", "7", " ", "-", "_", ".", "\"", "\\", "/", "\n", "\t", "\u0001", "<", "&", "'", "+", "😀", "\u00A0" }).ToArray();

    private static readonly string[] s_blanks = { string.Empty, " ", "\t", " \n " };

    /// <summary>Non-blank text: starts with a letter, then anything from a tricky alphabet.</summary>
    public static Gen<string> Text { get; } =
        from first in Gen.Elements(s_letters)
        from length in Gen.Choose(0, 8)
        from rest in Gen.Elements(s_characters).ArrayOf(length)
        select first + string.Concat(rest);

    /// <summary>A value in [-1, 1]: bounds, zero, short decimals and full-precision doubles.</summary>
    public static Gen<double> Experience { get; } = Gen.OneOf(
        Gen.Elements(-1.0, 1.0, 0.0, 0.5, -0.1, 1.0 / 3.0),
        Gen.Choose(-1000, 1000).Select(n => n / 1000.0),
        Gen.Choose(int.MinValue, int.MaxValue).Select(n => Math.Sin(n)));

    /// <summary>Valid drafts: unique ids and orders, touchpoints on existing pairs, hand-offs between distinct existing channels.</summary>
    public static Gen<MapDraft> ValidDrafts { get; } =
        from stageCount in Gen.Choose(1, 6)
        from orders in Gen.Shuffle(Enumerable.Range(-5, 30).ToArray())
        from stages in Gen.Zip(Text, Gen.Zip(Text, Gen.Elements(JourneyPhase.Acquisition, JourneyPhase.Retention, JourneyPhase.Loyalty))).ArrayOf(stageCount)
        from channelCount in Gen.Choose(1, 4)
        from channels in Gen.Zip(Text, Gen.Zip(Text, Gen.Elements(ChannelKind.Digital, ChannelKind.Physical))).ArrayOf(channelCount)
        from personaCount in Gen.Choose(0, 3)
        from personas in Gen.Zip(Text, Gen.Zip(OptionalText(), OptionalText())).ArrayOf(personaCount)
        from name in OptionalText()
        let draft = Skeleton(name, orders, stages, channels, personas)
        from touchpoints in Touchpoints(draft)
        from handoffs in Handoffs(draft)
        from conversion in Gen.Frequency((3, Gen.Constant((string?)null)), (1, Gen.Elements(draft.Stages.Select(s => (string?)s.Id))))
        select WithRest(draft, touchpoints, handoffs, conversion);

    /// <summary>Valid maps, as <see cref="ValidDrafts"/> built.</summary>
    public static Gen<JourneyMap> ValidMaps { get; } = ValidDrafts.Select(d => d.Build());

    /// <summary>Drafts with exactly one rule broken, each with the element the error must name.</summary>
    public static Gen<BrokenMap> BrokenMaps { get; } = ValidDrafts.SelectMany(Break);

    /// <summary>Valid maps that shrink by dropping optional parts, so a counter-example comes out small.</summary>
    public static Arbitrary<JourneyMap> ValidMapArbitrary() => Arb.From(ValidMaps, ShrinkMap);

    /// <summary>Broken maps (no shrinking: the expected element depends on the exact positions).</summary>
    public static Arbitrary<BrokenMap> BrokenMapArbitrary() => Arb.From(BrokenMaps);

    /// <summary>Smaller valid maps: one persona, hand-off or touchpoint fewer, or the name or conversion stage cleared.</summary>
    public static IEnumerable<JourneyMap> ShrinkMap(JourneyMap map)
    {
        if (map.Name is not null)
        {
            yield return new JourneyMap(map.Stages, map.Channels, map.Touchpoints, map.Handoffs, map.Personas, map.DeclaredConversionStageId);
        }

        if (map.DeclaredConversionStageId is not null)
        {
            yield return new JourneyMap(map.Stages, map.Channels, map.Touchpoints, map.Handoffs, map.Personas, null, map.Name);
        }

        for (var i = 0; i < map.Personas.Count; i++)
        {
            yield return new JourneyMap(map.Stages, map.Channels, map.Touchpoints, map.Handoffs, Without(map.Personas, i), map.DeclaredConversionStageId, map.Name);
        }

        for (var i = 0; i < map.Handoffs.Count; i++)
        {
            yield return new JourneyMap(map.Stages, map.Channels, map.Touchpoints, Without(map.Handoffs, i), map.Personas, map.DeclaredConversionStageId, map.Name);
        }

        for (var i = 0; i < map.Touchpoints.Count; i++)
        {
            yield return new JourneyMap(map.Stages, map.Channels, Without(map.Touchpoints, i), map.Handoffs, map.Personas, map.DeclaredConversionStageId, map.Name);
        }
    }

    private static Gen<string?> OptionalText() =>
        Gen.Frequency((2, Gen.Constant((string?)null)), (1, Gen.Constant((string?)string.Empty)), (4, Text.Select(t => (string?)t)));

    private static MapDraft Skeleton(
        string? name,
        int[] orders,
        (string Id, (string Name, JourneyPhase Phase) More)[] stages,
        (string Id, (string Name, ChannelKind Kind) More)[] channels,
        (string Id, (string? Description, string? Segment) More)[] personas)
    {
        var draft = new MapDraft { Name = name == string.Empty ? null : name };
        for (var i = 0; i < stages.Length; i++)
        {
            draft.Stages.Add((stages[i].Id + "~" + i, stages[i].More.Name, orders[i], stages[i].More.Phase));
        }

        for (var i = 0; i < channels.Length; i++)
        {
            draft.Channels.Add((channels[i].Id + "~" + i, channels[i].More.Name, channels[i].More.Kind));
        }

        for (var i = 0; i < personas.Length; i++)
        {
            draft.Personas.Add((personas[i].Id + "~" + i, "persona " + personas[i].Id, personas[i].More.Description, personas[i].More.Segment));
        }

        return draft;
    }

    private static Gen<(string, string, bool, bool, double?)[]> Touchpoints(MapDraft draft)
    {
        var pairs = (from s in draft.Stages from c in draft.Channels select (s.Id, c.Id)).ToArray();
        var one = Gen.Zip(Gen.Elements(true, false), Gen.Zip(Gen.Elements(true, false), Gen.Frequency((1, Gen.Constant((double?)null)), (2, Experience.Select(d => (double?)d)))));
        return from chosen in Gen.SubListOf(pairs)
               from shuffled in Gen.Shuffle(chosen.ToArray())
               from details in one.ArrayOf(shuffled.Length)
               select shuffled.Select((p, i) => (p.Item1, p.Item2, details[i].Item1, details[i].Item2.Item1, details[i].Item2.Item2)).ToArray();
    }

    private static Gen<(string, string, string?)[]> Handoffs(MapDraft draft)
    {
        var stageIds = new string?[] { null }.Concat(draft.Stages.Select(s => (string?)s.Id)).ToArray();
        var candidates = (from f in draft.Channels
                          from t in draft.Channels
                          where f.Id != t.Id
                          from s in stageIds
                          select (f.Id, t.Id, s)).ToArray();
        return from shuffled in Gen.Shuffle(candidates)
               from count in Gen.Choose(0, Math.Min(6, shuffled.Length))
               select shuffled.Take(count).ToArray();
    }

    private static MapDraft WithRest(MapDraft draft, (string, string, bool, bool, double?)[] touchpoints, (string, string, string?)[] handoffs, string? conversion)
    {
        var result = draft.Clone();
        result.Touchpoints.AddRange(touchpoints);
        result.Handoffs.AddRange(handoffs);
        result.ConversionStage = conversion;
        return result;
    }

    private static Gen<BrokenMap> Break(MapDraft valid)
    {
        var breakages = new List<Gen<BrokenMap>>
        {
            // Duplicates: a copy inserted anywhere; the second occurrence is the one reported.
            from i in Index(valid.Stages.Count)
            from j in Index(valid.Stages.Count + 1)
            select Insert(valid, d => d.Stages, j, (valid.Stages[i].Id, "duplicate", MaxOrder(valid) + 1, JourneyPhase.Acquisition), i, "duplicate stage id", "id"),
            from i in Index(valid.Stages.Count)
            from j in Index(valid.Stages.Count + 1)
            select Insert(valid, d => d.Stages, j, ("dup~order", "duplicate", valid.Stages[i].Order, JourneyPhase.Loyalty), i, "duplicate stage order", "order"),
            from i in Index(valid.Channels.Count)
            from j in Index(valid.Channels.Count + 1)
            select Insert(valid, d => d.Channels, j, (valid.Channels[i].Id, "duplicate", ChannelKind.Physical), i, "duplicate channel id", "id"),

            // Dangling references.
            from c in Gen.Elements(valid.Channels.Select(c => c.Id))
            from j in Index(valid.Touchpoints.Count + 1)
            select Insert(valid, d => d.Touchpoints, j, (MissingId, c, true, true, (double?)null), -1, "touchpoint on an unknown stage", "stage"),
            from s in Gen.Elements(valid.Stages.Select(s => s.Id))
            from j in Index(valid.Touchpoints.Count + 1)
            select Insert(valid, d => d.Touchpoints, j, (s, MissingId, true, true, (double?)null), -1, "touchpoint on an unknown channel", "channel"),
            from c in Gen.Elements(valid.Channels.Select(c => c.Id))
            from j in Index(valid.Handoffs.Count + 1)
            from fromMissing in Gen.Elements(true, false)
            select fromMissing
                ? Insert(valid, d => d.Handoffs, j, (MissingId, c, (string?)null), -1, "hand-off from an unknown channel", "from")
                : Insert(valid, d => d.Handoffs, j, (c, MissingId, (string?)null), -1, "hand-off to an unknown channel", "to"),
            from c in Gen.Elements(valid.Channels.Select(c => c.Id))
            from j in Index(valid.Handoffs.Count + 1)
            select Insert(valid, d => d.Handoffs, j, (c, c, (string?)null), -1, "hand-off to its own channel", "to"),
            Gen.Constant(ConversionToMissing(valid)),

            // Blank names.
            from i in Index(valid.Stages.Count)
            from blank in Gen.Elements(s_blanks)
            select Replace(valid, d => d.Stages, i, s => (s.Id, blank, s.Order, s.Phase), "blank stage name", "name"),
            from i in Index(valid.Channels.Count)
            from blank in Gen.Elements(s_blanks)
            select Replace(valid, d => d.Channels, i, c => (c.Id, blank, c.Kind), "blank channel name", "name"),
            from blank in Gen.Elements(s_blanks)
            select BlankMapName(valid, blank),
        };

        if (valid.Channels.Count > 1)
        {
            breakages.Add(
                from j in Index(valid.Handoffs.Count + 1)
                select Insert(valid, d => d.Handoffs, j, (valid.Channels[0].Id, valid.Channels[1].Id, (string?)MissingId), -1, "hand-off at an unknown stage", "stage"));
        }

        if (valid.Touchpoints.Count > 0)
        {
            breakages.Add(
                from i in Index(valid.Touchpoints.Count)
                from j in Index(valid.Touchpoints.Count + 1)
                select Insert(valid, d => d.Touchpoints, j, valid.Touchpoints[i], i, "duplicate touchpoint", null));
        }

        if (valid.Handoffs.Count > 0)
        {
            breakages.Add(
                from i in Index(valid.Handoffs.Count)
                from j in Index(valid.Handoffs.Count + 1)
                select Insert(valid, d => d.Handoffs, j, valid.Handoffs[i], i, "duplicate hand-off", null));
        }

        if (valid.Personas.Count > 0)
        {
            breakages.Add(
                from i in Index(valid.Personas.Count)
                from j in Index(valid.Personas.Count + 1)
                select Insert(valid, d => d.Personas, j, (valid.Personas[i].Id, "duplicate", (string?)null, (string?)null), i, "duplicate persona id", "id"));
            breakages.Add(
                from i in Index(valid.Personas.Count)
                from blank in Gen.Elements(s_blanks)
                select Replace(valid, d => d.Personas, i, p => (p.Id, blank, p.Description, p.Segment), "blank persona name", "name"));
        }

        return Gen.OneOf(breakages);
    }

    private static Gen<int> Index(int count) => Gen.Choose(0, count - 1);

    private static int MaxOrder(MapDraft draft) => draft.Stages.Max(s => s.Order);

    /// <summary>
    /// Inserts <paramref name="item"/> at <paramref name="at"/>. When it repeats the element at <paramref name="original"/>, the
    /// validator reports whichever of the two comes second; otherwise (<paramref name="original"/> = -1) the inserted one.
    /// </summary>
    private static BrokenMap Insert<T>(MapDraft valid, Func<MapDraft, List<T>> list, int at, T item, int original, string breakage, string? field)
    {
        var draft = valid.Clone();
        var items = list(draft);
        items.Insert(at, item);
        var reported = original < 0 ? at : Math.Max(at, original + (at <= original ? 1 : 0));
        return new BrokenMap(draft, breakage, $"{CollectionName(items, draft)}[{reported}]" + (field is null ? string.Empty : "." + field));
    }

    private static BrokenMap Replace<T>(MapDraft valid, Func<MapDraft, List<T>> list, int index, Func<T, T> change, string breakage, string field)
    {
        var draft = valid.Clone();
        var items = list(draft);
        items[index] = change(items[index]);
        return new BrokenMap(draft, breakage, $"{CollectionName(items, draft)}[{index}].{field}");
    }

    private static BrokenMap ConversionToMissing(MapDraft valid)
    {
        var draft = valid.Clone();
        draft.ConversionStage = MissingId;
        return new BrokenMap(draft, "unknown conversion stage", "conversionStage");
    }

    private static BrokenMap BlankMapName(MapDraft valid, string blank)
    {
        var draft = valid.Clone();
        draft.Name = blank;
        return new BrokenMap(draft, "blank map name", "name");
    }

    private static string CollectionName(object items, MapDraft draft) =>
        ReferenceEquals(items, draft.Stages) ? "stages"
        : ReferenceEquals(items, draft.Channels) ? "channels"
        : ReferenceEquals(items, draft.Touchpoints) ? "touchpoints"
        : ReferenceEquals(items, draft.Handoffs) ? "handoffs"
        : ReferenceEquals(items, draft.Personas) ? "personas"
        : throw new ArgumentException("Not a list of this draft.", nameof(items));

    private static List<T> Without<T>(IReadOnlyList<T> items, int index)
    {
        var list = items.ToList();
        list.RemoveAt(index);
        return list;
    }
}
