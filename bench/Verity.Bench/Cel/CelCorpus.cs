using System.Text.Json.Nodes;

namespace Verity.Bench.Cel;

/// <summary>
/// The inputs of the <c>cel</c> benchmark (issue 7, point 6): six ValidatingAdmissionPolicy-style expressions and
/// twenty deterministic, realistic Pods (3–6 KB of JSON each: containers with securityContext, resources, env, probes,
/// volume mounts; some violate each policy). All three engines get exactly these texts.
/// </summary>
internal static class CelCorpus
{
    /// <summary>
    /// A Pod has no <c>spec.replicas</c>, so the "replicas bound" of the brief is measured as the same shape of expression
    /// (an integer field compared with a constant) on a Pod integer field, <c>terminationGracePeriodSeconds</c>.
    /// No backslashes in the regular expression, so the three engines' string-escape rules cannot differ.
    /// </summary>
    public static IReadOnlyList<CelCase> Cases { get; } =
    [
        new("privilege-escalation",
            "object.spec.containers.all(c, has(c.securityContext) && c.securityContext.allowPrivilegeEscalation == false)"),
        new("registry-allowlist",
            "object.spec.containers.all(c, ['registry.example.com/', 'ghcr.io/acme/', 'docker.io/library/'].exists(p, c.image.startsWith(p)))"),
        new("team-label",
            "has(object.metadata.labels) && 'team' in object.metadata.labels"),
        new("limits-set",
            "object.spec.containers.all(c, has(c.resources) && has(c.resources.limits) && 'cpu' in c.resources.limits && 'memory' in c.resources.limits)"),
        new("scalar-bound",
            "object.spec.terminationGracePeriodSeconds <= 30"),
        new("image-strings",
            "object.spec.containers.all(c, c.image.matches('^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+:[A-Za-z0-9._-]+$') && c.image.split('/').size() >= 2 && !c.image.endsWith(':latest') && c.name.split('-').size() <= 3)"),
        new("floor (constant)", "true", Floor: true),
    ];

    private static readonly string[] Apps = ["payments", "checkout", "catalog", "search", "auth", "ledger", "gateway", "notifier", "reports", "inventory"];
    private static readonly string[] Registries = ["registry.example.com/", "ghcr.io/acme/", "docker.io/library/", "quay.io/evil/"];

    /// <summary>The Pods as compact JSON texts (what an admission request carries), deterministic for a given count.</summary>
    public static IReadOnlyList<string> Pods(int count = 20)
    {
        var pods = new List<string>(count);
        for (var i = 0; i < count; i++) pods.Add(Pod(i).ToJsonString());
        return pods;
    }

