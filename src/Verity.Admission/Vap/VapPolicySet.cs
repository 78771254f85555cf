using System.Text.Json;
using Verity.Core.Selectors;

namespace Verity.Admission.Vap;

/// <summary>
/// Compiled ValidatingAdmissionPolicies and their bindings, evaluated for a request exactly as the API server's
/// ValidatingAdmissionPolicy plugin does (k8s.io/apiserver admission/plugin/policy/validating: <c>dispatcher.go</c>,
/// <c>validator.go</c>): for each policy matching the request (matchConstraints), for each of its bindings matching it
/// (matchResources), for each param (paramRef), matchConditions then validations then auditAnnotations; failures handled
/// by the policy's failurePolicy and enforced by the binding's validationActions. Pure and thread-safe; expressions are
/// compiled once, when the set is built.
/// </summary>
public sealed class VapPolicySet
{
    /// <summary>Largest messageExpression result used (celconfig.MaxEvaluatedMessageExpressionSizeBytes).</summary>
    private const int MaxMessageBytes = 5 * 1024;

    /// <summary>Audit annotation values are cut to this length (dispatcher.go maxAuditAnnotationValueLength).</summary>
    private const int MaxAuditAnnotationValueLength = 10 * 1024;

    private const string ValidationFailureKey = "validation.policy.admission.k8s.io/validation_failure";

    private readonly IReadOnlyList<CompiledPolicy> _policies;
    private readonly ILookup<string, CompiledBinding> _bindings;

    internal VapPolicySet(IReadOnlyList<CompiledPolicy> policies, IReadOnlyList<CompiledBinding> bindings)
    {
        _policies = [.. policies.OrderBy(p => p.Name, StringComparer.Ordinal)];
        _bindings = bindings.OrderBy(b => b.Name, StringComparer.Ordinal).ToLookup(b => b.PolicyName, StringComparer.Ordinal);
    }

    public static VapPolicySet Empty { get; } = new([], []);

    public int PolicyCount => _policies.Count;

    public int BindingCount => _policies.Sum(p => _bindings[p.Name].Count());

    public VapResult Evaluate(VapRequest request, IVapInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputs);
        if (_policies.Count == 0) return VapResult.Empty;
        var decisions = new List<VapDecision>();
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonElement? requestJson = null;
        (Verity.Cel.Kubernetes.ICelAuthorizer?, string)? authorizer = null;

