using System;
using System.Buffers;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// A growable byte buffer the variants' text is laid out into (<see cref="VariantLayout"/>), emptied and reused chunk after
/// chunk. The BCL's <c>ArrayBufferWriter&lt;T&gt;</c> does this, but System.Text.Json keeps its own copy internal on
/// .NET Framework and .NET Standard, which this package also targets.
/// </summary>
internal sealed class ChunkBuffer : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[1 << 16];

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public int WrittenCount { get; private set; }

    /// <summary>Writes the bytes written since the last <see cref="Clear"/>, from <paramref name="start"/>, to <paramref name="stream"/>.</summary>
    public void WriteTo(System.IO.Stream stream, int start) => stream.Write(_buffer, start, WrittenCount - start);

    /// <summary>The bytes written since the last <see cref="Clear"/>, from <paramref name="start"/>.</summary>
    public ReadOnlySpan<byte> Written(int start) => new(_buffer, start, WrittenCount - start);

    /// <summary>Forgets what was written, keeping the memory.</summary>
    public void Clear() => WrittenCount = 0;

    /// <summary>Appends <paramref name="bytes"/> from <paramref name="start"/> on.</summary>
    public void Append(byte[] bytes, int start = 0)
    {
        var length = bytes.Length - start;
        var target = WrittenCount + length <= _buffer.Length ? _buffer : Reserve(length);
        Buffer.BlockCopy(bytes, start, target, WrittenCount, length);
        WrittenCount += length;
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (count < 0 || WrittenCount + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        WrittenCount += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0) => new(Reserve(sizeHint), WrittenCount, _buffer.Length - WrittenCount);

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0) => new(Reserve(sizeHint), WrittenCount, _buffer.Length - WrittenCount);

    private byte[] Reserve(int sizeHint)
    {
        var needed = (long)WrittenCount + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min(Math.Max(needed, (long)_buffer.Length * 2), int.MaxValue));
        }

        return _buffer;
    }
}
