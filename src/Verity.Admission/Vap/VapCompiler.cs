using System.Text.Json;
using k8s;
using k8s.Models;
using Verity.Cel;
using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Admission.Vap;

/// <summary>
/// Turns the ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects (admissionregistration.k8s.io/v1)
/// among the inputs into a <see cref="VapPolicySet"/>, compiling every expression once. Reports what the API server's
/// validation would reject (a diagnostic with the field's file, line and column) and keeps every usable part: a policy
/// with a bad expression stays, and that expression fails per the policy's failurePolicy when evaluated.
/// </summary>
public static class VapCompiler
{
    public const string Group = "admissionregistration.k8s.io";
    private const string PolicyKind = "ValidatingAdmissionPolicy";
    private const string BindingKind = "ValidatingAdmissionPolicyBinding";

    /// <summary>The variables every expression may use (docs/vap.md); all are dynamically typed, as the objects are.</summary>
    internal static readonly string[] BaseVariables = ["object", "oldObject", "request", "params", "namespaceObject", "authorizer"];

    public static bool IsPolicyObject(KubeObject obj) =>
        obj.Ref.Group == Group && obj.Kind is PolicyKind or BindingKind;

    public static (VapPolicySet Set, IReadOnlyList<Diagnostic> Diagnostics) Compile(IEnumerable<KubeObject> objects, Action<CelEnvironmentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var diagnostics = new List<Diagnostic>();
        var policies = new List<CompiledPolicy>();
        var bindings = new List<CompiledBinding>();
        foreach (var obj in objects.Where(IsPolicyObject))
        {
            if (obj.Ref.ApiVersion != Group + "/v1")
            {
                diagnostics.Add(Error(obj, ["apiVersion"], $"{obj.Kind} \"{obj.Name}\": only {Group}/v1 is evaluated, not {obj.Ref.ApiVersion}"));
                continue;
            }
            if (obj.Kind == PolicyKind) policies.Add(CompilePolicy(obj, diagnostics));
            else if (CompileBinding(obj, diagnostics) is { } binding) bindings.Add(binding);
        }
        var known = policies.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var binding in bindings.Where(b => !known.Contains(b.PolicyName)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Warning, VapDiagnosticCodes.UnknownPolicy,
                $"ValidatingAdmissionPolicyBinding \"{binding.Name}\": policy \"{binding.PolicyName}\" is not among the inputs; the binding is ignored, as the API server ignores it",
                binding.Source.LocationOf(["spec", "policyName"])));
        }
        return (new VapPolicySet(policies, bindings.Where(b => known.Contains(b.PolicyName)).ToList()), diagnostics);
    }

    /// <summary>The CEL environment of admission policies: the variables above plus <c>variables</c>, every library.</summary>
    internal static CelEnvironment Environment(IEnumerable<string> variableNames)
    {
        var declared = BaseVariables.ToDictionary(v => v, _ => CelType.Dyn, StringComparer.Ordinal);
        foreach (var (name, type) in Verity.Cel.Kubernetes.KubernetesCel.AuthorizerVariables) declared[name] = type;
        declared["variables"] = CelType.Dyn;
        foreach (var name in variableNames) declared["variables." + name] = CelType.Dyn;
        return CelEnvironment.Create(new CelEnvironmentOptions { Variables = declared, Extensions = CelExtensions.Kubernetes });
    }

    private static CompiledPolicy CompilePolicy(KubeObject obj, List<Diagnostic> diagnostics)
    {
        var policy = Deserialize<V1ValidatingAdmissionPolicy>(obj, diagnostics);
        var spec = policy?.Spec;
        string? configurationError = null;
        void Invalid(object[] path, string message)
        {
            diagnostics.Add(Error(obj, path, $"ValidatingAdmissionPolicy \"{obj.Name}\": {message}"));
            configurationError ??= message;
        }

        if (spec is null) Invalid(["spec"], "spec is required");
        var failurePolicy = spec?.FailurePolicy ?? "Fail";
        if (failurePolicy is not ("Fail" or "Ignore")) Invalid(["spec", "failurePolicy"], $"spec.failurePolicy: Unsupported value: \"{failurePolicy}\": supported values: \"Fail\", \"Ignore\"");
        if (spec is not null && spec.Validations is not { Count: > 0 } && spec.AuditAnnotations is not { Count: > 0 })
            Invalid(["spec"], "spec.validations: Required value: validations or auditAnnotations must contain at least one item");
        if (spec?.MatchConstraints?.ResourceRules is not { Count: > 0 })
            Invalid(["spec", "matchConstraints"], "spec.matchConstraints.resourceRules: Required value");
        if (spec?.ParamKind is { } pk && (string.IsNullOrEmpty(pk.ApiVersion) || string.IsNullOrEmpty(pk.Kind)))
            Invalid(["spec", "paramKind"], "spec.paramKind: apiVersion and kind are required");

        var (match, matchError) = CompileMatch(spec?.MatchConstraints, obj, ["spec", "matchConstraints"], diagnostics);
        configurationError ??= matchError;

        var variableNames = spec?.Variables?.Select(v => v.Name ?? "").ToList() ?? [];
        var environment = Environment(variableNames);
        CompiledExpression Expression(string? source, object[] path)
        {
            var compiled = CompiledExpression.Compile(environment, source ?? "");
            if (compiled.CompileError is not null)
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, VapDiagnosticCodes.CompileError,
                    $"ValidatingAdmissionPolicy \"{obj.Name}\": {FieldPath(path)}: compilation failed: {compiled.CompileError}",
                    obj.LocationOf(path)));
            return compiled;
        }

        return new CompiledPolicy
        {
            Name = obj.Name,
            Source = obj,
            FailOnError = failurePolicy != "Ignore",
            ParamKind = spec?.ParamKind is { ApiVersion: { Length: > 0 } apiVersion, Kind: { Length: > 0 } kind } ? (apiVersion, kind) : null,
            Match = match,
            MatchConditions = [.. (spec?.MatchConditions ?? []).Select((c, i) => (c.Name ?? "", Expression(c.Expression, ["spec", "matchConditions", i, "expression"])))],
            Variables = [.. (spec?.Variables ?? []).Select((v, i) => (v.Name ?? "", Expression(v.Expression, ["spec", "variables", i, "expression"])))],
            Validations = [.. (spec?.Validations ?? []).Select((v, i) => new CompiledValidation(
                Expression(v.Expression, ["spec", "validations", i, "expression"]),
                string.IsNullOrEmpty(v.MessageExpression) ? null : Expression(v.MessageExpression, ["spec", "validations", i, "messageExpression"]),
                v.Message,
                v.Reason))],
            AuditAnnotations = [.. (spec?.AuditAnnotations ?? []).Select((a, i) => (a.Key ?? "", Expression(a.ValueExpression, ["spec", "auditAnnotations", i, "valueExpression"])))],
            ConfigurationError = configurationError,
        };
    }

    private static CompiledBinding? CompileBinding(KubeObject obj, List<Diagnostic> diagnostics)
    {
        var binding = Deserialize<V1ValidatingAdmissionPolicyBinding>(obj, diagnostics);
        var spec = binding?.Spec;
        string? configurationError = null;
        void Invalid(object[] path, string message)
        {
            diagnostics.Add(Error(obj, path, $"ValidatingAdmissionPolicyBinding \"{obj.Name}\": {message}"));
            configurationError ??= message;
        }
        if (spec is null || string.IsNullOrEmpty(spec.PolicyName))
        {
            Invalid(["spec"], "spec.policyName: Required value");
            return null;
        }
        var actions = spec.ValidationActions?.ToList() ?? [];
        if (actions.Count == 0) Invalid(["spec", "validationActions"], "spec.validationActions: Required value: at least one validation action is required");
        foreach (var action in actions.Where(a => a is not ("Deny" or "Warn" or "Audit")).Distinct())
            Invalid(["spec", "validationActions"], $"spec.validationActions: Unsupported value: \"{action}\": supported values: \"Audit\", \"Deny\", \"Warn\"");
        foreach (var duplicate in actions.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Invalid(["spec", "validationActions"], $"spec.validationActions: Duplicate value: \"{duplicate.Key}\"");
        if (actions.Contains("Deny") && actions.Contains("Warn"))
            Invalid(["spec", "validationActions"], "spec.validationActions: Invalid value: must not contain both Deny and Warn (repeating the same validation failure in the response and its warnings serves no purpose)");

        LabelSelector? paramSelector = null;
        if (spec.ParamRef is { } paramRef)
        {
            var hasName = !string.IsNullOrEmpty(paramRef.Name);
            if (hasName == (paramRef.Selector is not null))
                Invalid(["spec", "paramRef"], "spec.paramRef: one of name or selector must be set, not both");
            if (paramRef.ParameterNotFoundAction is not ("Allow" or "Deny"))
                Invalid(["spec", "paramRef", "parameterNotFoundAction"], paramRef.ParameterNotFoundAction is null
                    ? "spec.paramRef.parameterNotFoundAction: Required value"
                    : $"spec.paramRef.parameterNotFoundAction: Unsupported value: \"{paramRef.ParameterNotFoundAction}\": supported values: \"Allow\", \"Deny\"");
            if (paramRef.Selector is not null)
            {
                var result = LabelSelector.FromApi(paramRef.Selector);
                if (result.Succeeded) paramSelector = result.Selector;
                else Invalid(["spec", "paramRef", "selector"], "spec.paramRef.selector: " + string.Join("; ", result.Errors));
            }
        }
        var (match, matchError) = spec.MatchResources is null ? (null, null) : CompileMatch(spec.MatchResources, obj, ["spec", "matchResources"], diagnostics);
        return new CompiledBinding
        {
            Name = obj.Name,
            Source = obj,
            PolicyName = spec.PolicyName,
            ParamRef = spec.ParamRef,
            ParamSelector = paramSelector,
            Match = match,
            Actions = actions.Where(a => a is "Deny" or "Warn" or "Audit").Distinct(StringComparer.Ordinal).ToList(),
            ConfigurationError = configurationError ?? matchError,
        };
    }

    private static (CompiledMatch Match, string? Error) CompileMatch(V1MatchResources? resources, KubeObject obj, object[] path, List<Diagnostic> diagnostics)
    {
        string? error = null;
        LabelSelector Selector(V1LabelSelector? selector, string field)
        {
            if (selector is null) return LabelSelector.Everything;
            var result = LabelSelector.FromApi(selector);
            if (result.Succeeded) return result.Selector;
            var message = $"{string.Join('.', path)}.{field}: {string.Join("; ", result.Errors)}";
            diagnostics.Add(Error(obj, [.. path, field], $"{obj.Kind} \"{obj.Name}\": {message}"));
            error ??= message;
            return LabelSelector.Nothing;
        }
        var matchPolicy = resources?.MatchPolicy ?? "Equivalent";
        if (matchPolicy is not ("Equivalent" or "Exact"))
        {
            var message = $"{string.Join('.', path)}.matchPolicy: Unsupported value: \"{matchPolicy}\": supported values: \"Equivalent\", \"Exact\"";
            diagnostics.Add(Error(obj, [.. path, "matchPolicy"], $"{obj.Kind} \"{obj.Name}\": {message}"));
            error ??= message;
        }
        var match = new CompiledMatch(
            Selector(resources?.NamespaceSelector, "namespaceSelector"),
            Selector(resources?.ObjectSelector, "objectSelector"),
            resources?.ResourceRules,
            resources?.ExcludeResourceRules,
            matchPolicy != "Exact");
        return (match, error);
    }

    /// <summary><c>spec.validations[0].expression</c>.</summary>
    private static string FieldPath(object[] path) =>
        string.Concat(path.Select((p, i) => p is int index ? $"[{index}]" : (i == 0 ? "" : ".") + p));

    private static T? Deserialize<T>(KubeObject obj, List<Diagnostic> diagnostics) where T : class
    {
        try
        {
            return KubernetesJson.Deserialize<T>(obj.Raw.GetRawText());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            diagnostics.Add(Error(obj, ["spec"], $"{obj.Kind} \"{obj.Name}\": cannot be read: {e.Message}"));
            return null;
        }
    }

    private static Diagnostic Error(KubeObject obj, object[] path, string message) =>
        new(DiagnosticLevel.Error, VapDiagnosticCodes.InvalidObject, message, obj.LocationOf(path));
}
