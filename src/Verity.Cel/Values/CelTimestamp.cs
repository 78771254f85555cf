namespace Verity.Cel.Values;

/// <summary>
/// A google.protobuf.Timestamp value: seconds since the Unix epoch plus nanoseconds (0..999,999,999).
/// Valid range 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#timestamp-and-duration).
/// </summary>
internal readonly record struct CelTimestamp(long Seconds, int Nanos) : IComparable<CelTimestamp>
{
    public const long MinSeconds = -62135596800L;
    public const long MaxSeconds = 253402300799L;

    public bool InRange => Seconds >= MinSeconds && Seconds <= MaxSeconds;

    public int CompareTo(CelTimestamp other) =>
        Seconds != other.Seconds ? Seconds.CompareTo(other.Seconds) : Nanos.CompareTo(other.Nanos);

    /// <summary>UTC date-time truncated to 100 ns ticks (for calendar accessors only).</summary>
    public DateTime ToDateTime() =>
        DateTime.UnixEpoch.AddTicks(checked((Seconds * TimeSpan.TicksPerSecond) + (Nanos / 100)));

    public static CelTimestamp FromTotalNanos(Int128 nanos)
    {
        var sec = (long)Int128.DivRem(nanos, 1_000_000_000).Quotient;
        var ns = (int)(nanos - ((Int128)sec * 1_000_000_000));
        if (ns < 0)
        {
            sec--;
            ns += 1_000_000_000;
        }

        return new CelTimestamp(sec, ns);
    }

    public Int128 TotalNanos => ((Int128)Seconds * 1_000_000_000) + Nanos;
}
