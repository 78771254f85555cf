using System.Diagnostics;
using System.Text.Json;

namespace Verity.Cel.Tests.Conformance;

/// <summary>
/// Loads the cel-spec conformance data by running tools/node/export-cel-conformance.js once per
/// test run (cached in memory). Null with a reason when node or the npm package is missing.
/// </summary>
internal static class ConformanceData
{
    private static readonly Lazy<(JsonDocument? Doc, string? Why)> Data = new(Load);

    public static JsonDocument? Document => Data.Value.Doc;

    public static string? Unavailable => Data.Value.Why;

    private static (JsonDocument?, string?) Load()
    {
        var root = RepoRoot.Find();
        if (root is null)
        {
            return (null, "repository root (Verity.slnx) not found");
        }

        var pkg = Path.Combine(root, "tools", "node", "node_modules", "@bufbuild", "cel-spec");
        if (!Directory.Exists(pkg))
        {
            return (null, "@bufbuild/cel-spec is not installed: run `npm ci` in tools/node");
        }

        var psi = new ProcessStartInfo("node", [Path.Combine(root, "tools", "node", "export-cel-conformance.js")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var doc = JsonDocument.Parse(p.StandardOutput.BaseStream);
            p.WaitForExit();
            return p.ExitCode == 0 ? (doc, null) : (null, "export-cel-conformance.js failed: " + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "node is not installed (needed to read @bufbuild/cel-spec conformance data)");
        }
    }
}
