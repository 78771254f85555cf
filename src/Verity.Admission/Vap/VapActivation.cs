using System.Text.Json;
using Verity.Cel;
using Verity.Cel.Kubernetes;

namespace Verity.Admission.Vap;

/// <summary>
/// The CEL variables of one policy evaluation (validating/..., <c>cel/composition.go</c>): <c>object</c>, <c>oldObject</c>
/// (null when absent), <c>request</c>, <c>params</c>, <c>namespaceObject</c>, <c>authorizer</c> and
/// <c>variables.NAME</c> — each variable evaluated lazily, at most once, when an expression first uses it; an erroring
/// variable is an error only where it is used. Not thread-safe: one per evaluation.
/// </summary>
internal sealed class VapActivation(
    VapRequest request,
    JsonElement requestJson,
    JsonElement? param,
    JsonElement? namespaceObject,
    IReadOnlyDictionary<string, CompiledExpression> variables,
    VapBudget budget,
    (ICelAuthorizer? Authorizer, string Reason) authorizer) : ICelActivation
{
    private ICelAuthorizer? Authorizer => authorizer.Authorizer;

    private const string VariablesPrefix = "variables.";
    private readonly Dictionary<string, object?> _evaluated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public bool TryGetValue(string name, out object? value)
    {
        switch (name)
        {
            case "object": value = request.Object; return true;
            case "oldObject": value = request.OldObject; return true;
            case "request": value = requestJson; return true;
            case "params": value = param; return true;
            case "namespaceObject": value = namespaceObject; return true;
            case "authorizer":
                value = Authorizer is { } az ? KubernetesCel.Authorizer(az) : KubernetesCel.UnavailableAuthorizer(authorizer.Reason);
                return true;
            case "authorizer.requestResource":
                value = KubernetesCel.RequestResource(Authorizer, request.Group, request.Resource, request.SubResource,
                    request.IsNamespace ? request.Name : request.Namespace, request.Name);
                return true;
        }
        if (name.StartsWith(VariablesPrefix, StringComparison.Ordinal) && variables.TryGetValue(name[VariablesPrefix.Length..], out var expression))
        {
            value = Variable(name[VariablesPrefix.Length..], expression);
            return true;
        }
        value = null;
        return false;
    }

    private object? Variable(string name, CompiledExpression expression)
    {
        if (_evaluated.TryGetValue(name, out var cached)) return cached;
        if (!_inProgress.Add(name)) return CelErrorValue.Of($"variable \"{name}\" refers to itself");
        object? result;
        if (expression.Program is null)
        {
            result = CelErrorValue.Of($"compilation error: {expression.CompileError}");
        }
        else
        {
            var evaluated = budget.Evaluate(expression.Program, this);
            result = evaluated.IsError ? CelErrorValue.Of(evaluated.Error!) : evaluated.Value;
        }
        _inProgress.Remove(name);
        _evaluated[name] = result;
        return result;
    }
}
