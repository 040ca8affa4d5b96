using System;
using System.IO;
using System.Text;
using CustomerJourney.Internal;

namespace CustomerJourney.Cli;

/// <summary>Where results go: a file given with <c>--out</c>, else standard output; the same bytes either way.</summary>
internal static class Output
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Streams what <paramref name="write"/> writes as UTF-8. A result can be hundreds of megabytes (every variant of a
    /// large log), so it goes out as it is made: to the file, to the process's standard output stream when
    /// <paramref name="stdout"/> is the console's (no detour through a string), else decoded into <paramref name="stdout"/>.
    /// </summary>
    public static void Write(string? path, TextWriter stdout, Action<Stream> write)
    {
        if (path is not null)
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            write(file);
            return;
        }

        // The console's own stream takes UTF-8 bytes as they are: when it is redirected, and when the console decodes UTF-8.
        if (ReferenceEquals(stdout, Console.Out) && (Console.IsOutputRedirected || Console.OutputEncoding.CodePage == s_utf8.CodePage))
        {
            stdout.Flush();
            using var raw = Console.OpenStandardOutput();
            write(raw);
            raw.Flush();
            return;
        }

        using var text = new TextWriterStream(stdout);
        write(text);
        text.Flush();
    }

    /// <summary>Writes text as UTF-8 and a final <c>\n</c> (one, whatever the text ends with).</summary>
    public static void Write(string? path, TextWriter stdout, string text)
    {
        var bytes = s_utf8.GetBytes(text.TrimEnd('\n') + "\n");
        Write(path, stdout, s => s.Write(bytes, 0, bytes.Length));
    }

    /// <summary>UTF-8 bytes decoded into a text writer; a character split across two writes is kept until its end comes.</summary>
    internal sealed class TextWriterStream : WriteOnlyStream
    {
        private readonly TextWriter _writer;
        private readonly Decoder _decoder = s_utf8.GetDecoder();
        private char[] _chars = Array.Empty<char>();

        public TextWriterStream(TextWriter writer) => _writer = writer;

        public override void Write(byte[] buffer, int offset, int count)
        {
            var needed = _decoder.GetCharCount(buffer, offset, count, flush: false);
            if (_chars.Length < needed)
            {
                _chars = new char[needed];
            }

            var n = _decoder.GetChars(buffer, offset, count, _chars, 0, flush: false);
            _writer.Write(_chars, 0, n);
        }

        public override void Flush() => _writer.Flush();
    }
}
