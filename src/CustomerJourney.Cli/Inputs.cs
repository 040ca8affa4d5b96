using CustomerJourney.Events;

namespace CustomerJourney.Cli;

/// <summary>How the shell reads inputs: the library's defaults, strict, so a bad row ends in exit code 3 naming file, line and field.</summary>
internal static class Inputs
{
    public static EventLogOptions EventOptions(JourneyMap? map = null) => new() { Map = map };
}
