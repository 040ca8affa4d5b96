using System;

namespace CustomerJourney.Internal;

/// <summary>
/// Turns wall-clock ticks in a time zone into a UTC instant and offset, following the zone's rules (DST included).
/// An ambiguous time (repeated when clocks go back) is taken as its first occurrence, the daylight-time one; a time that
/// does not exist (skipped when clocks go forward) is refused.
/// </summary>
/// <remarks>Caches the offset of the last whole hour that holds no transition, so sorted logs cost one lookup per hour.</remarks>
internal sealed class LocalTimeConverter
{
    private readonly TimeZoneInfo _zone;
    private readonly bool _isUtc;
    private long _cachedHour = -1;
    private long _cachedOffsetTicks;

    public LocalTimeConverter(TimeZoneInfo zone)
    {
        _zone = zone;
        _isUtc = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;
    }

    /// <summary>False when the local time does not exist in the zone, or the instant is out of range.</summary>
    public bool TryConvert(long localTicks, out long utcTicks, out short offsetMinutes)
    {
        utcTicks = localTicks;
        offsetMinutes = 0;
        if (_isUtc)
        {
            return true;
        }

        long offsetTicks;
        var hour = localTicks / TimeSpan.TicksPerHour;
        if (hour == _cachedHour)
        {
            offsetTicks = _cachedOffsetTicks;
        }
        else
        {
            var local = new DateTime(localTicks, DateTimeKind.Unspecified);
            if (_zone.IsInvalidTime(local))
            {
                return false;
            }

            if (_zone.IsAmbiguousTime(local))
            {
                var offsets = _zone.GetAmbiguousTimeOffsets(local);
                var max = offsets[0];
                foreach (var o in offsets)
                {
                    max = o > max ? o : max;
                }

                offsetTicks = max.Ticks;
            }
            else
            {
                offsetTicks = _zone.GetUtcOffset(local).Ticks;
                CacheIfSteady(hour, offsetTicks);
            }
        }

        utcTicks = localTicks - offsetTicks;
        offsetMinutes = (short)(offsetTicks / TimeSpan.TicksPerMinute);
        return utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks;
    }

    private void CacheIfSteady(long hour, long offsetTicks)
    {
        var first = hour * TimeSpan.TicksPerHour;
        var last = first + TimeSpan.TicksPerHour - 1;
        if (last > DateTime.MaxValue.Ticks)
        {
            return;
        }

        var a = new DateTime(first, DateTimeKind.Unspecified);
        var z = new DateTime(last, DateTimeKind.Unspecified);
        if (!_zone.IsInvalidTime(a) && !_zone.IsInvalidTime(z) && !_zone.IsAmbiguousTime(a) && !_zone.IsAmbiguousTime(z)
            && _zone.GetUtcOffset(a).Ticks == offsetTicks && _zone.GetUtcOffset(z).Ticks == offsetTicks)
        {
            _cachedHour = hour;
            _cachedOffsetTicks = offsetTicks;
        }
    }
}
