// The sushi restaurant of the reference texts: it is 6 pm and the family wants sushi tonight.
// This sample prints the journey the restaurant designs for them: which stage happens on which channel,
// where a customer can carry on in another channel, and where the journey counts as a conversion.
using System;
using System.Text;
using CustomerJourney;
using CustomerJourney.Rendering;

// The grid uses ✓ ✗ ○: make sure the console receives UTF-8 whatever its default code page.
Console.OutputEncoding = Encoding.UTF8;

var map = JourneyTemplates.SushiRestaurant;

// Stage × channel grid, legend, hand-offs, conversion stage and persona, in one go.
JourneyMapRenderer.WriteText(Console.Out, map);
