namespace Verity.Cli;

/// <summary>
/// The process exit codes of every <c>verity</c> command (DESIGN.md, "Command line"). Stable: CI scripts test them.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Success: the answer is "yes" / the gate passed.</summary>
    public const int Ok = 0;

    /// <summary>The answer is "no": e.g. the posture score is below <c>--fail-under</c>.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage (unknown flag, bad value, no input) or bad input (any error diagnostic), after reporting every problem.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in Verity: reported in one line, without a stack trace. Please file an issue.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
