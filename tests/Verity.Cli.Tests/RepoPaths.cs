using System.Runtime.CompilerServices;

namespace Verity.Cli.Tests;

/// <summary>Paths in the source tree, so tests read examples/ in place and UPDATE_GOLDEN=1 rewrites checked-in files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData => Path.Combine(Root, "tests", "Verity.Cli.Tests", "testdata");

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    /// <summary>Makes output independent of where the repository is checked out.</summary>
    public static string Relative(string text) => text.Replace(Root + Path.DirectorySeparatorChar, "");

    private static string FindRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
