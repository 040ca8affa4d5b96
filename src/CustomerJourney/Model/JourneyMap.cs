using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <summary>
/// The journey a company designs: its stages in order, its channels, the stage × channel grid of touchpoints,
/// the hand-offs between channels and the personas it is designed for.
/// </summary>
/// <remarks>
/// Validated at construction (see <see cref="JourneyMap(IEnumerable{Stage}, IEnumerable{Channel}, IEnumerable{Touchpoint}?, IEnumerable{Handoff}?, IEnumerable{Persona}?, string?, string?)"/>)
/// and immutable: safe to share across threads. A stage × channel pair with no touchpoint is neither offered nor expected.
/// Equality compares every element, stages in journey order and the other collections in declaration order.
/// </remarks>
public sealed partial class JourneyMap : IEquatable<JourneyMap>
{
    private readonly Dictionary<string, int> _stageIndex;
    private readonly Dictionary<string, int> _channelIndex;
    private readonly Touchpoint?[] _grid; // [stage index * channel count + channel index]
    private readonly bool[] _handoffAnyStage; // [from * channel count + to]
    private readonly HashSet<long> _handoffAtStage; // key: (from * channels + to) * stages + stage

    /// <summary>Creates a map and validates it.</summary>
    /// <param name="stages">At least one stage; ids and orders unique. Any order: the map sorts them by <see cref="Stage.Order"/>.</param>
    /// <param name="channels">At least one channel; ids unique.</param>
    /// <param name="touchpoints">Touchpoints on existing stages and channels, at most one per pair; null for none.</param>
    /// <param name="handoffs">Hand-offs between existing channels (and stage, when given), no duplicates; null for none.</param>
    /// <param name="personas">Personas with unique ids; null for none.</param>
    /// <param name="conversionStageId">The stage whose reach counts as a conversion; null for the last stage of the acquisition phase, or the last stage.</param>
    /// <param name="name">A name for the map; null when none.</param>
    /// <exception cref="JourneyMapException">A rule is broken; the message names the element, e.g. <c>touchpoints[3].stage: unknown stage 'zz'</c>.</exception>
    public JourneyMap(
        IEnumerable<Stage> stages,
        IEnumerable<Channel> channels,
        IEnumerable<Touchpoint>? touchpoints = null,
        IEnumerable<Handoff>? handoffs = null,
        IEnumerable<Persona>? personas = null,
        string? conversionStageId = null,
        string? name = null)
    {
        var stageList = ToList(stages, "stages");
        var channelList = ToList(channels, "channels");
        var touchpointList = ToList(touchpoints, "touchpoints");
        var handoffList = ToList(handoffs, "handoffs");
        var personaList = ToList(personas, "personas");

        if (stageList.Count == 0)
        {
            throw new JourneyMapException("stages", "a journey map needs at least one stage");
        }

        if (channelList.Count == 0)
        {
            throw new JourneyMapException("channels", "a journey map needs at least one channel");
        }

        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstByOrder = new Dictionary<int, int>();
        for (var i = 0; i < stageList.Count; i++)
        {
            var s = stageList[i];
            if (firstById.TryGetValue(s.Id, out var j))
            {
                throw new JourneyMapException($"stages[{i}].id", $"duplicate stage id '{s.Id}' (first at stages[{j}])");
            }

            if (firstByOrder.TryGetValue(s.Order, out var k))
            {
                throw new JourneyMapException($"stages[{i}].order", $"order {s.Order} is already used by stage '{stageList[k].Id}'");
            }

            firstById.Add(s.Id, i);
            firstByOrder.Add(s.Order, i);
        }

        var sorted = new Stage[stageList.Count];
        stageList.CopyTo(sorted);
        Array.Sort(sorted, static (a, b) => a.Order.CompareTo(b.Order));
        _stageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            _stageIndex.Add(sorted[i].Id, i);
        }

