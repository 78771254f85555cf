using System.Text.Json;
using Verity.Core.Loading;
using Verity.Rbac.Audit;

namespace Verity.Rbac.Tests.Audit;

/// <summary>The YAML writer's output, read back by Verity's kubectl-compatible loader (YAML 1.1 rules, as
/// sigs.k8s.io/yaml), is exactly the generated objects: every string survives quoting.</summary>
public sealed class AuditYamlRoundTripTests
{
    [Theory]
    [MemberData(nameof(AuditGoldenTests.Cases), MemberType = typeof(AuditGoldenTests))]
    public void GoldenOutputLoadsBackAsTheGeneratedObjects(string name)
    {
        var caseDir = Path.Combine(AuditTestData.OutputDirectory, name);
        var userFile = Path.Combine(caseDir, "user.txt");
        var result = AuditTestData.Generate(File.ReadAllText(Path.Combine(caseDir, "audit.log")),
            File.Exists(userFile) ? File.ReadAllText(userFile).Trim() : null);
        AssertRoundTrips(result);
    }

    [Fact]
    public void NamesThatYamlWouldMisreadAreQuoted()
    {
        string[] names = ["yes", "0755", "1e3", "null", "a: b", "#x", "~", "-", "[x]", "on"];
        var lines = names.Select((n, i) =>
            $$$"""{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"id-{{{i}}}","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/ns/configmaps/x","verb":"get","user":{"username":"No"},"objectRef":{"resource":"configmaps","namespace":"ns","name":{{{JsonSerializer.Serialize(n)}}},"apiVersion":"v1"},"responseStatus":{"code":200}}""");
        var result = AuditTestData.Generate(string.Join("\n", lines));
        Assert.Equal(names.Order(StringComparer.Ordinal), Assert.Single(Assert.Single(result.Roles).Rules).ResourceNames);
        AssertRoundTrips(result);
    }

    private static void AssertRoundTrips(AuditRbacResult result)
    {
        var loaded = ManifestParser.Parse(AuditRbacYamlWriter.Write(result), "out.yaml");
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(result.Roles.Count * 2, loaded.Objects.Count);
        for (var i = 0; i < result.Roles.Count; i++)
        {
            var role = result.Roles[i];
            var binding = result.Bindings[i];
            var (roleObject, bindingObject) = (loaded.Objects[2 * i], loaded.Objects[2 * i + 1]);
            Assert.Equal((role.Kind.ToString(), role.Name, role.Namespace), (roleObject.Kind, roleObject.Name, roleObject.Namespace));
            Assert.Equal((binding.Kind, binding.Name, binding.Namespace), (bindingObject.Kind, bindingObject.Name, bindingObject.Namespace));
            var rules = roleObject.Raw.GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(role.Rules.Count, rules.Count);
            for (var r = 0; r < rules.Count; r++)
            {
                Assert.Equal(role.Rules[r].Verbs, Strings(rules[r], "verbs"));
                Assert.Equal(role.Rules[r].ApiGroups, Strings(rules[r], "apiGroups"));
                Assert.Equal(role.Rules[r].Resources, Strings(rules[r], "resources"));
                Assert.Equal(role.Rules[r].ResourceNames, Strings(rules[r], "resourceNames"));
                Assert.Equal(role.Rules[r].NonResourceUrls, Strings(rules[r], "nonResourceURLs"));
            }
            var subject = Assert.Single(bindingObject.Raw.GetProperty("subjects").EnumerateArray().ToList());
            Assert.Equal(binding.Subject.Name, subject.GetProperty("name").GetString());
            Assert.Equal(binding.RoleName, bindingObject.Raw.GetProperty("roleRef").GetProperty("name").GetString());
        }
    }

    private static List<string> Strings(JsonElement rule, string field) =>
        rule.TryGetProperty(field, out var list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];
}
