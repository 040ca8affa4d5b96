using System;
using System.IO;

namespace CustomerJourney.Cli;

/// <summary>
/// The <c>cj</c> shell: parses the command line, calls the library, maps failures to exit codes.
/// It holds no logic of its own: every capability lives in the library.
/// </summary>
internal static class CommandLine
{
    /// <summary>The command ran.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>An input file is wrong; the message names file, line and field.</summary>
    public const int BadInput = 3;

    public const string UsageText = """
        cj: customer journey maps, paths and diagnoses

        usage:
          cj map validate <map.json>
          cj map show <map.json> [--format markdown|mermaid|json|text]
          cj paths    --events <file> [--map <map.json>] [--top N] [--format json|markdown] [--out <file>]
                      [--duplicates drop|keep] [--timezone <IANA id>]
          cj diagnose --events <file> --map <map.json> [--outcome conversion|stage:<id>|promoter]
                      [--format json|markdown|html] [--out <file>]
          cj convert  --events <in> --out <out.csv|.jsonl|.xes>

        Event files: .csv, .jsonl, .xes, each optionally .gz; the format follows the extension.

        Exit codes: 0 done, 2 bad usage, 3 bad input.
        Progress goes to standard error on long runs (files from 64 MB, or steps over 2 s).
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, ProgressPolicy.Default);

    /// <summary>Runs with a given progress policy, so tests can make a small input talkative.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, ProgressPolicy progress)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(UsageText);
            return args.Length == 0 ? Usage : Ok;
        }

        try
        {
            return Dispatch(args, stdout, stderr, new Progress(stderr, progress));
        }
        catch (Exception ex) when (ex is UsageException or ArgumentException)
        {
            // An ArgumentException out of the library means the command named something it cannot take (a file extension).
            stderr.WriteLine("cj: " + ex.Message);
            stderr.WriteLine("run 'cj --help' for usage");
            return Usage;
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            stderr.WriteLine("cj: " + ex.Message);
            return BadInput;
        }
    }

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr, Progress progress) => args[0] switch
    {
        "map" => MapCommands.Run(args, stdout),
        "convert" => ConvertCommand.Run(args, stderr, progress),
        "paths" => PathsCommand.Run(args, stdout, progress),
        "diagnose" => DiagnoseCommand.Run(args, stdout, progress),
        _ => throw new UsageException($"unknown command '{args[0]}'"),
    };

    /// <summary>
    /// What an input file can make the library throw: its own exceptions (they name file, line and field), and the file
    /// system's (missing, a directory, unreadable, locked by another process: IOException covers FileNotFound,
    /// DirectoryNotFound, PathTooLong and sharing violations). The readers wrap XML, JSON and gzip errors in their own
    /// exceptions; the raw ones are listed too, so that a leak would still be exit 3 and a message, not a stack trace.
    /// </summary>
    private static bool IsBadInput(Exception ex) =>
        ex is BadInputException or JourneyMapException or Events.EventLogException or IOException or UnauthorizedAccessException
            or InvalidDataException or NotSupportedException or System.Xml.XmlException or System.Text.Json.JsonException;
}

/// <summary>The command line is wrong: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>An input is wrong in a way the library reports otherwise (a log that cannot be converted): exit code 3.</summary>
internal sealed class BadInputException(string message) : Exception(message);
