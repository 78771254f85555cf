using Verity.Admission.Guardrails;
using Verity.Core.Loading;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// Bad input is never an exception: a pod spec or Service that cannot be read is an error on the result ("could not
/// evaluate"), which is neither a violation nor a denial; what can still be judged from metadata is judged.
/// </summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: s}\nspec:\n  containers: [1]\n", "field \"spec.containers[0]\" has the wrong type, so the V1PodSpec cannot be read")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: s}\nspec:\n  containers: [{name: a, resources: {limits: [1]}}]\n", "field \"spec.containers[0].resources.limits\" has the wrong type, so the V1PodSpec cannot be read")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: s}\n", "Pod \"p\" has no pod spec at spec")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: s}\nspec: {template: []}\n", "Deployment \"d\" has no pod spec at spec.template.spec")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: s}\nspec: {ports: {a: 1}}\n", "field \"spec.ports\" has the wrong type, so the V1Service cannot be read")]
    public void An_unreadable_spec_is_an_error_not_a_violation(string yaml, string error)
    {
        var obj = Assert.Single(ManifestParser.Parse(yaml, "bad.yaml").Objects);
        var config = GuardrailTestData.Config("""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata: {name: strict}
            spec:
              defaultAction: enforce
              policies:
                VG-META-001: {action: disabled}
            """);
        var result = new GuardrailEngine(config, FixedClock.At(GuardrailTestData.DefaultNow)).Evaluate(new GuardrailInput(obj));
        Assert.Equal([error], result.Errors);
        Assert.Empty(result.Violations);
        Assert.True(result.Allowed);
    }
}
