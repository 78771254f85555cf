using k8s.Models;
using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Admission.Vap;

/// <summary>A ValidatingAdmissionPolicyBinding, compiled: its policy, params reference, extra match and actions.</summary>
internal sealed record CompiledBinding
{
    public required string Name { get; init; }
    public required KubeObject Source { get; init; }
    public required string PolicyName { get; init; }

    /// <summary><c>spec.paramRef</c>, or null.</summary>
    public V1ParamRef? ParamRef { get; init; }

    /// <summary>The compiled <c>paramRef.selector</c> (null when the ref names one object or there is no ref).</summary>
    public LabelSelector? ParamSelector { get; init; }

    /// <summary><c>spec.matchResources</c>; null matches every request the policy matches.</summary>
    public CompiledMatch? Match { get; init; }

    /// <summary><c>Deny</c>, <c>Warn</c>, <c>Audit</c> (a set; order as written).</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    public string? ConfigurationError { get; init; }
}
