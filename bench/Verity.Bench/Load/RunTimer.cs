using System.Diagnostics;

namespace Verity.Bench.Load;

/// <summary>Times one run after a full, compacting collection, so no run pays for the garbage of the one before.</summary>
internal static class RunTimer
{
    public static Sample Measure(Func<object> run)
    {
        Settle();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = run();
        clock.Stop();
        var sample = new Sample(clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        GC.KeepAlive(result);
        return sample;
    }

    public static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
