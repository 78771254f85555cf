using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Cli.Input;

/// <summary>
/// A command's input as a snapshot, with every problem found loading it. <see cref="Empty"/>: <c>-f</c> paths held
/// no object at all (a wrong path must not pass a CI gate silently). <see cref="NoInputGiven"/>: neither <c>-f</c>
/// nor a kubeconfig was given and no cluster could be read — the user likely forgot <c>-f</c>.
/// </summary>
internal sealed record LoadedInput(Snapshot Snapshot, IReadOnlyList<Diagnostic> Diagnostics, InputSettings Settings)
{
    public bool Empty { get; init; }
    public bool NoInputGiven { get; init; }

    public bool HasErrors => Empty || Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
