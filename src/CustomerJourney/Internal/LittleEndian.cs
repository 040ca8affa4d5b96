using System;
#if NET8_0_OR_GREATER
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
#endif

namespace CustomerJourney.Internal;

/// <summary>
/// Eight bytes as one little-endian word: byte <c>at</c> in the low bits, whatever the machine's byte order. On .NET 8+
/// that is <c>BinaryPrimitives.ReadUInt64LittleEndian</c>; the core's .NET Framework and .NET Standard builds have
/// no package dependency that would bring it, so they read the word themselves.
/// </summary>
internal static class LittleEndian
{
    /// <summary>The word of <c>bytes[at..at+8]</c>; the caller has checked that the eight bytes exist.</summary>
#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read64(byte[] bytes, int at) => BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(bytes, at, sizeof(ulong)));
#else
    public static ulong Read64(byte[] bytes, int at)
    {
        if (BitConverter.IsLittleEndian)
        {
            return BitConverter.ToUInt64(bytes, at);
        }

        var word = 0ul;
        for (var i = 7; i >= 0; i--)
        {
            word = (word << 8) | bytes[at + i];
        }

        return word;
    }
#endif
}
