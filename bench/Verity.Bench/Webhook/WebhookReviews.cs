using System.Text.Json.Nodes;

namespace Verity.Bench.Webhook;

/// <summary>
/// Realistic AdmissionReview requests of ~5 KB: Pods and Deployments with an init container and three containers, labels,
/// annotations, securityContext, resources, env, probes, volume mounts and volumes. Seven of ten pass restricted:latest;
/// the other three each break it in one place (privileged, hostPath, added capability, missing runAsNonRoot, hostNetwork,
/// allowPrivilegeEscalation) inside an otherwise restricted spec, as real denials do.
/// </summary>
internal static class WebhookReviews
{
    private static readonly string[] Violations = ["privileged", "hostPath", "capability", "runAsNonRoot", "hostNetwork", "escalation"];

    public static IReadOnlyList<ReviewTemplate> Create()
    {
        var templates = new List<ReviewTemplate>();
        for (var i = 0; i < 20; i++)
        {
            var deployment = i % 2 == 1;
            var violation = i % 10 >= 7 ? Violations[i / 10 * 3 + i % 10 - 7] : null; // 7, 8, 9, 17, 18, 19: each violation once
            var name = $"{(deployment ? "deployment" : "pod")}-{i:00}-{violation ?? "restricted"}";
            var spec = PodSpec(i, violation);
            var metadata = Metadata($"app-{i:00}", i);
            JsonObject obj = deployment
                ? new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["metadata"] = metadata,
                    ["spec"] = new JsonObject
                    {
                        ["replicas"] = 3,
                        ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = $"app-{i:00}" } },
                        ["strategy"] = new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = 0 } },
                        ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = Labels($"app-{i:00}", i) }, ["spec"] = spec },
                    },
                }
                : new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec };
            var review = Review(deployment ? ("apps", "Deployment", "deployments") : ("", "Pod", "pods"), $"app-{i:00}", obj);
            templates.Add(ReviewTemplate.From(name, violation is null, review));
        }
        return templates;
    }

    private static string Review((string Group, string Kind, string Resource) type, string name, JsonObject obj) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = ReviewTemplate.UidHole,
            ["kind"] = new JsonObject { ["group"] = type.Group, ["version"] = "v1", ["kind"] = type.Kind },
            ["resource"] = new JsonObject { ["group"] = type.Group, ["version"] = "v1", ["resource"] = type.Resource },
            ["requestKind"] = new JsonObject { ["group"] = type.Group, ["version"] = "v1", ["kind"] = type.Kind },
            ["requestResource"] = new JsonObject { ["group"] = type.Group, ["version"] = "v1", ["resource"] = type.Resource },
            ["name"] = name,
            ["namespace"] = "shop",
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject
            {
                ["username"] = "system:serviceaccount:argocd:argocd-application-controller",
                ["uid"] = "5b1e9c57-0c8f-4bde-9a52-3c2f0f6d9e11",
                ["groups"] = new JsonArray("system:serviceaccounts", "system:serviceaccounts:argocd", "system:authenticated"),
            },
            ["object"] = obj,
            ["oldObject"] = null,
            ["dryRun"] = false,
            ["options"] = new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "CreateOptions", ["fieldManager"] = "argocd-controller" },
        },
    }.ToJsonString();

    private static JsonObject Metadata(string name, int i) => new()
    {
        ["name"] = name,
        ["namespace"] = "shop",
        ["labels"] = Labels(name, i),
        ["annotations"] = new JsonObject
        {
            ["argocd.argoproj.io/tracking-id"] = $"shop:apps/Deployment:shop/{name}",
            ["prometheus.io/scrape"] = "true",
            ["prometheus.io/port"] = "9090",
            ["kubectl.kubernetes.io/default-container"] = "app",
        },
    };

    private static JsonObject Labels(string name, int i) => new()
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/instance"] = $"{name}-prod",
        ["app.kubernetes.io/version"] = $"1.{i}.0",
        ["app.kubernetes.io/component"] = "backend",
        ["app.kubernetes.io/part-of"] = "shop",
        ["app.kubernetes.io/managed-by"] = "argocd",
    };

    private static JsonObject PodSpec(int i, string? violation)
    {
        var podSecurity = new JsonObject
        {
            ["runAsNonRoot"] = violation == "runAsNonRoot" ? null : true,
            ["runAsUser"] = 10001,
            ["runAsGroup"] = 10001,
            ["fsGroup"] = 10001,
            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
        };
        if (violation == "runAsNonRoot") podSecurity.Remove("runAsNonRoot");
        var volumes = new JsonArray(
            new JsonObject { ["name"] = "config", ["configMap"] = new JsonObject { ["name"] = $"app-{i:00}-config" } },
            new JsonObject { ["name"] = "tls", ["secret"] = new JsonObject { ["secretName"] = $"app-{i:00}-tls", ["defaultMode"] = 288 } },
            new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject { ["sizeLimit"] = "64Mi" } },
            new JsonObject
            {
                ["name"] = "token",
                ["projected"] = new JsonObject { ["sources"] = new JsonArray(new JsonObject { ["serviceAccountToken"] = new JsonObject { ["path"] = "token", ["expirationSeconds"] = 3600, ["audience"] = "vault" } }) },
            });
        if (violation == "hostPath") volumes.Add(new JsonObject { ["name"] = "logs", ["hostPath"] = new JsonObject { ["path"] = "/var/log", ["type"] = "Directory" } });
        var spec = new JsonObject
        {
            ["serviceAccountName"] = $"app-{i:00}",
            ["automountServiceAccountToken"] = false,
            ["securityContext"] = podSecurity,
            ["initContainers"] = new JsonArray(Container("migrate", i, null, probes: false)),
            ["containers"] = new JsonArray(Container("app", i, violation, probes: true), Container("sidecar", i, null, probes: true), Container("metrics", i, null, probes: false)),
            ["volumes"] = volumes,
            ["nodeSelector"] = new JsonObject { ["kubernetes.io/os"] = "linux" },
            ["tolerations"] = new JsonArray(new JsonObject { ["key"] = "dedicated", ["operator"] = "Equal", ["value"] = "shop", ["effect"] = "NoSchedule" }),
        };
        if (violation == "hostNetwork") spec["hostNetwork"] = true;
        return spec;
    }

    private static JsonObject Container(string name, int i, string? violation, bool probes)
    {
        var capabilities = new JsonObject { ["drop"] = new JsonArray("ALL") };
        if (violation == "capability") capabilities["add"] = new JsonArray("NET_ADMIN");
        var security = new JsonObject
        {
            ["allowPrivilegeEscalation"] = violation == "escalation",
            ["readOnlyRootFilesystem"] = true,
            ["capabilities"] = capabilities,
        };
        if (violation == "privileged") security["privileged"] = true;
        var container = new JsonObject
        {
            ["name"] = name,
            ["image"] = $"registry.example.com/shop/{name}:1.{i}.0",
            ["imagePullPolicy"] = "IfNotPresent",
            ["args"] = new JsonArray("--config=/etc/app/config.yaml", "--log-format=json"),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080, ["protocol"] = "TCP" }),
            ["env"] = new JsonArray(
                new JsonObject { ["name"] = "LOG_LEVEL", ["value"] = "info" },
                new JsonObject { ["name"] = "POD_NAME", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.name" } } },
                new JsonObject { ["name"] = "DB_PASSWORD", ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "db", ["key"] = "password" } } }),
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
                ["limits"] = new JsonObject { ["cpu"] = "500m", ["memory"] = "256Mi" },
            },
            ["securityContext"] = security,
            ["volumeMounts"] = new JsonArray(
                new JsonObject { ["name"] = "config", ["mountPath"] = "/etc/app", ["readOnly"] = true },
                new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" }),
        };
        if (probes)
        {
            container["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/readyz", ["port"] = "http" }, ["periodSeconds"] = 5 };
            container["livenessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = "http" }, ["periodSeconds"] = 10 };
        }
        return container;
    }
}