        _channelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < channelList.Count; i++)
        {
            if (_channelIndex.TryGetValue(channelList[i].Id, out var j))
            {
                throw new JourneyMapException($"channels[{i}].id", $"duplicate channel id '{channelList[i].Id}' (first at channels[{j}])");
            }

            _channelIndex.Add(channelList[i].Id, i);
        }

        var channelCount = channelList.Count;
        _grid = new Touchpoint?[sorted.Length * channelCount];
        var gridFirst = new int[_grid.Length];
        for (var i = 0; i < touchpointList.Count; i++)
        {
            var t = touchpointList[i];
            var s = RequireStage(t.StageId, $"touchpoints[{i}].stage");
            var c = RequireChannel(t.ChannelId, $"touchpoints[{i}].channel");
            var cell = (s * channelCount) + c;
            if (_grid[cell] is not null)
            {
                throw new JourneyMapException($"touchpoints[{i}]", $"duplicate touchpoint '{t}' (first at touchpoints[{gridFirst[cell]}])");
            }

            _grid[cell] = t;
            gridFirst[cell] = i;
        }

        _handoffAnyStage = new bool[channelCount * channelCount];
        _handoffAtStage = new HashSet<long>();
        var seenHandoffs = new Dictionary<Handoff, int>();
        for (var i = 0; i < handoffList.Count; i++)
        {
            var h = handoffList[i];
            var from = RequireChannel(h.FromChannelId, $"handoffs[{i}].from");
            var to = RequireChannel(h.ToChannelId, $"handoffs[{i}].to");
            if (seenHandoffs.TryGetValue(h, out var j))
            {
                throw new JourneyMapException($"handoffs[{i}]", $"duplicate hand-off '{h}' (first at handoffs[{j}])");
            }

            seenHandoffs.Add(h, i);
            if (h.StageId is null)
            {
                _handoffAnyStage[(from * channelCount) + to] = true;
            }
            else
            {
                var s = RequireStage(h.StageId, $"handoffs[{i}].stage");
                _handoffAtStage.Add(HandoffKey(from, to, s));
            }
        }

        var personaIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < personaList.Count; i++)
        {
            if (personaIds.TryGetValue(personaList[i].Id, out var j))
            {
                throw new JourneyMapException($"personas[{i}].id", $"duplicate persona id '{personaList[i].Id}' (first at personas[{j}])");
            }

            personaIds.Add(personaList[i].Id, i);
        }

        if (conversionStageId is not null)
        {
            RequireStage(conversionStageId, "conversionStage");
        }

        if (name is not null && Guard.IsBlank(name))
        {
            throw new JourneyMapException("name", "must not be empty or white space when given");
        }

        Name = name;
        Stages = new ReadOnlyCollection<Stage>(sorted);
        Channels = new ReadOnlyCollection<Channel>(channelList.ToArray());
        Touchpoints = new ReadOnlyCollection<Touchpoint>(touchpointList.ToArray());
        Handoffs = new ReadOnlyCollection<Handoff>(handoffList.ToArray());
        Personas = new ReadOnlyCollection<Persona>(personaList.ToArray());
        DeclaredConversionStageId = conversionStageId;
        ConversionStage = conversionStageId is not null ? sorted[_stageIndex[conversionStageId]] : DefaultConversionStage(sorted);
    }

    /// <summary>A name for the map; null when none.</summary>
    public string? Name { get; }

    /// <summary>The stages, in journey order (ascending <see cref="Stage.Order"/>).</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The channels, in declaration order.</summary>
    public IReadOnlyList<Channel> Channels { get; }

    /// <summary>The touchpoints, in declaration order.</summary>
    public IReadOnlyList<Touchpoint> Touchpoints { get; }

    /// <summary>The hand-offs, in declaration order.</summary>
    public IReadOnlyList<Handoff> Handoffs { get; }

    /// <summary>The personas, in declaration order.</summary>
    public IReadOnlyList<Persona> Personas { get; }

    /// <summary>The conversion stage as declared; null when the map relies on the default.</summary>
    public string? DeclaredConversionStageId { get; }

    /// <summary>
    /// The stage whose reach counts as a conversion: the declared one, else the last stage of the acquisition phase
    /// (the purchase ends the buyer journey), else the last stage.
    /// </summary>
    public Stage ConversionStage { get; }

    /// <summary>Creates a builder for a map.</summary>
    /// <param name="name">A name for the map; null when none.</param>
    /// <returns>An empty builder.</returns>
    public static JourneyMapBuilder CreateBuilder(string? name = null) => new(name);

    /// <inheritdoc/>
    public bool Equals(JourneyMap? other)
    {
        if (other is null)
        {
            return false;
        }

        return ReferenceEquals(this, other) ||
            (string.Equals(Name, other.Name, StringComparison.Ordinal)
             && string.Equals(DeclaredConversionStageId, other.DeclaredConversionStageId, StringComparison.Ordinal)
             && SequenceEqual(Stages, other.Stages)
             && SequenceEqual(Channels, other.Channels)
             && SequenceEqual(Touchpoints, other.Touchpoints)
             && SequenceEqual(Handoffs, other.Handoffs)
             && SequenceEqual(Personas, other.Personas));
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JourneyMap);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = Hash.Combine(Hash.Of(Name), Hash.Of(DeclaredConversionStageId), Stages.Count, Channels.Count);
        foreach (var s in Stages)
        {
            h = Hash.Combine(h, s.GetHashCode());
        }

        foreach (var t in Touchpoints)
        {
            h = Hash.Combine(h, t.GetHashCode());
        }

        return h;
    }

    /// <summary>Returns the name and the size of the map.</summary>
    public override string ToString() =>
        $"{Name ?? "journey map"} ({Stages.Count} stages, {Channels.Count} channels, {Touchpoints.Count} touchpoints)";

    private static long HandoffKey(int from, int to, int stage) => checked(((long)from << 42) | ((long)to << 21) | (uint)stage);

    private static Stage DefaultConversionStage(Stage[] sorted)
    {
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            if (sorted[i].Phase == JourneyPhase.Acquisition)
            {
                return sorted[i];
            }
        }

        return sorted[sorted.Length - 1];
    }

    private static List<T> ToList<T>(IEnumerable<T>? items, string element)
        where T : class
    {
        var list = new List<T>();
        if (items is null)
        {
            return list;
        }

        foreach (var item in items)
        {
            if (item is null)
            {
                throw new JourneyMapException($"{element}[{list.Count}]", "must not be null");
            }

            list.Add(item);
        }

        return list;
    }

    private static bool SequenceEqual<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : IEquatable<T>
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int RequireStage(string id, string element) =>
        _stageIndex.TryGetValue(id, out var i) ? i : throw new JourneyMapException(element, $"unknown stage '{id}'");

    private int RequireChannel(string id, string element) =>
        _channelIndex.TryGetValue(id, out var i) ? i : throw new JourneyMapException(element, $"unknown channel '{id}'");
}
