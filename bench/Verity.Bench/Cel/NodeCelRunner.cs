using System.Diagnostics;
using System.Text.Json;

namespace Verity.Bench.Cel;

/// <summary>
/// Runs <c>tools/node/cel-bench.js</c> (@bufbuild/cel on Node.js) as a child process on the same expressions and Pods,
/// and reads its JSON answer. Any reason it cannot run (no node, no npm packages, a crash) becomes a "skipped" text.
/// </summary>
internal static class NodeCelRunner
{
    public const string ScriptPath = "tools/node/cel-bench.js";

    /// <summary>The parsed answer, or null with the reason.</summary>
    public static (JsonDocument? Answer, string? Skipped) Run(
        IReadOnlyList<CelCase> cases, IReadOnlyList<string> pods, bool checkOnly, int seconds, int warmupSeconds, int rounds)
    {
        if (FindRoot() is not { } root) return (null, $"{ScriptPath} not found above {Environment.CurrentDirectory}");
        if (!Directory.Exists(Path.Combine(root, "tools", "node", "node_modules", "@bufbuild", "cel")))
            return (null, "@bufbuild/cel is not installed (run `npm ci` in tools/node)");

        var inputPath = Path.Combine(Path.GetTempPath(), $"verity-cel-bench-{Environment.ProcessId}.json");
        File.WriteAllText(inputPath, JsonSerializer.Serialize(new
        {
            seconds, warmupSeconds, rounds, checkOnly,
            cases = cases.Select(c => new { name = c.Name, expression = c.Expression }),
            pods,
        }));
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(ScriptPath);
            start.ArgumentList.Add(inputPath);
            using var process = Process.Start(start);
            if (process is null) return (null, "could not start node");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            var limit = TimeSpan.FromSeconds(60 + (checkOnly ? 0 : cases.Count * (warmupSeconds + rounds * seconds) * 2));
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"node did not finish within {limit.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0) return (null, $"node exited with {process.ExitCode}: {stderr.Result.Trim()}");
            return (JsonDocument.Parse(stdout), null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"node is not available ({e.Message})");
        }
        catch (JsonException e)
        {
            return (null, $"node printed no valid JSON ({e.Message})");
        }
        finally
        {
            File.Delete(inputPath);
        }
    }

    private static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, ScriptPath))) return dir.FullName;
        }
        return null;
    }
}
