using Spectre.Console;

namespace Verity.Cli.Output;

/// <summary>
/// Keeps lines that must not wrap (ids, paths, one connection per line) whole: Spectre wraps at the profile width
/// and leaves a trailing blank where it breaks, which breaks line-oriented tools. Widening the profile before such
/// lines keeps them on one line; text meant to wrap is wrapped before with <see cref="TextWrap"/>.
/// </summary>
internal static class ConsoleWidth
{
    public static void AtLeast(IAnsiConsole console, int width)
    {
        if (console.Profile.Width < width) console.Profile.Width = width;
    }
}
