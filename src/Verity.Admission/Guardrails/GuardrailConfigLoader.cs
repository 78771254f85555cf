using System.Text.Json;
using Verity.Admission.Guardrails.Config;
using Verity.Core.Loading;
using Verity.Core.Model;

namespace Verity.Admission.Guardrails;

/// <summary>
/// Loads a policy config (<c>apiVersion: verity.dev/v1alpha1</c>, <c>kind: PolicyConfig</c>; schema in
/// docs/guardrails.md) from the text of one file. Pure: the caller reads the file. Strict: every problem — unknown
/// field or policy id, bad action, selector, parameter or date, incomplete exception — becomes a diagnostic with
/// file:line:column and field path, and every valid part is still used (CONVENTIONS.md #3).
/// </summary>
public static class GuardrailConfigLoader
{
    public const string ApiVersion = "verity.dev/v1alpha1";
    public const string Kind = "PolicyConfig";

    private static readonly string[] TopLevel = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] SpecFields = ["defaultAction", "policies"];

    public static GuardrailConfigResult Load(string text, string file)
    {
        var loaded = ManifestParser.Parse(text, file);
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        GuardrailConfig? config = null;
        foreach (var obj in loaded.Objects)
        {
            if (obj.Ref.ApiVersion != ApiVersion || obj.Kind != Kind)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, GuardrailDiagnosticCodes.NotPolicyConfig,
                    $"{obj.Ref.ApiVersion} {obj.Kind} \"{obj.Name}\" is not a policy config (expected apiVersion: {ApiVersion}, kind: {Kind}); ignored",
                    obj.Source));
            }
            else if (config is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, GuardrailDiagnosticCodes.NotPolicyConfig,
                    $"a second {Kind} (\"{obj.Name}\") in one file; only the first (\"{config.Name}\") is used", obj.Source));
            }
            else
            {
                config = Read(new ConfigReader(obj, new YamlKeyLocator(text, obj.Source), diagnostics), obj);
            }
        }
        if (config is null && loaded.Objects.Count == 0 && !loaded.HasErrors)
        {
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, GuardrailDiagnosticCodes.NotPolicyConfig,
                $"no {Kind} document found; the defaults apply", new SourceLocation(file)));
        }
        return new GuardrailConfigResult(config ?? GuardrailConfig.Default, diagnostics);
    }

    private static GuardrailConfig Read(ConfigReader reader, KubeObject obj)
    {
        var root = obj.Raw;
        reader.UnknownFields(root, [], TopLevel, Kind);
        var policies = GuardrailConfig.DefaultPolicies();
        var config = new GuardrailConfig { Name = obj.Name, Policies = policies };
        if (reader.Mapping(root, ["spec"]) is not { } spec) return config;
        reader.UnknownFields(spec, ["spec"], SpecFields, "spec");

        var defaultAction = GuardrailAction.Audit;
        if (reader.String(spec, ["spec", "defaultAction"]) is { } text)
        {
            if (ActionSyntax.TryParse(text, out var action)) defaultAction = action;
            else reader.Error(GuardrailDiagnosticCodes.InvalidAction,
                $"invalid action \"{text}\": must be one of {ActionSyntax.Names}; audit is used", ["spec", "defaultAction"]);
        }
        // defaultAction applies to every guardrail that is on by default; opt-in ones stay off until named.
        foreach (var policy in GuardrailLibrary.Policies.Where(p => p.DefaultAction != GuardrailAction.Disabled))
            policies[policy.Id] = policies[policy.Id] with { Action = defaultAction };

        if (reader.Mapping(spec, ["spec", "policies"]) is not { } entries) return config;
        foreach (var property in entries.EnumerateObject())
        {
            IReadOnlyList<object> path = ["spec", "policies", property.Name];
            if (GuardrailLibrary.Find(property.Name) is not { } policy)
            {
                reader.Error(GuardrailDiagnosticCodes.UnknownPolicy,
                    $"unknown policy id \"{property.Name}\" (known: {string.Join(", ", GuardrailLibrary.Policies.Select(p => p.Id))})", path, atKey: true);
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                reader.WrongType(path, property.Value, "a mapping");
                continue;
            }
            var start = policy.DefaultAction == GuardrailAction.Disabled ? GuardrailAction.Audit : defaultAction;
            policies[policy.Id] = PolicyReader.Read(reader, policy, property.Value, path, start);
        }
        return config;
    }
}
