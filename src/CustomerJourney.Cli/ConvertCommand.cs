using System;
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
            try
            {
                EventLogFiles.Save(log, output);
            }
            catch (ArgumentException ex) when (ex.ParamName != "path")
            {
                // Not the output's extension (usage) but the log's content: an attribute named like a field, a character XML
                // cannot carry. The input is what cannot be converted; the half-written output is removed.
                File.Delete(output);
                throw new BadInputException($"{input}: cannot be written as {Path.GetFileName(output)}: {ex.Message}");
            }

            return true;
        });
        stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "cj: {0} events of {1} customers written to {2}", log.Count, log.CustomerCount, output));
        return CommandLine.Ok;
    }
}
