using Spectre.Console;

namespace Verity.Cli.Output;

/// <summary>
/// A Spectre.Console console over the command's stdout writer. Colour and terminal width only when stdout
/// is a terminal and neither <c>--no-color</c> nor <c>NO_COLOR</c> says otherwise; redirected output gets plain
/// text at a fixed width, so logs and files are stable.
/// </summary>
internal static class TerminalConsole
{
    public static IAnsiConsole Create(CliEnvironment env, bool noColor)
    {
        var color = env.OutputIsTerminal && !noColor && !env.NoColorRequested;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(env.Out),
        });
        if (!env.OutputIsTerminal) console.Profile.Width = env.RedirectedWidth;
        return console;
    }
}
