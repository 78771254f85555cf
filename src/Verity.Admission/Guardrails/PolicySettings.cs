using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Admission.Guardrails;

/// <summary>
/// How one guardrail is applied: its action, its parameters, which objects it applies to (an object whose namespace's
/// labels do not match <see cref="NamespaceSelector"/> or whose own labels do not match <see cref="ObjectSelector"/> is
/// not evaluated, as with a webhook's selectors) and its exceptions. A null selector selects everything.
/// </summary>
public sealed record PolicySettings
{
    public GuardrailAction Action { get; init; } = GuardrailAction.Audit;

    /// <summary>VG-IMG-001: allowed registries, each a registry host (<c>ghcr.io</c>) or a repository prefix (<c>ghcr.io/example-shop</c>).</summary>
    public IReadOnlyList<string> Registries { get; init; } = [];

    /// <summary>VG-META-001: label keys every object must carry.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>VG-NET-001: namespaces where NodePort and LoadBalancer Services are allowed.</summary>
    public IReadOnlyList<string> AllowedNamespaces { get; init; } = [];

    public LabelSelector? NamespaceSelector { get; init; }
    public LabelSelector? ObjectSelector { get; init; }
    public IReadOnlyList<GuardrailException> Exceptions { get; init; } = [];

    /// <summary>Where the policy's entry is in the config; null for defaults.</summary>
    public SourceLocation? Source { get; init; }
}
