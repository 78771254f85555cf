using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Verity.Identity.Tests;

/// <summary>
/// CONVENTIONS.md #6: the engine never touches files, the console, the environment or the wall clock; only Store/ (the CA
/// directory edge) does file I/O. Checked on the source text, so a violation fails here before review.
/// </summary>
public sealed partial class EnginePurityTests
{
    [GeneratedRegex(@"\b(File|Directory|Console|Environment)\.|DateTime(Offset)?\.(Now|UtcNow)|TimeProvider\.System|new Random\(\)|Random\.Shared")]
    private static partial Regex Banned();

    [Fact]
    public void Engine_sources_use_no_io_or_ambient_clock()
    {
        var root = Path.Combine(SourceRoot(), "src", "Verity.Identity");
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Store{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal) && Banned().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        Assert.True(Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Length > 30);
    }

    private static string SourceRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
