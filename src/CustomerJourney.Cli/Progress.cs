using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using CustomerJourney.Events;
using CustomerJourney.Json;

namespace CustomerJourney.Cli;

/// <summary>
/// Progress on standard error for long runs: what is being done, how far the read is, how long each step took. Quiet on
/// small inputs, so scripts and tests see only results.
/// </summary>
/// <remarks>
/// The run becomes talkative when the input file is at least <see cref="ProgressPolicy.LargeInputBytes"/> long or a step
/// has taken longer than <see cref="ProgressPolicy.QuietFor"/>; from then on each step is announced. The read reports
/// every tenth of the file's bytes (compressed bytes for <c>.gz</c>), which is what the reader consumes.
/// </remarks>
internal sealed class Progress
{
    private readonly TextWriter _stderr;
    private readonly ProgressPolicy _policy;
    private readonly Stopwatch _step = new();
    private bool _talkative;

    public Progress(TextWriter stderr, ProgressPolicy policy)
    {
        _stderr = stderr;
        _policy = policy;
    }

    /// <summary>Reads an event log from a file, reporting the share of bytes read when the run is long.</summary>
    public EventLog LoadEvents(string path, EventLogOptions options)
    {
        var format = EventLogPaths.FormatOf(path, out var gzip);
        _step.Restart();
        var log = EventLogPaths.ReadFile(path, gzip, input => EventLogFiles.Read(input, format, options, path), file =>
        {
            var length = file.Length;
            _talkative |= length >= _policy.LargeInputBytes;
            Say(string.Format(CultureInfo.InvariantCulture, "reading {0} ({1})", path, Size(length)));
            return new ProgressStream(file, length, this, path);
        });
        Done(string.Format(CultureInfo.InvariantCulture, "read {0} events of {1} customers", log.Count, log.CustomerCount));
        return log;
    }

    /// <summary>Runs one step, announcing it when the run is long.</summary>
    public T Step<T>(string what, Func<T> step)
    {
        _step.Restart();
        Say(what);
        var result = step();
        Done(what);
        return result;
    }

    /// <summary>Called by the stream each time another tenth of the file has been read.</summary>
    internal void Read(string path, int tenths)
    {
        _talkative |= _step.Elapsed >= _policy.QuietFor;
        if (_talkative && tenths < 10)
        {
            _stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "cj: reading {0}: {1}0%", path, tenths));
        }
    }

    private void Say(string what)
    {
        if (_talkative)
        {
            _stderr.WriteLine("cj: " + what + "…");
        }
    }

    private void Done(string what)
    {
        _talkative |= _step.Elapsed >= _policy.QuietFor;
        if (_talkative)
        {
            _stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "cj: {0} in {1:0.0} s", what, _step.Elapsed.TotalSeconds));
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => (bytes / 1e6).ToString("0.# MB", CultureInfo.InvariantCulture),
        >= 1_000 => (bytes / 1e3).ToString("0.# kB", CultureInfo.InvariantCulture),
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    /// <summary>A read-only pass-through stream that tells its progress every tenth of the length.</summary>
    private sealed class ProgressStream(Stream inner, long length, Progress progress, string path) : Stream
    {
        private long _position;
        private int _tenths;

        public override bool CanRead => true;

        // Seekable when the file is, so that the reader can size its columns once from the length.
        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Advance(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => _position = inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Advance(int read)
        {
            _position += read;
            if (length > 0)
            {
                var tenths = (int)Math.Min(10, _position * 10 / length);
                while (_tenths < tenths)
                {
                    _tenths++;
                    progress.Read(path, _tenths);
                }
            }

            return read;
        }
    }
}

/// <summary>When <see cref="Progress"/> starts talking.</summary>
internal sealed class ProgressPolicy
{
    /// <summary>The shell's: files from 64 MB, or any step over 2 seconds.</summary>
    public static readonly ProgressPolicy Default = new(64_000_000, TimeSpan.FromSeconds(2));

    public ProgressPolicy(long largeInputBytes, TimeSpan quietFor)
    {
        LargeInputBytes = largeInputBytes;
        QuietFor = quietFor;
    }

    /// <summary>Inputs at least this long are announced from the start.</summary>
    public long LargeInputBytes { get; }

    /// <summary>A step longer than this makes the rest of the run talkative.</summary>
    public TimeSpan QuietFor { get; }
}
