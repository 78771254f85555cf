using System.Text.Json.Nodes;

namespace Verity.Server.Tests;

/// <summary>AdmissionReview request bodies and the pods the tests judge.</summary>
internal static class Reviews
{
    /// <summary>Passes restricted:latest.</summary>
    public const string RestrictedPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"good","namespace":"web"},
         "spec":{"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},
                 "containers":[{"name":"app","image":"nginx","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}}]}}
        """;

    /// <summary>Fails baseline (privileged).</summary>
    public const string PrivilegedPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"bad","namespace":"web"},
         "spec":{"containers":[{"name":"app","image":"nginx","securityContext":{"privileged":true}}]}}
        """;

    /// <summary>Passes baseline, fails restricted.</summary>
    public const string PlainPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"plain","namespace":"web"},"spec":{"containers":[{"name":"app","image":"nginx"}]}}
        """;

    public const string PrivilegedMessage =
        "violates PodSecurity \"baseline:latest\": privileged (container \"app\" must not set securityContext.privileged=true)";

    public const string PlainRestrictedWarning =
        "would violate PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false), " +
        "unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]), " +
        "runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true), " +
        "seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";

    /// <summary>A Deployment whose template is <paramref name="podJson"/>'s metadata and spec.</summary>
    public static string Deployment(string podJson)
    {
        var pod = JsonNode.Parse(podJson)!.AsObject();
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "web" },
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject(), ["spec"] = pod["spec"]!.DeepClone() } },
        }.ToJsonString();
    }

    public static string CronJob(string podJson)
    {
        var pod = JsonNode.Parse(podJson)!.AsObject();
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "CronJob",
            ["metadata"] = new JsonObject { ["name"] = "nightly", ["namespace"] = "web" },
            ["spec"] = new JsonObject
            {
                ["schedule"] = "0 0 * * *",
                ["jobTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = pod["spec"]!.DeepClone() } } },
            },
        }.ToJsonString();
    }

    /// <summary>A full admission.k8s.io/v1 AdmissionReview request.</summary>
    public static string Review(string uid, string? objectJson, string operation = "CREATE", string group = "", string version = "v1", string kind = "Pod",
        string ns = "web", string subResource = "", bool dryRun = false, string? oldObjectJson = null)
    {
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind },
            ["resource"] = new JsonObject { ["group"] = group, ["version"] = version, ["resource"] = kind.ToLowerInvariant() + "s" },
            ["name"] = "x",
            ["namespace"] = ns,
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "alice", ["groups"] = new JsonArray("system:authenticated") },
            ["object"] = objectJson is null ? null : JsonNode.Parse(objectJson),
            ["oldObject"] = oldObjectJson is null ? null : JsonNode.Parse(oldObjectJson),
            ["dryRun"] = dryRun,
        };
        if (subResource.Length > 0) request["subResource"] = subResource;
        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request }.ToJsonString();
    }
}
