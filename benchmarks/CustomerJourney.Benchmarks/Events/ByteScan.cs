using System.IO;

namespace CustomerJourney.Benchmarks.Events;

/// <summary>The baseline of the text readers: read the same stream in 1 MiB blocks and count newlines and commas, byte by byte.</summary>
internal static class ByteScan
{
    private const int BlockSize = 1 << 20;

    /// <summary>Newlines in the high 32 bits, commas in the low 32 bits.</summary>
    public static long CountNewlinesAndCommas(Stream stream)
    {
        var buffer = new byte[BlockSize];
        long newlines = 0, commas = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    newlines++;
                }
                else if (b == (byte)',')
                {
                    commas++;
                }
            }
        }

        return (newlines << 32) | commas;
    }
}
