using System.Globalization;
using System.IO;
using CustomerJourney.Json;

namespace CustomerJourney.Cli;

/// <summary><c>cj convert --events &lt;in&gt; --out &lt;out&gt;</c>: formats follow the extensions (.csv, .jsonl, .xes, each optionally .gz).</summary>
internal static class ConvertCommand
{
    public static int Run(string[] args, TextWriter stderr, Progress progress)
    {
        var a = Arguments.Parse(args, 1, "events", "out");
        a.ExpectPositionals(0, string.Empty);
        var input = a.RequiredOption("events");
        var output = a.RequiredOption("out");
        var log = progress.LoadEvents(input, Inputs.EventOptions());
        progress.Step("writing " + output, () =>
        {
            EventLogFiles.Save(log, output);
            return true;
        });
        stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "cj: {0} events of {1} customers written to {2}", log.Count, log.CustomerCount, output));
        return CommandLine.Ok;
    }
}
