using System;
using System.Collections.Generic;
using CustomerJourney.Internal;

namespace CustomerJourney;

/// <content>The questions a user asks of a map. Lookups are O(1) and allocate nothing unless they return a list.</content>
public sealed partial class JourneyMap
{
    /// <summary>Finds a stage by id.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <param name="stage">The stage, when found.</param>
    /// <returns>True when the map has the stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    public bool TryGetStage(string stageId, out Stage stage)
    {
        Guard.NotNull(stageId);
        if (_stageIndex.TryGetValue(stageId, out var i))
        {
            stage = Stages[i];
            return true;
        }

        stage = null!;
        return false;
    }

    /// <summary>Gets a stage by id.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The map has no such stage.</exception>
    public Stage GetStage(string stageId) =>
        TryGetStage(stageId, out var s) ? s : throw new KeyNotFoundException($"The map has no stage '{stageId}'.");

    /// <summary>Finds a channel by id.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <param name="channel">The channel, when found.</param>
    /// <returns>True when the map has the channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channelId"/> is null.</exception>
    public bool TryGetChannel(string channelId, out Channel channel)
    {
        Guard.NotNull(channelId);
        if (_channelIndex.TryGetValue(channelId, out var i))
        {
            channel = Channels[i];
            return true;
        }

        channel = null!;
        return false;
    }

    /// <summary>Gets a channel by id.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channelId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The map has no such channel.</exception>
    public Channel GetChannel(string channelId) =>
        TryGetChannel(channelId, out var c) ? c : throw new KeyNotFoundException($"The map has no channel '{channelId}'.");

    /// <summary>Finds the touchpoint at a stage × channel crossing.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <param name="channelId">The channel id.</param>
    /// <returns>The touchpoint, or null when the map declares none there (or does not know the stage or channel).</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    public Touchpoint? FindTouchpoint(string stageId, string channelId)
    {
        Guard.NotNull(stageId);
        Guard.NotNull(channelId);
        return _stageIndex.TryGetValue(stageId, out var s) && _channelIndex.TryGetValue(channelId, out var c)
            ? _grid[(s * Channels.Count) + c]
            : null;
    }

    /// <summary>Whether the company offers a touchpoint at a stage × channel crossing.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <param name="channelId">The channel id.</param>
    /// <returns>True when a touchpoint is declared there and offered.</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    public bool IsOffered(string stageId, string channelId) => FindTouchpoint(stageId, channelId)?.IsOffered == true;

    /// <summary>The channels on which a stage is offered, in channel declaration order.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns>A new list; empty when the stage is offered nowhere.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The map has no such stage.</exception>
    public IReadOnlyList<Channel> GetOfferedChannels(string stageId)
    {
        var s = StageIndexOf(stageId);
        var result = new List<Channel>();
        for (var c = 0; c < Channels.Count; c++)
        {
            if (_grid[(s * Channels.Count) + c]?.IsOffered == true)
            {
                result.Add(Channels[c]);
            }
        }

        return result;
    }

    /// <summary>Whether the map declares a hand-off from one channel to another, at a stage or at every stage.</summary>
    /// <param name="fromChannelId">The channel left.</param>
    /// <param name="toChannelId">The channel reached.</param>
    /// <param name="stageId">The stage of the switch; null to ask only about hand-offs that hold at every stage.</param>
    /// <returns>True when a hand-off covers the switch. A channel "hands off" to itself trivially: same channel gives true.</returns>
    /// <exception cref="ArgumentNullException">A channel id is null.</exception>
    public bool HasHandoff(string fromChannelId, string toChannelId, string? stageId = null)
    {
        Guard.NotNull(fromChannelId);
        Guard.NotNull(toChannelId);
        if (!_channelIndex.TryGetValue(fromChannelId, out var from) || !_channelIndex.TryGetValue(toChannelId, out var to))
        {
            return false;
        }

        if (from == to || _handoffAnyStage[(from * Channels.Count) + to])
        {
            return true;
        }

        return stageId is not null && _stageIndex.TryGetValue(stageId, out var s) && _handoffAtStage.Contains(HandoffKey(from, to, s));
    }

    /// <summary>The stage after this one in journey order.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns>The next stage, or null for the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The map has no such stage.</exception>
    public Stage? GetNextStage(string stageId)
    {
        var s = StageIndexOf(stageId);
        return s + 1 < Stages.Count ? Stages[s + 1] : null;
    }

    /// <summary>The position of a stage in journey order (0 for the first).</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns>The zero-based rank of the stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The map has no such stage.</exception>
    public int GetStageRank(string stageId) => StageIndexOf(stageId);

    /// <summary>Index of a channel in <see cref="Channels"/>, or -1.</summary>
    internal int ChannelIndexOrMinusOne(string channelId) => _channelIndex.TryGetValue(channelId, out var c) ? c : -1;

    /// <summary>Rank of a stage, or -1.</summary>
    internal int StageIndexOrMinusOne(string stageId) => _stageIndex.TryGetValue(stageId, out var s) ? s : -1;

    /// <summary>The touchpoint at (stage rank, channel index), or null.</summary>
    internal Touchpoint? TouchpointAt(int stageRank, int channelIndex) => _grid[(stageRank * Channels.Count) + channelIndex];

    /// <summary>Whether a hand-off covers (from, to) at a stage rank; indexes, not ids, for the hot path.</summary>
    internal bool HasHandoffAt(int fromChannel, int toChannel, int stageRank) =>
        fromChannel == toChannel || _handoffAnyStage[(fromChannel * Channels.Count) + toChannel]
        || _handoffAtStage.Contains(HandoffKey(fromChannel, toChannel, stageRank));

    private int StageIndexOf(string stageId)
    {
        Guard.NotNull(stageId);
        return _stageIndex.TryGetValue(stageId, out var s) ? s : throw new KeyNotFoundException($"The map has no stage '{stageId}'.");
    }
}
