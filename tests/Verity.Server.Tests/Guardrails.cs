using System.Text.Json.Nodes;
using Verity.Admission.Guardrails;
using Verity.Server.Admission;

namespace Verity.Server.Tests;

/// <summary>The guardrail config, clock and objects of the guardrail webhook tests.</summary>
internal static class Guardrails
{
    /// <summary>Between the two exceptions' expiry dates: "legacy" is active, "stale" has expired.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string ConfigYaml = """
        apiVersion: verity.dev/v1alpha1
        kind: PolicyConfig
        metadata: {name: webhook-test}
        spec:
          defaultAction: disabled
          policies:
            VG-IMG-002:
              action: enforce
              exceptions:
                - name: legacy
                  owner: team-a
                  reason: vendor image
                  expires: 2027-03-31
                  names: [legacy]
                - name: old
                  owner: team-b
                  reason: migration
                  expires: 2026-01-01
                  names: [stale]
            VG-RES-001: {action: warn}
            VG-IDN-002: {action: audit}
            VG-NET-001:
              action: enforce
              allowedNamespaces: [edge]
        """;

    public static GuardrailConfig Config
    {
        get
        {
            var loaded = GuardrailConfigLoader.Load(ConfigYaml, "webhook-test.yaml");
            Assert.Empty(loaded.Diagnostics);
            return loaded.Config;
        }
    }

    public static AdmissionConfig Admission(GuardrailConfig? config = null) => new() { Guardrails = config ?? Config, Time = new FixedTime(Now) };

    /// <summary><see cref="Reviews.RestrictedPod"/> (passes restricted) named <paramref name="name"/> running <paramref name="image"/>.</summary>
    public static string Pod(string name, string image, bool resources = false)
    {
        var pod = JsonNode.Parse(Reviews.RestrictedPod)!.AsObject();
        pod["metadata"]!["name"] = name;
        var container = pod["spec"]!["containers"]![0]!;
        container["image"] = image;
        if (resources)
        {
            var amounts = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" };
            container["resources"] = new JsonObject { ["requests"] = amounts.DeepClone(), ["limits"] = amounts };
        }
        return pod.ToJsonString();
    }

    public static string Service(string type, string ns = "web", string spec = "") =>
        $$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"shop","namespace":"{{ns}}"},"spec":{{(spec.Length > 0 ? spec : $$"""{"type":"{{type}}","ports":[{"port":80}]}""")}}}""";

    public const string LatestMessage =
        "VG-IMG-002: container \"app\" image \"nginx:latest\" uses :latest, so what runs changes with every push; set a release tag (docker.io/nginx:<version>) or a digest (@sha256:<digest>)";
}
