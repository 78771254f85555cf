namespace Verity.Cli.Tests.AdmissionTest;

/// <summary>
/// <c>verity admission test</c> with ValidatingAdmissionPolicies among the inputs (testdata/admission-vap): a Deny is a
/// violation with policy, binding, action <c>Deny</c> and the API server's message; Warn a warning with the API server's
/// text; Audit an audit annotation; other kinds (ConfigMaps) are admitted too.
/// </summary>
public sealed class AdmissionPolicyTests
{
    private static string Manifests => Path.Combine(RepoPaths.TestData, "admission-vap", "manifests.yaml");

    [Fact]
    public async Task Policies_deny_warn_and_audit_in_the_documented_json()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "-o", "json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("resource").GetString()!);

        var web = results["shop/deployment/web"];
        Assert.False(web.GetProperty("allowed").GetBoolean());
        var denial = web.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("policy").GetString() == "max-replicas");
        Assert.Equal("max-replicas-deny", denial.GetProperty("binding").GetString());
        Assert.Equal("Deny", denial.GetProperty("action").GetString());
        Assert.Equal("ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas-deny' denied request: at most 3 replicas in shop", denial.GetProperty("message").GetString());
        Assert.Equal("5", web.GetProperty("auditAnnotations").GetProperty("max-replicas/replicas").GetString());

        var settings = results["shop/configmap/settings"];
        Assert.True(settings.GetProperty("allowed").GetBoolean());
        Assert.Contains("Validation failed for ValidatingAdmissionPolicy 'team-label' with binding 'team-label-warn': every object names its team",
            settings.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.StartsWith("[{\"message\":\"every object names its team\",\"policy\":\"team-label\",\"binding\":\"team-label-warn\"",
            settings.GetProperty("auditAnnotations").GetProperty("validation.policy.admission.k8s.io/validation_failure").GetString(), StringComparison.Ordinal);

        Assert.True(results["shop/configmap/replica-limit"].GetProperty("allowed").GetBoolean());
        Assert.DoesNotContain(results.Keys, k => k.Contains("validatingadmissionpolicy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_policy_that_does_not_compile_is_an_input_error_with_its_position()
    {
        var dir = Directory.CreateTempSubdirectory("verity-vap-").FullName;
        try
        {
            var file = Path.Combine(dir, "bad.yaml");
            await File.WriteAllTextAsync(file, """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata: {name: broken}
                spec:
                  matchConstraints:
                    resourceRules:
                    - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
                  validations:
                  - expression: "object.spec.containers.all(c, c.image.startsWith('ghcr.io/')"
                """);
            var run = await Cli.RunAsync("admission", "test", "-f", file);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.StartsWith($"{file}:9:17: error VA1002: ValidatingAdmissionPolicy \"broken\": spec.validations[0].expression: compilation failed: ERROR: <input>:1:", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
