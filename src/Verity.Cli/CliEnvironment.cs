using Verity.Core.Loading;
using Verity.Kube;

namespace Verity.Cli;

/// <summary>
/// Everything a command touches outside the process: its output streams, whether standard output is a
/// terminal, standard input, the clock and the live-cluster reader. <see cref="FromConsole"/> is the real one; tests
/// build their own with string writers and fakes, and run commands in-process.
/// </summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error)
{
    /// <summary>True when standard output is an interactive terminal (colour and terminal width are used only then).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The <c>NO_COLOR</c> convention (https://no-color.org): set and non-empty disables colour.</summary>
    public bool NoColorRequested { get; init; }

    /// <summary>Width for tables when output is not a terminal (CI logs, files).</summary>
    public int RedirectedWidth { get; init; } = 120;

    /// <summary>Opens standard input, for <c>-f -</c>.</summary>
    public Func<Stream> OpenStdin { get; init; } = () => Stream.Null;

    /// <summary>The clock (exception expiry in policy configs); tests pass a fixed one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Reads a live cluster (Verity.Kube).</summary>
    public required Func<LiveClusterOptions, CancellationToken, Task<LoadResult>> ReadCluster { get; init; }

    public static CliEnvironment FromConsole() => new(Console.Out, Console.Error)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
        NoColorRequested = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        OpenStdin = Console.OpenStandardInput,
        ReadCluster = LiveClusterReader.ReadAsync,
    };
}
