namespace Verity.Cel.Values;

/// <summary>
/// A google.protobuf.Duration value in nanoseconds. Like cel-go (which Kubernetes uses), the
/// range is that of a signed 64-bit nanosecond count (about ±292 years); results outside it are
/// "overflow" errors.
/// </summary>
internal readonly record struct CelDuration(long Nanos) : IComparable<CelDuration>
{
    public int CompareTo(CelDuration other) => Nanos.CompareTo(other.Nanos);
}
