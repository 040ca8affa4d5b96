using System;
using System.Collections.Generic;
using CustomerJourney.Analysis;
using CustomerJourney.Events;

namespace CustomerJourney.Tests.Diagnostics;

/// <summary>
/// Seeded logs on a five-stage × three-channel map where each kind of finding is planted, next to decoys a naive method
/// would flag. Ratings 4–5 are good, 1–2 bad, 3 neutral; conversion is completing <c>buy</c>.
/// </summary>
/// <remarks>
/// Planted: s2 <c>info@web</c> dissatisfying (70% bad against 30%); <c>after@store</c> enchanting (80% good against 30%);
/// <c>select@web</c> a moment of truth (95% of good visits go on to buy, 40% of bad ones); <c>buy@web</c> forced
/// completion (half fail there and buy in store, along the declared web → store hand-off); <c>select</c> store → web an
/// impossible switch (no hand-off; 60% of those switches go back to <c>info@web</c> and give up); <c>buy@phone</c>
/// attempts (not in the map). Declared: <c>select@phone</c> expected but not offered; <c>info@phone</c> a dead end (phone
/// offers nothing at select and no hand-off leaves phone); <c>after@phone</c> offered and unused.
/// Decoys: <c>aware@phone</c> with 100% bad experience on 4 journeys; <c>aware@web</c>, high traffic and no effect;
/// web → store switches at <c>select</c> along the declared hand-off that lose context at the baseline rate.
/// </remarks>
internal static class PlantedLogs
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static JourneyMap Map { get; } = BuildMap(withPhoneHandoff: false);

    public static JourneyMap BuildMap(bool withPhoneHandoff)
    {
        var b = JourneyMap.CreateBuilder("planted");
        var stages = new[] { "aware", "info", "select", "buy", "after" };
        for (var i = 0; i < stages.Length; i++)
        {
            b.AddStage(stages[i], stages[i], JourneyPhase.Acquisition, i + 1);
        }

        b.AddChannel("web", "Web").AddChannel("store", "Store", ChannelKind.Physical).AddChannel("phone", "Phone");
        foreach (var s in stages)
        {
            b.AddTouchpoint(s, "web", desiredExperience: 0.5);
            b.AddTouchpoint(s, "store");
        }

        b.AddTouchpoint("aware", "phone").AddTouchpoint("info", "phone").AddTouchpoint("after", "phone");
        b.AddTouchpoint("select", "phone", offered: false, expected: true);
        b.AddHandoff("web", "store");
        if (withPhoneHandoff)
        {
            b.AddHandoff("phone", "web", "select");
        }

        return b.WithConversionStage("buy").AddPersona("p1", "Busy parent", segment: "family").Build();
    }

    public static List<JourneyEvent> Events(int seed, int journeys)
    {
        var random = new Random(seed);
        var events = new List<JourneyEvent>();
        for (var j = 0; j < journeys; j++)
        {
            new Journey(events, random, "c" + j.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), j).Run();
        }

        // Decoy: four journeys living aware@phone badly (100% bad on tiny support).
        for (var j = 0; j < 4; j++)
        {
            var id = "decoy" + j;
            events.Add(new JourneyEvent(id, T0, "aware", "phone", rating: 1));
            events.Add(new JourneyEvent(id, T0.AddMinutes(1), "info", "phone", rating: 3));
        }

        return events;
    }

    public static JourneyStatistics Analyze(IEnumerable<JourneyEvent> events, JourneyMap? map = null) =>
        JourneyAnalyzer.Analyze(EventLog.FromEvents(events), map ?? Map);

    private sealed class Journey
    {
        private readonly List<JourneyEvent> _events;
        private readonly Random _random;
        private readonly string _id;
        private readonly string? _segment;
        private int _minute;

        public Journey(List<JourneyEvent> events, Random random, string id, int index)
        {
            _events = events;
            _random = random;
            _id = id;
            _segment = index % 3 == 0 ? "family" : index % 3 == 1 ? "solo" : null;
        }

        public void Run()
        {
            var channel = _random.NextDouble() < 0.5 ? "web" : "store";
            Add("aware", channel, Rating(0.3, 0.3));
            Add("info", channel, channel == "web" ? Rating(0.1, 0.7) : Rating(0.3, 0.3));
            if (_random.NextDouble() < 0.1)
            {
                End();
                return;
            }

            var select = Rating(0.3, 0.3);
            Add("select", channel, select);
            if (channel == "web")
            {
                var goOn = select >= 4 ? 0.95 : select <= 2 ? 0.4 : 0.8;
                if (_random.NextDouble() >= goOn)
                {
                    End();
                    return;
                }

                if (_random.NextDouble() < 0.1)
                {
                    // Decoy: web → store along the declared hand-off, carrying on as usual.
                    channel = "store";
                }
            }
            else if (_random.NextDouble() < 0.3)
            {
                // Planted impossible switch: store → web with no hand-off; 60% go back and give up.
                if (_random.NextDouble() < 0.6)
                {
                    Add("info", "web", Rating(0.3, 0.3), EventStatus.Abandoned);
                    End();
                    return;
                }

                channel = "web";
            }

            if (channel == "web" && _random.NextDouble() < 0.05)
            {
                // Attempts at a touchpoint the map does not have.
                Add("buy", "phone", null, EventStatus.Failed);
            }

            if (channel == "web" && _random.NextDouble() < 0.5)
            {
                // Planted forced completion: fail on the web, buy in store.
                Add("buy", "web", Rating(0.3, 0.3), EventStatus.Failed);
                channel = "store";
            }

            Add("buy", channel, Rating(0.3, 0.3));
            if (_random.NextDouble() < 0.8)
            {
                Add("after", channel, channel == "store" ? Rating(0.8, 0.05) : Rating(0.3, 0.3));
            }

            End();
        }

        private int Rating(double good, double bad)
        {
            var u = _random.NextDouble();
            return u < good ? 4 + _random.Next(2) : u < good + bad ? 1 + _random.Next(2) : 3;
        }

        private void Add(string stage, string channel, int? rating, EventStatus status = EventStatus.Completed) =>
            _events.Add(new JourneyEvent(_id, T0.AddMinutes(_minute++), stage, channel, rating: rating, status: status, segment: _segment));

        private void End()
        {
            if (_random.NextDouble() < 0.5)
            {
                var last = _events[_events.Count - 1];
                _events[_events.Count - 1] = new JourneyEvent(last.CustomerId, last.Timestamp, last.StageId, last.ChannelId, rating: last.Rating,
                    nps: _random.Next(11), status: last.Status, segment: last.Segment);
            }
        }
    }
}
