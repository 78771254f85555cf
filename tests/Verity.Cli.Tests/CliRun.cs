namespace Verity.Cli.Tests;

/// <summary>The outcome of one in-process <c>verity</c> invocation.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
