using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>Everything loaded from the inputs, and every problem found on the way, in input order.</summary>
public sealed record LoadResult(IReadOnlyList<KubeObject> Objects, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
