using System.Diagnostics;
using System.Text.Json;
using Verity.Bench.Load;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>probe --case CASE --file FILE --objects N</c>: runs one case once in this (fresh) process and prints a
/// <see cref="MemoryProbe"/> as one JSON line. Started by <c>load</c>; not meant to be typed.
/// </summary>
internal static class ProbeCommand
{
    public const string Name = "probe";

    public static int Run(Arguments args)
    {
        var c = Enum.Parse<LoadCase>(args.String("case") ?? throw new UsageException("--case is required"));
        var file = args.String("file") ?? throw new UsageException("--file is required");
        var objects = args.Int("objects") ?? throw new UsageException("--objects is required");
        args.EnsureAllRead();

        var bytes = File.ReadAllBytes(file);
        using var self = Process.GetCurrentProcess();
        RunTimer.Settle();
        self.Refresh();
        var inputWorkingSet = self.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        object? result = null;
        string? failure = null;
        try
        {
            result = LoadCases.Run(c, bytes, objects);
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {e.Message}";
        }
        clock.Stop();
        self.Refresh();
        var probe = new MemoryProbe(
            c.ToString(),
            objects,
            bytes.LongLength,
            inputWorkingSet,
            self.PeakWorkingSet64,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.GetTotalMemory(forceFullCollection: true),
            clock.Elapsed.TotalSeconds,
            failure);
        GC.KeepAlive(result);
        GC.KeepAlive(bytes);
        Console.WriteLine(JsonSerializer.Serialize(probe));
        return 0;
    }

    /// <summary>Runs a probe in a child process of this same program and reads its answer.</summary>
    public static MemoryProbe Spawn(LoadCase c, string file, int objects, TimeSpan timeout)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet Verity.Bench.dll` the process is the host; under the apphost it is the program itself.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(ProbeCommand).Assembly.Location);
        foreach (var arg in new[] { Name, "--case", c.ToString(), "--file", file, "--objects", objects.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the probe process");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(timeout))
        {
            child.Kill(entireProcessTree: true);
            return Failed(c, objects, $"no answer within {timeout.TotalSeconds:N0} s");
        }
        var line = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (child.ExitCode != 0 || line is null)
            return Failed(c, objects, $"probe exited {child.ExitCode}: {stderr.Result.Split('\n').FirstOrDefault()}");
        return JsonSerializer.Deserialize<MemoryProbe>(line)!;
    }

    private static MemoryProbe Failed(LoadCase c, int objects, string why) => new(c.ToString(), objects, 0, 0, 0, 0, 0, 0, why);
}
