using System.Diagnostics.CodeAnalysis;

namespace Verity.Cli.Identity;

/// <summary>Reads an input file for an identity command, reporting "error: cannot read FILE: reason" instead of throwing.</summary>
internal static class IdentityFiles
{
    public static bool TryRead(CliEnvironment env, string path, [NotNullWhen(true)] out string? text)
    {
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            env.Error.WriteLine($"error: cannot read {path}: {e.Message}");
            text = null;
            return false;
        }
    }

    public static bool TryReadBytes(CliEnvironment env, string path, [NotNullWhen(true)] out byte[]? bytes)
    {
        try
        {
            bytes = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            env.Error.WriteLine($"error: cannot read {path}: {e.Message}");
            bytes = null;
            return false;
        }
    }
}
