using System.Runtime.CompilerServices;

namespace Verity.Cel.Tests.Conformance;

/// <summary>
/// Finds the repository root (the folder holding Verity.slnx): from the test's base directory,
/// else from this source file's compile-time path (builds with a private --artifacts-path put the
/// binaries outside the repository).
/// </summary>
internal static class RepoRoot
{
    public static string? Find() => WalkUp(AppContext.BaseDirectory) ?? WalkUp(SourceDir());

    private static string SourceDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";

    private static string? WalkUp(string start)
    {
        var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verity.slnx")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        return null;
    }
}
