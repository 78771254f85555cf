using System.Runtime.CompilerServices;

namespace Verity.Core.Tests;

/// <summary>Locates the source testdata folder, so UPDATE_GOLDEN=1 rewrites the checked-in files.</summary>
internal static class GoldenPaths
{
    public static string SourceTestData() => Path.Combine(Path.GetDirectoryName(ThisFile())!, "testdata");

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
