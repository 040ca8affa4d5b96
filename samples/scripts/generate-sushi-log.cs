#:project ../../src/CustomerJourney.Json/CustomerJourney.Json.csproj
#:property ImplicitUsings=enable

// Writes samples/data/sushi-map.json (the template, for cj) and samples/data/sushi-events.csv: a synthetic, deterministic log of 2,000 evenings at the sushi
// restaurant of JourneyTemplates.SushiRestaurant (seed 002), with a few effects planted for the diagnosis
// to find: late deliveries (dissatisfying), the warm welcome on site (enchantment), paying by phone, which
// the restaurant does not offer (missing, forced completion), calling after searching on the web (a switch
// with no hand-off that makes customers search again), and the service as the moment of truth for coming back.
// Run from the repository root: dotnet run samples/scripts/generate-sushi-log.cs
using CustomerJourney;
using CustomerJourney.Events;

var map = JourneyTemplates.SushiRestaurant;
var random = new Random(2026);
// Effort answers draw from their own generator, so adding them left every other value of the log as it was.
var effortRandom = new Random(7);
var events = new List<JourneyEvent>();
var start = new DateTimeOffset(2026, 9, 1, 18, 0, 0, TimeSpan.FromHours(2));

for (var c = 1; c <= 2000; c++)
{
    var id = "guest-" + c.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
    var segment = random.NextDouble() < 0.4 ? "family" : "solo";
    var t = start.AddDays(random.Next(0, 60)).AddMinutes(random.Next(0, 120));
    void Add(string stage, string channel, double? sentiment = null, int? nps = null, EventStatus status = EventStatus.Completed, int? rating = null, int? effort = null)
    {
        events.Add(new JourneyEvent(id, t, stage, channel, Round(sentiment), rating, null, nps, status, segment, effort: effort));
        t = t.AddMinutes(random.Next(1, 25));
    }

    // Two decimals, and no negative zero in the file.
    static double? Round(double? s) => s is { } v && Math.Round(v, 2) is var r ? (r == 0 ? 0.0 : r) : null;

    double Mood(double center) => Math.Clamp(center + ((random.NextDouble() - 0.5) * 0.8), -1, 1);

    var searchChannel = random.NextDouble() < 0.7 ? "web" : "faceToFace";
    Add("search", searchChannel, random.NextDouble() < 0.5 ? Mood(0.3) : null);
    if (random.NextDouble() < 0.1)
    {
        continue; // looked, never called
    }

    var contactChannel = random.NextDouble() switch { < 0.45 => "web", < 0.85 => "phone", _ => "faceToFace" };
    Add("contact", contactChannel, random.NextDouble() < 0.5 ? Mood(0.2) : null);

    // Calling after searching on the web: no hand-off, the person on the phone knows nothing of the menu they read.
    var lostContext = searchChannel == "web" && contactChannel == "phone" ? 0.45 : 0.07;
    if (random.NextDouble() < lostContext)
    {
        Add("search", "web", Mood(-0.3));
        if (random.NextDouble() < 0.4)
        {
            continue; // gave up
        }
    }

    if (random.NextDouble() < 0.12)
    {
        continue; // did not order
    }

    var orderChannel = contactChannel;
    Add("order", orderChannel, random.NextDouble() < 0.6 ? Mood(orderChannel == "web" ? 0.4 : 0.2) : null);

    var onSite = orderChannel == "faceToFace" || random.NextDouble() < 0.3;
    var refusedOnPhone = orderChannel == "phone" && random.NextDouble() < 0.6;
    if (refusedOnPhone)
    {
        Add("payment", "phone", Mood(-0.5), status: EventStatus.Failed); // asks to pay by card over the phone
    }

    // A third answer "paying was easy" (1-7): those refused on the phone rarely agree.
    int? effort = effortRandom.NextDouble() < 0.35 ? (refusedOnPhone ? effortRandom.Next(1, 5) : effortRandom.Next(4, 8)) : null;
    Add("payment", orderChannel == "web" && !onSite ? "web" : onSite ? "faceToFace" : "delivery", random.NextDouble() < 0.4 ? Mood(0.1) : null, effort: effort);

    var late = !onSite && random.NextDouble() < 0.4;
    var serviceMood = onSite ? Mood(0.55) : late ? Mood(-0.6) : Mood(0.35);
    Add("service", onSite ? "faceToFace" : "delivery", serviceMood, rating: random.NextDouble() < 0.3 ? (int)Math.Round(3 + (2 * serviceMood)) : null);
    Add("tasting", onSite ? "faceToFace" : "delivery", Mood(onSite ? 0.7 : late ? 0.0 : 0.4));

    var comesBack = serviceMood > 0.2 ? 0.75 : serviceMood < -0.2 ? 0.25 : 0.5;
    if (random.NextDouble() < comesBack)
    {
        var nps = serviceMood > 0.2 ? random.Next(8, 11) : random.Next(3, 9);
        Add("comeBack", random.NextDouble() < 0.5 ? "web" : "faceToFace", Mood(0.5), nps: nps);
    }
}

// Exports from booking systems come in time order, customers interleaved.
var log = EventLog.FromEvents(events.OrderBy(e => e.Timestamp.UtcTicks), new EventLogOptions { Map = map });
var path = Path.Combine("samples", "data", "sushi-events.csv");
EventLogWriter.Save(log, path);
Console.WriteLine($"{path}: {log.Count} events, {log.CustomerCount} customers");
CustomerJourney.Json.JourneyMapJson.Save(map, Path.Combine("samples", "data", "sushi-map.json"));
