using System.IO;
using System.Text;

namespace CustomerJourney.Cli;

/// <summary>Where results go: a file given with <c>--out</c>, else standard output.</summary>
internal static class Output
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string? path, byte[] utf8, TextWriter stdout)
    {
        if (path is not null)
        {
            File.WriteAllBytes(path, utf8);
            return;
        }

        stdout.Write(s_utf8.GetString(utf8));
        stdout.Write('\n');
    }
}