    private static JsonObject Pod(int i)
    {
        var app = Apps[i % Apps.Length];
        var labels = new JsonObject
        {
            ["app.kubernetes.io/name"] = app,
            ["app.kubernetes.io/part-of"] = "shop",
            ["pod-template-hash"] = $"7d9f{i:x2}c6b5",
        };
        if (i % 4 != 3) labels["team"] = $"team-{app}";
        var metadata = new JsonObject
        {
            ["name"] = $"{app}-7d9f{i:x2}c6b5-x{i:x3}q",
            ["namespace"] = $"shop-{i % 3}",
            ["uid"] = $"3f2a{i:x4}-1c2b-4e5f-9a8b-{i:x12}",
            ["resourceVersion"] = (100_000 + i * 37).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["creationTimestamp"] = "2026-11-27T10:00:00Z",
            ["annotations"] = new JsonObject
            {
                ["kubectl.kubernetes.io/restartedAt"] = "2026-11-20T08:00:00Z",
                ["prometheus.io/scrape"] = "true",
                ["prometheus.io/port"] = "9090",
            },
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = $"{app}-7d9f{i:x2}c6b5",
                ["uid"] = $"9e8d{i:x4}-aaaa-bbbb-cccc-{i:x12}", ["controller"] = true, ["blockOwnerDeletion"] = true,
            }),
        };
        if (i != 17) metadata["labels"] = labels; // one Pod with no labels at all

        var containerCount = 1 + i % 4;
        var containers = new JsonArray();
        for (var c = 0; c < containerCount; c++) containers.Add(Container(i, c, app));
        var spec = new JsonObject
        {
            ["serviceAccountName"] = app,
            ["terminationGracePeriodSeconds"] = i % 5 == 4 ? 60 : 30,
            ["restartPolicy"] = "Always",
            ["dnsPolicy"] = "ClusterFirst",
            ["nodeName"] = $"node-{i % 7}",
            ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["fsGroup"] = 2000, ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" } },
            ["containers"] = containers,
            ["volumes"] = new JsonArray(
                new JsonObject { ["name"] = "config", ["configMap"] = new JsonObject { ["name"] = $"{app}-config", ["defaultMode"] = 420 } },
                new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject { ["sizeLimit"] = "64Mi" } },
                new JsonObject
                {
                    ["name"] = "kube-api-access",
                    ["projected"] = new JsonObject
                    {
                        ["defaultMode"] = 420,
                        ["sources"] = new JsonArray(
                            new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } },
                            new JsonObject { ["configMap"] = new JsonObject { ["name"] = "kube-root-ca.crt", ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }) } }),
                    },
                }),
            ["affinity"] = new JsonObject
            {
                ["podAntiAffinity"] = new JsonObject
                {
                    ["preferredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(new JsonObject
                    {
                        ["weight"] = 100,
                        ["podAffinityTerm"] = new JsonObject
                        {
                            ["topologyKey"] = "kubernetes.io/hostname",
                            ["labelSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = app } },
                        },
                    }),
                },
            },
            ["tolerations"] = new JsonArray(
                new JsonObject { ["key"] = "node.kubernetes.io/not-ready", ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300 }),
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["hostIP"] = $"192.168.1.{10 + i % 7}",
                ["podIP"] = $"10.42.{i % 250}.{10 + i}",
                ["qosClass"] = "Burstable",
                ["startTime"] = "2026-11-27T10:00:01Z",
                ["conditions"] = new JsonArray(
                    Condition("PodReadyToStartContainers"), Condition("Initialized"), Condition("Ready"),
                    Condition("ContainersReady"), Condition("PodScheduled")),
            },
        };
    }

    private static JsonObject Condition(string type) => new()
    {
        ["type"] = type, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = "2026-11-27T10:00:05Z",
    };

    private static JsonObject Container(int i, int c, string app)
    {
        var name = c == 0 ? app : c == 1 ? "istio-proxy" : c == 2 ? "log-shipper" : "metrics-exporter-sidecar-v2";
        var registry = (i * 3 + c) % 11 == 7 ? Registries[3] : Registries[(i + c) % 3];
        var tag = (i + c) % 13 == 5 ? "latest" : $"1.{i}.{c}";
        var container = new JsonObject
        {
            ["name"] = name,
            ["image"] = $"{registry}{name}:{tag}",
            ["imagePullPolicy"] = "IfNotPresent",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080 + c, ["protocol"] = "TCP" }),
            ["env"] = new JsonArray(
                new JsonObject { ["name"] = "APP_NAME", ["value"] = app },
                new JsonObject { ["name"] = "LOG_LEVEL", ["value"] = "info" },
                new JsonObject { ["name"] = "POD_NAME", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.name" } } },
                new JsonObject { ["name"] = "DB_PASSWORD", ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = $"{app}-db", ["key"] = "password" } } }),
            ["readinessProbe"] = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = "/ready", ["port"] = "http" },
                ["initialDelaySeconds"] = 5, ["periodSeconds"] = 10, ["failureThreshold"] = 3,
            },
            ["livenessProbe"] = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = "http" },
                ["initialDelaySeconds"] = 15, ["periodSeconds"] = 20,
            },
            ["volumeMounts"] = new JsonArray(
                new JsonObject { ["name"] = "config", ["mountPath"] = "/etc/app", ["readOnly"] = true },
                new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" },
                new JsonObject { ["name"] = "kube-api-access", ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount", ["readOnly"] = true }),
        };
        var requests = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" };
        var resources = new JsonObject { ["requests"] = requests };
        if ((i + c) % 6 != 2) resources["limits"] = (i + c) % 9 == 4 ? new JsonObject { ["cpu"] = "500m" } : new JsonObject { ["cpu"] = "500m", ["memory"] = "256Mi" };
        container["resources"] = resources;
        if ((i * 7 + c) % 10 != 3)
        {
            container["securityContext"] = new JsonObject
            {
                ["allowPrivilegeEscalation"] = (i + c) % 8 == 6,
                ["readOnlyRootFilesystem"] = true,
                ["runAsUser"] = 1000,
                ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
            };
        }
        return container;
    }
}
