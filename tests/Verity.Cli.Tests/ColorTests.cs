namespace Verity.Cli.Tests;

/// <summary>Colour only when stdout is a terminal, and never with --no-color or NO_COLOR.</summary>
public sealed class ColorTests
{
    private const string Escape = "\u001b[";
    private static readonly string Shop = RepoPaths.Example("shop");

    [Fact]
    public async Task A_terminal_gets_colour()
    {
        var run = await Cli.RunAsync(["scan", "-f", Shop], env => env with { OutputIsTerminal = true });
        Assert.Contains(Escape, run.Stdout);
    }

    [Fact]
    public async Task No_color_flag_disables_colour_on_a_terminal()
    {
        var run = await Cli.RunAsync(["scan", "-f", Shop, "--no-color"], env => env with { OutputIsTerminal = true });
        Assert.DoesNotContain(Escape, run.Stdout);
    }

    [Fact]
    public async Task NO_COLOR_disables_colour_on_a_terminal()
    {
        var run = await Cli.RunAsync(["scan", "-f", Shop], env => env with { OutputIsTerminal = true, NoColorRequested = true });
        Assert.DoesNotContain(Escape, run.Stdout);
    }

    [Fact]
    public async Task Redirected_output_is_plain_and_has_no_trailing_blanks()
    {
        var run = await Cli.RunAsync("scan", "-f", Shop);
        Assert.DoesNotContain(Escape, run.Stdout);
        Assert.DoesNotContain(" \n", run.Stdout);
    }
}
