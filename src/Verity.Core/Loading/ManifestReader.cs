using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// The file-system edge of loading, for <c>-f/--filename</c>: a file (any extension, as kubectl accepts),
/// a directory (recursively, files ending in .yaml, .yml or .json, in ordinal path order) or <c>-</c> for
/// standard input. Every path is read; one that cannot be read is reported and the others still load.
/// </summary>
public static class ManifestReader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static LoadResult Read(IEnumerable<string> paths, Func<Stream>? openStdin = null)
    {
        var files = new List<(string Name, Func<byte[]> Read)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in paths) Expand(path, openStdin, files, diagnostics);

        // Files parse independently; results are merged back in input order.
        var results = new (List<KubeObject> Objects, List<Diagnostic> Diagnostics)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var objects = new List<KubeObject>();
            var found = new List<Diagnostic>();
            try
            {
                ManifestParser.Parse(files[i].Read(), files[i].Name, objects, found);
            }
            catch (IOException e)
            {
                found.Add(Unreadable(files[i].Name, e.Message));
            }
            catch (UnauthorizedAccessException e)
            {
                found.Add(Unreadable(files[i].Name, e.Message));
            }
            results[i] = (objects, found);
        });
        return new LoadResult(
            results.SelectMany(r => r.Objects).ToList(),
            diagnostics.Concat(results.SelectMany(r => r.Diagnostics)).ToList());
    }

    private static void Expand(string path, Func<Stream>? openStdin, List<(string, Func<byte[]>)> files, List<Diagnostic> diagnostics)
    {
        if (path == "-")
        {
            files.Add(("-", () =>
            {
                using var stdin = openStdin?.Invoke() ?? Console.OpenStandardInput();
                using var copy = new MemoryStream();
                stdin.CopyTo(copy);
                return copy.ToArray();
            }));
        }
        else if (Directory.Exists(path))
        {
            try
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found) files.Add((file, () => File.ReadAllBytes(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Unreadable(path, e.Message));
            }
        }
        else if (File.Exists(path))
        {
            files.Add((path, () => File.ReadAllBytes(path)));
        }
        else
        {
            diagnostics.Add(Unreadable(path, "no such file or directory"));
        }
    }

    private static Diagnostic Unreadable(string path, string reason) =>
        new(DiagnosticLevel.Error, DiagnosticCodes.Unreadable, $"cannot read input: {reason}", new SourceLocation(path));
}