        foreach (var policy in _policies)
        {
            var (matches, matchError) = policy.Match.Matches(request, inputs);
            if (matchError is not null)
            {
                ConfigurationError(decisions, policy, null, matchError);
                continue;
            }
            if (!matches) continue;
            if (policy.ConfigurationError is not null)
            {
                ConfigurationError(decisions, policy, null, policy.ConfigurationError);
                continue;
            }

            var collected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var binding in _bindings[policy.Name])
            {
                if (binding.Match is { } bindingMatch)
                {
                    var (bindingMatches, bindingError) = bindingMatch.Matches(request, inputs);
                    if (bindingError is not null)
                    {
                        ConfigurationError(decisions, policy, binding, bindingError);
                        continue;
                    }
                    if (!bindingMatches) continue;
                }
                if (binding.ConfigurationError is not null)
                {
                    ConfigurationError(decisions, policy, binding, binding.ConfigurationError);
                    continue;
                }
                var (parameters, paramError) = CollectParams(policy, binding, request, inputs);
                if (paramError is not null)
                {
                    ConfigurationError(decisions, policy, binding, paramError);
                    continue;
                }
                requestJson ??= VapRequestJson.Build(request);
                var namespaceName = request.IsNamespace ? "" : request.Namespace;
                var namespaceObject = namespaceName.Length > 0 ? inputs.NamespaceObject(namespaceName) : null;
                foreach (var param in parameters)
                {
                    authorizer ??= inputs.AuthorizerFor(request.UserInfo);
                    var validation = Validate(policy, request, requestJson.Value, param, namespaceObject, authorizer.Value);
                    foreach (var (index, message, reason) in validation.Denials)
                    {
                        foreach (var action in binding.Actions)
                        {
                            switch (action)
                            {
                                case "Deny":
                                    decisions.Add(new VapDecision(policy.Name, binding.Name, "Deny", message, reason));
                                    break;
                                case "Warn":
                                    decisions.Add(new VapDecision(policy.Name, binding.Name, "Warn", message, reason));
                                    break;
                                case "Audit":
                                    // AddAnnotation keeps the first value of a key (dispatcher.go publishValidationFailureAnnotation).
                                    annotations.TryAdd(ValidationFailureKey, ValidationFailure(policy, binding, index, message));
                                    decisions.Add(new VapDecision(policy.Name, binding.Name, "Audit", message, reason));
                                    break;
                            }
                        }
                    }
                    foreach (var (key, value, error) in validation.AuditAnnotations)
                    {
                        if (error is not null)
                        {
                            // With failurePolicy Fail an audit annotation that cannot be evaluated denies the request.
                            decisions.Add(new VapDecision(policy.Name, binding.Name, "Deny", error, "Invalid"));
                            continue;
                        }
                        var values = collected.TryGetValue(key, out var list) ? list : collected[key] = [];
                        if (!values.Contains(value!, StringComparer.Ordinal)) values.Add(value!);
                    }
                }
            }
            foreach (var (key, values) in collected) annotations[policy.Name + "/" + key] = string.Join(", ", values);
        }
        return new VapResult(decisions, annotations);
    }

    /// <summary>dispatcher.go <c>addConfigError</c>: Ignore drops the problem; Fail denies (whatever the binding's actions).</summary>
    private static void ConfigurationError(List<VapDecision> decisions, CompiledPolicy policy, CompiledBinding? binding, string error)
    {
        if (!policy.FailOnError) return;
        var message = binding is null ? $"failed to configure policy: {error}" : $"failed to configure binding: {error}";
        decisions.Add(new VapDecision(policy.Name, binding?.Name, "Deny", message, "Invalid"));
    }

    /// <summary>
    /// policy_dispatcher.go <c>CollectParams</c>: no paramKind → one evaluation with <c>params</c> null; otherwise the object
    /// named by <c>paramRef.name</c> or every object matching <c>paramRef.selector</c>, in <c>paramRef.namespace</c> or else
    /// the request's namespace (for a namespaced param kind). None found: <c>Deny</c> is an error, <c>Allow</c> evaluates
    /// nothing.
    /// </summary>
    private static (IReadOnlyList<JsonElement?> Params, string? Error) CollectParams(CompiledPolicy policy, CompiledBinding binding, VapRequest request, IVapInputs inputs)
    {
        if (policy.ParamKind is not { } kind) return ([null], null);
        if (binding.ParamRef is not { } paramRef)
            return ([], $"policy \"{policy.Name}\" has paramKind {kind.ApiVersion}/{kind.Kind} but the binding has no paramRef");

        string? ns = null;
        if (inputs.IsNamespaced(kind.ApiVersion, kind.Kind) != false)
        {
            ns = string.IsNullOrEmpty(paramRef.NamespaceProperty) ? (request.IsNamespace ? request.Name : request.Namespace) : paramRef.NamespaceProperty;
            if (ns.Length == 0)
            {
                if (inputs.IsNamespaced(kind.ApiVersion, kind.Kind) == true)
                    return ([], "cannot use namespaced paramRef in policy binding that matches cluster-scoped resources");
                ns = null;
            }
        }
        var candidates = inputs.Objects(kind.ApiVersion, kind.Kind, ns);
        List<JsonElement?> found;
        if (!string.IsNullOrEmpty(paramRef.Name))
            found = [.. candidates.Where(o => NameOf(o) == paramRef.Name).Take(1).Select(o => (JsonElement?)o)];
        else
        {
            var selector = binding.ParamSelector ?? LabelSelector.Everything;
            found = [.. candidates.Where(o => selector.Matches(CompiledMatch.Labels(o))).Select(o => (JsonElement?)o)];
        }
        if (found.Count == 0 && paramRef.ParameterNotFoundAction == "Deny")
            return ([], "no params found for policy binding with `Deny` parameterNotFoundAction");
        return (found, null);
    }

    private static string? NameOf(JsonElement obj) =>
        obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("name", out var n) ? n.GetString() : null;

    private sealed record ValidationOutcome(
        IReadOnlyList<(int Index, string Message, string Reason)> Denials,
        IReadOnlyList<(string Key, string? Value, string? Error)> AuditAnnotations);

    /// <summary>validator.go <c>Validate</c> for one param.</summary>
    private static ValidationOutcome Validate(CompiledPolicy policy, VapRequest request, JsonElement requestJson, JsonElement? param, JsonElement? namespaceObject,
        (Verity.Cel.Kubernetes.ICelAuthorizer?, string) authorizer)
    {
        var budget = new VapBudget();
        var activation = new VapActivation(request, requestJson, param, namespaceObject, policy.VariablesByName, budget, authorizer);
        var denials = new List<(int, string, string)>();
        var failOnError = policy.FailOnError;

        // matchConditions: any false skips the policy; otherwise any error is handled by the failure policy.
        var conditionErrors = new List<string>();
        foreach (var (_, condition) in policy.MatchConditions)
        {
            var (value, error, _) = Evaluate(condition, activation, budget);
            if (error is not null) conditionErrors.Add(error);
            else if (value is not true) return new ValidationOutcome([], []);
        }
        if (conditionErrors.Count > 0)
        {
            var aggregate = conditionErrors.Count == 1 ? conditionErrors[0] : "[" + string.Join(", ", conditionErrors) + "]";
            return new ValidationOutcome(failOnError ? [(0, aggregate, "Invalid")] : [], []);
        }

        for (var i = 0; i < policy.Validations.Count; i++)
        {
            var validation = policy.Validations[i];
            if (budget.Exhausted)
            {
                if (failOnError) denials.Add((i, "validation failed due to running out of cost budget, no further validation rules will be run", "Invalid"));
                break;
            }
            var (value, error, _) = Evaluate(validation.Expression, activation, budget);
            if (error is not null)
            {
                if (failOnError) denials.Add((i, error, "Invalid"));
                continue;
            }
            if (value is true) continue;
            denials.Add((i, Message(validation, activation, budget), string.IsNullOrEmpty(validation.Reason) ? "Invalid" : validation.Reason));
        }

        var audit = new List<(string, string?, string?)>();
        foreach (var (key, expression) in policy.AuditAnnotations)
        {
            var (value, error, type) = Evaluate(expression, activation, budget);
            if (error is not null)
            {
                if (failOnError) audit.Add((key, null, error));
                continue;
            }
            switch (value)
            {
                case string text when text.Trim().Length > 0:
                    var trimmed = text.Trim();
                    audit.Add((key, trimmed.Length > MaxAuditAnnotationValueLength ? trimmed[..MaxAuditAnnotationValueLength] : trimmed, null));
                    break;
                case string or null:
                    break;
                default:
                    if (failOnError)
                        audit.Add((key, null, $"valueExpression '{expression.Source}' resulted in unsupported return type: {type}. Return type must be either string or null."));
                    break;
            }
        }
        return new ValidationOutcome(denials, audit);
    }

    /// <summary>messageExpression (a single-line string of at most 5 KiB, trimmed) → message (trimmed) → <c>failed expression: E</c>.</summary>
    private static string Message(CompiledValidation validation, VapActivation activation, VapBudget budget)
    {
        if (validation.MessageExpression is { } messageExpression)
        {
            var (value, error, _) = Evaluate(messageExpression, activation, budget);
            if (error is null && value is string text)
            {
                text = text.Trim();
                if (text.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(text) <= MaxMessageBytes && !text.Contains('\n', StringComparison.Ordinal))
                    return text;
            }
        }
        if (!string.IsNullOrWhiteSpace(validation.Message)) return validation.Message.Trim();
        return $"failed expression: {validation.Expression.Source.Trim()}";
    }

    /// <summary>One expression: its value as a .NET object, or the filter's error text (cel/filter.go).</summary>
    private static (object? Value, string? Error, string Type) Evaluate(CompiledExpression expression, VapActivation activation, VapBudget budget)
    {
        if (expression.Program is null) return (null, $"compilation error: {expression.CompileError}", "");
        var result = budget.Evaluate(expression.Program, activation);
        if (result.IsError) return (null, $"expression '{expression.Source}' resulted in error: {result.Error}", "");
        return (result.Value!.ToObject(), null, result.Value.TypeName);
    }

    /// <summary>The value of the <c>validation.policy.admission.k8s.io/validation_failure</c> audit annotation (dispatcher.go ValidationFailureValue).</summary>
    private static string ValidationFailure(CompiledPolicy policy, CompiledBinding binding, int index, string message) =>
        JsonSerializer.Serialize(new[]
        {
            new ValidationFailureValue(message, policy.Name, binding.Name, index, binding.Actions),
        }, ValidationFailureJson.Options);

    private sealed record ValidationFailureValue(string Message, string Policy, string Binding, int ExpressionIndex, IReadOnlyList<string> ValidationActions);

    private static class ValidationFailureJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    }
}
