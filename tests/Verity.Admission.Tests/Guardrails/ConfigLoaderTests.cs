using Verity.Admission.Guardrails;
using Verity.Core.Model;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// The policy config loader: strict (every problem is a diagnostic with file:line:column), and forgiving (valid parts
/// are used; an invalid policy scope falls back to audit; an invalid exception is dropped whole).
/// </summary>
public sealed class ConfigLoaderTests
{
    private static GuardrailConfigResult Load(string yaml) => GuardrailConfigLoader.Load(yaml, "policy.yaml");

    private static string[] Rendered(GuardrailConfigResult result) => result.Diagnostics.Select(d => d.ToString()).ToArray();

    [Fact]
    public void A_valid_config_compiles_every_part()
    {
        var result = Load("""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata:
              name: prod
            spec:
              defaultAction: warn
              policies:
                VG-IMG-001:
                  action: enforce
                  registries: [ghcr.io/example-shop, registry.internal:5000]
                  namespaceSelector:
                    matchLabels: {env: prod}
                VG-IMG-003: {}
                VG-META-001:
                  labels: [app.kubernetes.io/name, team]
                  objectSelector:
                    matchExpressions: [{key: tier, operator: NotIn, values: [test]}]
                VG-NET-001:
                  action: disabled
                  allowedNamespaces: [edge]
            """);
        Assert.Empty(Rendered(result));
        var config = result.Config;
        Assert.Equal("prod", config.Name);
        Assert.Equal(GuardrailAction.Enforce, config.Settings(GuardrailIds.AllowedRegistries).Action);
        Assert.Equal(["ghcr.io/example-shop", "registry.internal:5000"], config.Settings(GuardrailIds.AllowedRegistries).Registries);
        Assert.Equal("env=prod", config.Settings(GuardrailIds.AllowedRegistries).NamespaceSelector!.ToString());
        // Naming an opt-in guardrail turns it on, at audit unless an action is given.
        Assert.Equal(GuardrailAction.Audit, config.Settings(GuardrailIds.DigestRequired).Action);
        Assert.Equal(GuardrailAction.Warn, config.Settings(GuardrailIds.RequiredLabels).Action);
        Assert.Equal(["app.kubernetes.io/name", "team"], config.Settings(GuardrailIds.RequiredLabels).Labels);
        Assert.Equal("tier notin (test)", config.Settings(GuardrailIds.RequiredLabels).ObjectSelector!.ToString());
        Assert.Equal(GuardrailAction.Disabled, config.Settings(GuardrailIds.ExposedServices).Action);
        Assert.Equal(["edge"], config.Settings(GuardrailIds.ExposedServices).AllowedNamespaces);
        // Not named: the default action of the config.
        Assert.Equal(GuardrailAction.Warn, config.Settings(GuardrailIds.NoLatestTag).Action);
        Assert.Equal(GuardrailAction.Warn, config.Settings(GuardrailIds.PodSecurityLabel).Action);
    }

    [Fact]
    public void Defaults_audit_everything_but_the_digest_guardrail()
    {
        var config = GuardrailConfig.Default;
        Assert.Equal(GuardrailLibrary.Policies.Select(p => p.Id).Order(StringComparer.Ordinal), config.Policies.Keys.Order(StringComparer.Ordinal));
        foreach (var policy in GuardrailLibrary.Policies)
        {
            var expected = policy.Id == GuardrailIds.DigestRequired ? GuardrailAction.Disabled : GuardrailAction.Audit;
            Assert.Equal(expected, config.Settings(policy.Id).Action);
        }
        Assert.Equal([GuardrailConfig.DefaultRequiredLabel], config.Settings(GuardrailIds.RequiredLabels).Labels);
        Assert.Empty(config.Settings(GuardrailIds.AllowedRegistries).Registries);
    }

