namespace Verity.Bench.Load;

/// <summary>
/// What one case cost in a fresh process: peak working set (VmHWM on Linux), the working set with only the
/// input read, bytes allocated, and managed bytes still live with the result held.
/// </summary>
internal sealed record MemoryProbe(
    string Case,
    int Objects,
    long InputBytes,
    long InputWorkingSet,
    long PeakWorkingSet,
    long AllocatedBytes,
    long LiveManagedBytes,
    double Seconds,
    string? Failure);
