using System;
using CustomerJourney.Events;

namespace CustomerJourney.Cli;

/// <summary>
/// How the shell reads inputs: the library's defaults, strict, so a bad row ends in exit code 3 naming file, line and field;
/// and on every core, since a tool owns its process (the library defaults to one thread for CRM plug-ins) and the results
/// are identical for any number of threads.
/// </summary>
internal static class Inputs
{
    /// <summary>Threads for reading and analyzing.</summary>
    public static int Threads => Environment.ProcessorCount;

    public static EventLogOptions EventOptions(JourneyMap? map = null) => new() { Map = map, MaxDegreeOfParallelism = Threads };
}
