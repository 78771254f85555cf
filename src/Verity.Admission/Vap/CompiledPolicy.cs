using Verity.Core.Model;

namespace Verity.Admission.Vap;

/// <summary>
/// A ValidatingAdmissionPolicy with every expression compiled once. <see cref="ConfigurationError"/> holds what makes the
/// policy unusable (a selector that does not parse); it is reported per request through the failure policy, as the API
/// server reports a hook's configuration error.
/// </summary>
internal sealed record CompiledPolicy
{
    public required string Name { get; init; }
    public required KubeObject Source { get; init; }

    /// <summary><c>Fail</c> (default) or <c>Ignore</c>.</summary>
    public required bool FailOnError { get; init; }

    /// <summary><c>spec.paramKind</c> as (apiVersion, kind), or null.</summary>
    public (string ApiVersion, string Kind)? ParamKind { get; init; }

    public required CompiledMatch Match { get; init; }
    public IReadOnlyList<(string Name, CompiledExpression Expression)> MatchConditions { get; init; } = [];
    public IReadOnlyList<(string Name, CompiledExpression Expression)> Variables
    {
        get => _variables;
        init
        {
            _variables = value;
            // The first declaration of a name wins (the API server rejects duplicates); built once, read per evaluation.
            VariablesByName = value.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Expression, StringComparer.Ordinal);
        }
    }

    /// <summary><see cref="Variables"/> by name, for the lazy <c>variables.NAME</c> lookups.</summary>
    public IReadOnlyDictionary<string, CompiledExpression> VariablesByName { get; private init; } = new Dictionary<string, CompiledExpression>(StringComparer.Ordinal);

    private readonly IReadOnlyList<(string Name, CompiledExpression Expression)> _variables = [];
    public IReadOnlyList<CompiledValidation> Validations { get; init; } = [];
    public IReadOnlyList<(string Key, CompiledExpression Value)> AuditAnnotations { get; init; } = [];
    public string? ConfigurationError { get; init; }
}
