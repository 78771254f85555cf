using System.Globalization;
using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// A Deployment with its ReplicaSet and Pods, as a live cluster returns them: owner references with the
/// owners' uids, <c>pod-template-hash</c> labels, scheduled pods with node names, host and pod IPs, and the
/// status the controllers and the kubelet write.
/// </summary>
internal sealed class WorkloadObjects(MetaFactory meta, int replicas)
{
    private const int PodsPerNode = 100;

    public JsonObject Deployment(WorkloadPlan w)
    {
        var ns = w.Namespace.Name;
        var applied = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject(), ["labels"] = Labels(w), ["name"] = w.Name, ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = Selector(w) },
                ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = PodLabels(w, hash: false) } },
            },
        };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = meta.Metadata("Deployment", w.Name, ns, w.Created, Labels(w),
                MetaFactory.LastApplied(applied, ("deployment.kubernetes.io/revision", "1")), generation: 1),
            ["spec"] = new JsonObject
            {
                ["progressDeadlineSeconds"] = 600,
                ["replicas"] = replicas,
                ["revisionHistoryLimit"] = 10,
                ["selector"] = new JsonObject { ["matchLabels"] = Selector(w) },
                ["strategy"] = new JsonObject
                {
                    ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" },
                    ["type"] = "RollingUpdate",
                },
                ["template"] = Template(w, hash: false),
            },
            ["status"] = DeploymentStatus(w),
        };
    }

    public JsonObject ReplicaSet(WorkloadPlan w)
    {
        var ns = w.Namespace.Name;
        var selector = Selector(w);
        selector["pod-template-hash"] = w.TemplateHash;
        var status = new JsonObject();
        if (replicas > 0)
        {
            status["availableReplicas"] = replicas;
            status["fullyLabeledReplicas"] = replicas;
        }
        status["observedGeneration"] = 1;
        if (replicas > 0) status["readyReplicas"] = replicas;
        status["replicas"] = replicas;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = meta.Metadata("ReplicaSet", w.ReplicaSetName, ns, w.Created,
                PodLabels(w, hash: true),
                MetaFactory.Map(
                    ("deployment.kubernetes.io/desired-replicas", replicas.ToString(CultureInfo.InvariantCulture)),
                    ("deployment.kubernetes.io/max-replicas", (replicas + (replicas + 3) / 4).ToString(CultureInfo.InvariantCulture)),
                    ("deployment.kubernetes.io/revision", "1")),
                meta.ControllerReference("apps/v1", "Deployment", ns, w.Name), generation: 1),
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = selector },
                ["template"] = Template(w, hash: true),
            },
            ["status"] = status,
        };
    }

    /// <summary>The names of the workload's pods: <c>&lt;replicaset&gt;-&lt;5 random characters&gt;</c>, distinct.</summary>
    public IReadOnlyList<string> PodNames(WorkloadPlan w)
    {
        var rng = meta.Random($"pods/{w.Namespace.Name}/{w.ReplicaSetName}");
        var names = new List<string>(replicas);
        while (names.Count < replicas)
        {
            var name = $"{w.ReplicaSetName}-{rng.NameSuffix(5)}";
            if (!names.Contains(name)) names.Add(name);
        }
        return names;
    }

    public JsonObject Pod(WorkloadPlan w, int replica, string name)
    {
        var ns = w.Namespace.Name;
        var rng = meta.Random($"pod/{ns}/{name}");
        var podIndex = (long)w.GlobalIndex * replicas + replica;
        var node = (int)(podIndex / PodsPerNode);
        var podIp = MetaFactory.Ipv4((10u << 24 | 128u << 16) + (uint)node * 256 + (uint)(podIndex % PodsPerNode) + 2);
        var hostIp = MetaFactory.Ipv4((10u << 24) + (uint)(node / 250) * 256 + (uint)(node % 250) + 4);
        var created = w.Created.AddSeconds(rng.Next(5, 600));
        var started = created.AddSeconds(rng.Next(1, 4));
        var ready = started.AddSeconds(rng.Next(3, 40));
        var accessVolume = $"kube-api-access-{rng.NameSuffix(5)}";

        var spec = PodSpecs.Template(w);
        foreach (var container in spec["containers"]!.AsArray())
        {
            container!["volumeMounts"]!.AsArray().Add(new JsonObject
            {
                ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount",
                ["name"] = accessVolume,
                ["readOnly"] = true,
            });
        }
        spec["enableServiceLinks"] = true;
        spec["nodeName"] = $"ip-{hostIp.Replace('.', '-')}.ec2.internal";
        spec["preemptionPolicy"] = "PreemptLowerPriority";
        spec["priority"] = 0;
        spec["tolerations"] = new JsonArray(
            Toleration("node.kubernetes.io/not-ready"),
            Toleration("node.kubernetes.io/unreachable"));
        spec["volumes"]!.AsArray().Add(new JsonObject
        {
            ["name"] = accessVolume,
            ["projected"] = new JsonObject
            {
                ["defaultMode"] = 420,
                ["sources"] = new JsonArray(
                    new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } },
                    new JsonObject
                    {
                        ["configMap"] = new JsonObject
                        {
                            ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }),
                            ["name"] = "kube-root-ca.crt",
                        },
                    },
                    new JsonObject
                    {
                        ["downwardAPI"] = new JsonObject
                        {
                            ["items"] = new JsonArray(new JsonObject
                            {
                                ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.namespace" },
                                ["path"] = "namespace",
                            }),
                        },
                    }),
            },
        });

        var statuses = new JsonArray();
        foreach (var container in PodSpecs.Containers(w))
        {
            var restarts = rng.Chance(0.1) ? rng.Next(1, 6) : 0;
            var repository = container.Image[..container.Image.LastIndexOf(':')];
            statuses.Add(new JsonObject
            {
                ["containerID"] = $"containerd://{rng.Hex(64)}",
                ["image"] = container.Image,
                ["imageID"] = $"{repository}@sha256:{rng.Hex(64)}",
                ["lastState"] = restarts == 0 ? new JsonObject() : new JsonObject
                {
                    ["terminated"] = new JsonObject
                    {
                        ["containerID"] = $"containerd://{rng.Hex(64)}",
                        ["exitCode"] = 137,
                        ["finishedAt"] = MetaFactory.Time(ready.AddMinutes(rng.Next(10, 900))),
                        ["reason"] = "OOMKilled",
                        ["startedAt"] = MetaFactory.Time(started),
                    },
                },
                ["name"] = container.Name,
                ["ready"] = true,
                ["restartCount"] = restarts,
                ["started"] = true,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = MetaFactory.Time(started) } },
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta.Metadata("Pod", name, ns, created, PodLabels(w, hash: true), PodAnnotations(w),
                meta.ControllerReference("apps/v1", "ReplicaSet", ns, w.ReplicaSetName), generateName: $"{w.ReplicaSetName}-"),
            ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(
                    Condition("PodReadyToStartContainers", started),
                    Condition("Initialized", created),
                    Condition("Ready", ready),
                    Condition("ContainersReady", ready),
                    Condition("PodScheduled", created)),
                ["containerStatuses"] = statuses,
                ["hostIP"] = hostIp,
                ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
                ["phase"] = "Running",
                ["podIP"] = podIp,
                ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
                ["qosClass"] = "Burstable",
                ["startTime"] = MetaFactory.Time(created),
            },
        };
    }

    private JsonObject DeploymentStatus(WorkloadPlan w)
    {
        var status = new JsonObject();
        if (replicas > 0) status["availableReplicas"] = replicas;
        var ready = MetaFactory.Time(w.Created.AddSeconds(45));
        status["conditions"] = new JsonArray(
            new JsonObject
            {
                ["lastTransitionTime"] = ready,
                ["lastUpdateTime"] = ready,
                ["message"] = "Deployment has minimum availability.",
                ["reason"] = "MinimumReplicasAvailable",
                ["status"] = "True",
                ["type"] = "Available",
            },
            new JsonObject
            {
                ["lastTransitionTime"] = MetaFactory.Time(w.Created),
                ["lastUpdateTime"] = ready,
                ["message"] = $"ReplicaSet \"{w.ReplicaSetName}\" has successfully progressed.",
                ["reason"] = "NewReplicaSetAvailable",
                ["status"] = "True",
                ["type"] = "Progressing",
            });
        status["observedGeneration"] = 1;
        if (replicas > 0)
        {
            status["readyReplicas"] = replicas;
            status["replicas"] = replicas;
            status["updatedReplicas"] = replicas;
        }
        return status;
    }

    private JsonObject Template(WorkloadPlan w, bool hash)
    {
        var metadata = new JsonObject();
        if (PodAnnotations(w) is { } annotations) metadata["annotations"] = annotations;
        metadata["creationTimestamp"] = null;
        metadata["labels"] = PodLabels(w, hash);
        return new JsonObject { ["metadata"] = metadata, ["spec"] = PodSpecs.Template(w) };
    }

    private static JsonObject Toleration(string key) => new()
    {
        ["effect"] = "NoExecute",
        ["key"] = key,
        ["operator"] = "Exists",
        ["tolerationSeconds"] = 300,
    };

    private static JsonObject Condition(string type, DateTimeOffset at) => new()
    {
        ["lastProbeTime"] = null,
        ["lastTransitionTime"] = MetaFactory.Time(at),
        ["status"] = "True",
        ["type"] = type,
    };

    public static JsonObject Selector(WorkloadPlan w) => MetaFactory.Map((w.SelectorLabel.Key, w.SelectorLabel.Value));

    private static JsonObject Labels(WorkloadPlan w) => MetaFactory.Map(
        (w.SelectorLabel.Key, w.SelectorLabel.Value),
        ("app.kubernetes.io/part-of", w.Namespace.Team),
        ("tier", w.Tier));

    private static JsonObject PodLabels(WorkloadPlan w, bool hash)
    {
        var labels = Labels(w);
        labels["app.kubernetes.io/version"] = w.Image[(w.Image.LastIndexOf(':') + 1)..];
        if (hash) labels["pod-template-hash"] = w.TemplateHash;
        return labels;
    }

    private static JsonObject? PodAnnotations(WorkloadPlan w) =>
        w.Ports.FirstOrDefault(p => p.Name == "metrics") is { } metrics
            ? MetaFactory.Map(
                ("prometheus.io/port", metrics.Port.ToString(CultureInfo.InvariantCulture)),
                ("prometheus.io/scrape", "true"))
            : null;
}
