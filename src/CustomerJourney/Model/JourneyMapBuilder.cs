using System;
using System.Collections.Generic;

namespace CustomerJourney;

/// <summary>Builds a <see cref="JourneyMap"/> step by step; <see cref="Build"/> validates everything at once.</summary>
/// <remarks>
/// The builder records what it is given and checks nothing until <see cref="Build"/>, so that every error is reported
/// the same way, as a <see cref="JourneyMapException"/> naming the element (<c>stages[2].name</c>). Not thread-safe;
/// the map it builds is.
/// </remarks>
public sealed class JourneyMapBuilder
{
    private readonly List<Func<Stage>> _stages = new();
    private readonly List<Func<Channel>> _channels = new();
    private readonly List<Func<Touchpoint>> _touchpoints = new();
    private readonly List<Func<Handoff>> _handoffs = new();
    private readonly List<Func<Persona>> _personas = new();
    private int _nextOrder = 1;
    private string? _conversionStageId;

    internal JourneyMapBuilder(string? name) => Name = name;

    /// <summary>The name the map will have; null when none.</summary>
    public string? Name { get; set; }

    /// <summary>Adds a stage.</summary>
    /// <param name="id">The stage id.</param>
    /// <param name="name">The name people read.</param>
    /// <param name="phase">The phase of the relationship.</param>
    /// <param name="order">Its position, unique in the map; null for one more than the largest order so far (1 for the first).</param>
    /// <returns>This builder.</returns>
    public JourneyMapBuilder AddStage(string id, string name, JourneyPhase phase = JourneyPhase.Acquisition, int? order = null)
    {
        var at = $"stages[{_stages.Count}]";
        var o = order ?? _nextOrder;
        _stages.Add(() => Make(at, () => new Stage(id, name, o, phase)));
        _nextOrder = Math.Max(_nextOrder, o == int.MaxValue ? o : o + 1);
        return this;
    }

    /// <summary>Adds a channel.</summary>
    /// <param name="id">The channel id.</param>
    /// <param name="name">The name people read.</param>
    /// <param name="kind">Physical or digital.</param>
    /// <returns>This builder.</returns>
    public JourneyMapBuilder AddChannel(string id, string name, ChannelKind kind = ChannelKind.Digital)
    {
        var at = $"channels[{_channels.Count}]";
        _channels.Add(() => Make(at, () => new Channel(id, name, kind)));
        return this;
    }

    /// <summary>Adds a touchpoint at a stage × channel crossing.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <param name="channelId">The channel id.</param>
    /// <param name="offered">Whether the company offers it.</param>
    /// <param name="expected">Whether customers expect it.</param>
    /// <param name="desiredExperience">The intended experience in [-1, 1]; null when not stated.</param>
    /// <returns>This builder.</returns>
    public JourneyMapBuilder AddTouchpoint(string stageId, string channelId, bool offered = true, bool expected = true, double? desiredExperience = null)
    {
        var at = $"touchpoints[{_touchpoints.Count}]";
        _touchpoints.Add(() => Make(at, () => new Touchpoint(stageId, channelId, offered, expected, desiredExperience)));
        return this;
    }

    /// <summary>Adds a hand-off from one channel to another.</summary>
    /// <param name="fromChannelId">The channel left.</param>
    /// <param name="toChannelId">The channel the customer carries on in.</param>
    /// <param name="stageId">The one stage it applies to; null for every stage.</param>
    /// <returns>This builder.</returns>
    public JourneyMapBuilder AddHandoff(string fromChannelId, string toChannelId, string? stageId = null)
    {
        var at = $"handoffs[{_handoffs.Count}]";
        _handoffs.Add(() => Make(at, () => new Handoff(fromChannelId, toChannelId, stageId)));
        return this;
    }

    /// <summary>Adds a persona.</summary>
    /// <param name="id">The persona id.</param>
    /// <param name="name">The name people read.</param>
    /// <param name="description">Who they are; null when not stated.</param>
    /// <param name="segment">The segment value that identifies them in event logs; null when none.</param>
    /// <returns>This builder.</returns>
    public JourneyMapBuilder AddPersona(string id, string name, string? description = null, string? segment = null)
    {
        var at = $"personas[{_personas.Count}]";
        _personas.Add(() => Make(at, () => new Persona(id, name, description, segment)));
        return this;
    }

    /// <summary>Sets the stage whose reach counts as a conversion.</summary>
    /// <param name="stageId">The stage id; null to use the default (see <see cref="JourneyMap.ConversionStage"/>).</param>
    /// <returns>This builder.</returns>
    public JourneyMapBuilder WithConversionStage(string? stageId)
    {
        _conversionStageId = stageId;
        return this;
    }

    /// <summary>Validates what was added and builds the map.</summary>
    /// <returns>A new, immutable map.</returns>
    /// <exception cref="JourneyMapException">A rule is broken; the message names the element.</exception>
    public JourneyMap Build() =>
        new(Run(_stages), Run(_channels), Run(_touchpoints), Run(_handoffs), Run(_personas), _conversionStageId, Name);

    private static List<T> Run<T>(List<Func<T>> factories)
    {
        var list = new List<T>(factories.Count);
        foreach (var f in factories)
        {
            list.Add(f());
        }

        return list;
    }

    /// <summary>Turns an element's own argument check into a map error that names the element and its field.</summary>
    private static T Make<T>(string at, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new JourneyMapException(at + FieldOf(ex.ParamName), ReasonOf(ex), innerException: ex);
        }
    }

    internal static string FieldOf(string? parameter) => parameter switch
    {
        null => string.Empty,
        "stageId" => ".stage",
        "channelId" => ".channel",
        "fromChannelId" => ".from",
        "toChannelId" => ".to",
        _ => "." + parameter,
    };

    internal static string ReasonOf(ArgumentException ex)
    {
        if (ex is ArgumentNullException)
        {
            return "is required";
        }

        // The framework appends the parameter name (and, for ranges, the value) to the message: keep our own sentence.
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        }

        message = (cut >= 0 ? message.Substring(0, cut) : message).TrimEnd('.');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message.Substring(1) : message;
    }
}
