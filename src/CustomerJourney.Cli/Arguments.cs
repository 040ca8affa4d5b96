using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerJourney.Cli;

/// <summary>A command's words: positional arguments and <c>--name value</c> options, checked against what the command accepts.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> positionals) => Positionals = positionals;

    public List<string> Positionals { get; }

    /// <summary>Parses <paramref name="args"/> from <paramref name="start"/>; every option takes a value.</summary>
    /// <exception cref="UsageException">An option is unknown, repeated or has no value.</exception>
    public static Arguments Parse(string[] args, int start, params string[] allowedOptions)
    {
        var result = new Arguments(new List<string>());
        for (var i = start; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positionals.Add(a);
                continue;
            }

            var name = a.Substring(2);
            if (Array.IndexOf(allowedOptions, name) < 0)
            {
                throw new UsageException($"unknown option '{a}'" + (allowedOptions.Length > 0 ? $" (expected one of --{string.Join(", --", allowedOptions)})" : string.Empty));
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"option '{a}' needs a value");
            }

            if (!result._options.TryAdd(name, args[++i]))
            {
                throw new UsageException($"option '{a}' is given twice");
            }
        }

        return result;
    }

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string RequiredOption(string name) => Option(name) ?? throw new UsageException($"option '--{name}' is required");

    /// <summary>The value of an option that must be one of a few words; the first is the default.</summary>
    public string Choice(string name, params string[] choices)
    {
        var value = Option(name);
        if (value is null)
        {
            return choices[0];
        }

        return Array.IndexOf(choices, value) >= 0 ? value : throw new UsageException($"--{name} must be one of {string.Join(", ", choices)}, not '{value}'");
    }

    /// <summary>A positive whole number option, or null when absent.</summary>
    public int? PositiveInt(string name)
    {
        var value = Option(name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"--{name} must be a positive whole number, not '{value}'");
    }

    /// <summary>Exactly <paramref name="count"/> positional arguments, named in the error.</summary>
    public void ExpectPositionals(int count, string what)
    {
        if (Positionals.Count != count)
        {
            throw new UsageException(Positionals.Count < count ? $"missing {what}" : $"unexpected argument '{Positionals[count]}'");
        }
    }
}
