using System;
using System.IO;
using CustomerJourney.Internal;

namespace CustomerJourney.Json.Internal;

/// <summary>
/// A write-only stream that drops every CR byte on its way to another: before .NET 9, <see cref="System.Text.Json.Utf8JsonWriter"/>
/// ends indented lines with <see cref="Environment.NewLine"/>, and our JSON promises <c>\n</c> on every platform. Only
/// line ends can hold a raw CR (strings escape it), so dropping them all is exact.
/// </summary>
internal sealed class CarriageReturnFilter : WriteOnlyStream
{
    private readonly Stream _inner;
    private byte[] _buffer = Array.Empty<byte>();

    public CarriageReturnFilter(Stream inner) => _inner = inner;

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_buffer.Length < count)
        {
            _buffer = new byte[count];
        }

        var n = 0;
        for (var i = offset; i < offset + count; i++)
        {
            if (buffer[i] != (byte)'\r')
            {
                _buffer[n++] = buffer[i];
            }
        }

        _inner.Write(_buffer, 0, n);
    }

    public override void Flush() => _inner.Flush();
}