    [Fact]
    public void Every_problem_is_reported_at_its_position_and_the_valid_parts_are_kept()
    {
        var result = Load("""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata:
              name: broken
            spec:
              policies:
                VG-XYZ-999:
                  action: enforce
                VG-IMG-002:
                  action: enforced
                VG-IMG-001:
                  action: enforce
                  registries: [ghcr.io/example-shop, "https://quay.io"]
                  registry: [typo]
                VG-META-001:
                  action: warn
                  labels: ["bad key!", team]
                  namespaceSelector:
                    matchExpressions:
                      - {key: env, operator: Equals, values: [prod]}
                VG-RES-001:
                  action: enforce
                  exceptions:
                    - name: no-owner
                      reason: legacy
                      expires: 2027-01-01
                      namespaces: [legacy]
                    - name: bad-date
                      owner: team-a
                      reason: legacy
                      expires: 31/12/2027
                      names: [batch]
                    - name: everything
                      owner: team-a
                      reason: legacy
                      expires: 2027-01-01
                    - name: fine
                      owner: team-a
                      reason: sized by the vendor chart
                      expires: 2027-01-01T12:00:00+01:00
                      namespaces: [vendor]
            """);
        Assert.Equal(
        [
            "policy.yaml:7:5: error VG1003: spec.policies.VG-XYZ-999: unknown policy id \"VG-XYZ-999\" (known: VG-IMG-001, VG-IMG-002, VG-IMG-003, VG-RES-001, VG-META-001, VG-IDN-001, VG-IDN-002, VG-SEC-001, VG-NET-001, VG-NS-001)",
            "policy.yaml:10:15: error VG1004: spec.policies.VG-IMG-002.action: invalid action \"enforced\": must be one of enforce, warn, audit, disabled; the policy runs at audit until fixed",
            "policy.yaml:14:7: error VG1002: spec.policies.VG-IMG-001.registry: unknown field \"registry\" in policy VG-IMG-001 (known: action, namespaceSelector, objectSelector, exceptions, registries)",
            "policy.yaml:13:42: error VG1009: spec.policies.VG-IMG-001.registries[1]: registry \"https://quay.io\" must be a registry host or repository prefix such as ghcr.io or ghcr.io/example-shop (no scheme, tag or digest)",
            "policy.yaml:20:34: error VG1005: spec.policies.VG-META-001.namespaceSelector.matchExpressions[0].operator: invalid label selector: unsupported operator \"Equals\": must be one of In, NotIn, Exists, DoesNotExist (case-sensitive)",
            "policy.yaml:17:16: error VG1009: spec.policies.VG-META-001.labels[0]: label key \"bad key!\" is not a valid label key",
            "policy.yaml:24:11: error VG1006: spec.policies.VG-RES-001.exceptions[0]: exception needs \"owner\": who answers for it (a team or a person)",
            "policy.yaml:31:20: error VG1007: spec.policies.VG-RES-001.exceptions[1].expires: \"31/12/2027\" is not an RFC 3339 date (2027-06-30) or timestamp with an offset (2027-06-30T18:00:00Z)",
            "policy.yaml:33:11: error VG1006: spec.policies.VG-RES-001.exceptions[2]: exception matches every object; limit it with namespaces, names or an objectSelector (or disable the policy)",
        ], Rendered(result));
        Assert.True(result.HasErrors);
        var config = result.Config;
        // A bad action or selector: the policy runs at audit, unscoped.
        Assert.Equal(GuardrailAction.Audit, config.Settings(GuardrailIds.NoLatestTag).Action);
        Assert.Equal(GuardrailAction.Audit, config.Settings(GuardrailIds.RequiredLabels).Action);
        Assert.Null(config.Settings(GuardrailIds.RequiredLabels).NamespaceSelector);
        // Valid values kept, invalid ones left out.
        Assert.Equal(GuardrailAction.Enforce, config.Settings(GuardrailIds.AllowedRegistries).Action);
        Assert.Equal(["ghcr.io/example-shop"], config.Settings(GuardrailIds.AllowedRegistries).Registries);
        Assert.Equal(["team"], config.Settings(GuardrailIds.RequiredLabels).Labels);
        // Only the complete exception survives, with its offset honoured.
        var exception = Assert.Single(config.Settings(GuardrailIds.Resources).Exceptions);
        Assert.Equal("fine", exception.Name);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 11, 0, 0, TimeSpan.Zero), exception.Expires);
        Assert.Equal(GuardrailAction.Enforce, config.Settings(GuardrailIds.Resources).Action);
    }

    [Fact]
    public void Wrong_types_unknown_top_level_fields_and_wrong_kinds_are_reported()
    {
        var result = Load("""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata:
              name: types
            spec:
              defaultActions: warn
              policies:
                VG-IMG-001:
                  registries: ghcr.io/example-shop
                VG-NS-001: enforce
            status: {}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: not-a-config
            """);
        Assert.Equal(
        [
            "policy.yaml:11:1: error VG1002: status: unknown field \"status\" in PolicyConfig (known: apiVersion, kind, metadata, spec)",
            "policy.yaml:6:3: error VG1002: spec.defaultActions: unknown field \"defaultActions\" in spec (known: defaultAction, policies)",
            "policy.yaml:9:19: error VG1008: spec.policies.VG-IMG-001.registries: must be a list of strings, found a string",
            "policy.yaml:8:5: warning VG1009: spec.policies.VG-IMG-001: VG-IMG-001 has no registries, so it checks nothing; list the allowed registries",
            "policy.yaml:10:16: error VG1008: spec.policies.VG-NS-001: must be a mapping, found a string",
            "policy.yaml:13:1: error VG1001: v1 ConfigMap \"not-a-config\" is not a policy config (expected apiVersion: verity.dev/v1alpha1, kind: PolicyConfig); ignored",
        ], Rendered(result));
    }

    [Fact]
    public void Exceptions_need_owner_reason_and_expires_and_unique_names()
    {
        var result = Load("""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata: {name: x}
            spec:
              policies:
                VG-IDN-001:
                  exceptions:
                    - name: a
                      namespaces: [legacy]
                    - name: b
                      owner: platform
                      reason: system pods
                      expires: "2027-02-30"
                      namespaces: [kube-system]
                    - name: c
                      owner: platform
                      reason: system pods
                      expires: 2027-02-28
                      namespaces: [Kube_System]
                      objectSelector: {matchLabels: {"app": "a b"}}
                    - name: d
                      owner: platform
                      reason: ok
                      expires: 2027-02-28
                      names: [x]
                    - name: d
                      owner: platform
                      reason: duplicate
                      expires: 2027-02-28
                      names: [z]
                    - name: e
                      owner: platform
                      reason: a name that YAML reads as a boolean
                      expires: 2027-02-28
                      names: [y]
            """);
        Assert.Equal(
        [
            "policy.yaml:8:11: error VG1006: spec.policies.VG-IDN-001.exceptions[0]: exception needs \"owner\": who answers for it (a team or a person)",
            "policy.yaml:8:11: error VG1006: spec.policies.VG-IDN-001.exceptions[0]: exception needs \"reason\": why the object cannot comply yet",
            "policy.yaml:8:11: error VG1006: spec.policies.VG-IDN-001.exceptions[0]: exception needs \"expires\": when it ends, as an RFC 3339 date (2027-06-30) or timestamp (2027-06-30T18:00:00Z)",
            "policy.yaml:13:20: error VG1007: spec.policies.VG-IDN-001.exceptions[1].expires: \"2027-02-30\" is not an RFC 3339 date (2027-06-30) or timestamp with an offset (2027-06-30T18:00:00Z)",
            "policy.yaml:19:24: error VG1006: spec.policies.VG-IDN-001.exceptions[2].namespaces[0]: namespace \"Kube_System\" is not a valid namespace name (lower-case letters, digits and '-', at most 63 characters)",
            "policy.yaml:20:41: error VG1005: spec.policies.VG-IDN-001.exceptions[2].objectSelector.matchLabels: invalid label selector: matchLabels[app]: invalid label value \"a b\": must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric (e.g. 'MyValue', 'my_value', '12345')",
            "policy.yaml:26:17: error VG1006: spec.policies.VG-IDN-001.exceptions[4].name: duplicate exception name \"d\"",
            // YAML 1.1, as kubectl reads it: a bare y is the boolean true, not a name.
            "policy.yaml:35:19: error VG1008: spec.policies.VG-IDN-001.exceptions[5].names[0]: must be a string, found a boolean",
        ], Rendered(result));
        Assert.Equal(["d"], result.Config.Settings(GuardrailIds.NoDefaultServiceAccount).Exceptions.Select(e => e.Name));
    }

    [Fact]
    public void An_empty_file_and_a_yaml_syntax_error_are_diagnostics_and_the_defaults_apply()
    {
        var empty = Load("");
        Assert.Equal(["policy.yaml: error VG1001: no PolicyConfig document found; the defaults apply"], Rendered(empty));
        Assert.Same(GuardrailConfig.Default, empty.Config);

        var syntax = Load("apiVersion: verity.dev/v1alpha1\nkind: PolicyConfig\nmetadata: {name: x\n");
        Assert.True(syntax.HasErrors);
        Assert.All(syntax.Diagnostics, d => Assert.Equal(DiagnosticLevel.Error, d.Level));
        Assert.Same(GuardrailConfig.Default, syntax.Config);
    }
}
