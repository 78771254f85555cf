using System.Globalization;
using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// The pod spec of a workload as the API server stores it (defaults filled in): the main container with
/// env, probes, named ports, resources and a security context that follows the namespace's Pod Security
/// level, an envoy sidecar on some workloads, and a privileged CSI controller in kube-system.
/// </summary>
internal static class PodSpecs
{
    /// <summary>The pod spec as written in the template, with the API server's defaults filled in.</summary>
    public static JsonObject Template(WorkloadPlan w)
    {
        var restricted = w.Namespace.PodSecurityLevel == "restricted";
        var containers = new JsonArray();
        foreach (var c in Containers(w)) containers.Add(Container(w, c, restricted));
        var spec = new JsonObject
        {
            ["containers"] = containers,
            ["dnsPolicy"] = "ClusterFirst",
            ["restartPolicy"] = "Always",
            ["schedulerName"] = "default-scheduler",
            ["securityContext"] = restricted
                ? new JsonObject
                {
                    ["fsGroup"] = 10001,
                    ["runAsNonRoot"] = true,
                    ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
                }
                : new JsonObject(),
            ["serviceAccount"] = w.ServiceAccount,
            ["serviceAccountName"] = w.ServiceAccount,
            ["terminationGracePeriodSeconds"] = 30,
            ["volumes"] = new JsonArray(new JsonObject { ["emptyDir"] = new JsonObject(), ["name"] = "tmp" }),
        };
        if (w.Name == "coredns")
        {
            spec["priorityClassName"] = "system-cluster-critical";
            spec["dnsPolicy"] = "Default";
        }
        return spec;
    }

    public static IEnumerable<ContainerPlan> Containers(WorkloadPlan w)
    {
        yield return new ContainerPlan(w.Name, w.Image, w.Ports, IsSidecar: false);
        if (w.HasSidecar) yield return new ContainerPlan("envoy", "docker.io/envoyproxy/envoy:v1.31.2", [new PortPlan("envoy-admin", 9901)], IsSidecar: true);
    }

    private static JsonObject Container(WorkloadPlan w, ContainerPlan c, bool restricted)
    {
        var ports = new JsonArray();
        foreach (var p in c.Ports)
            ports.Add(new JsonObject { ["containerPort"] = p.Port, ["name"] = p.Name, ["protocol"] = p.Protocol });
        var container = new JsonObject();
        if (c.IsSidecar)
        {
            container["args"] = MetaFactory.Strings("--config-path", "/etc/envoy/envoy.yaml", "--log-level", "warn");
        }
        else
        {
            container["env"] = new JsonArray(
                new JsonObject { ["name"] = "LOG_LEVEL", ["value"] = "info" },
                new JsonObject { ["name"] = "PORT", ["value"] = c.Ports[0].Port.ToString(CultureInfo.InvariantCulture) },
                new JsonObject
                {
                    ["name"] = "POD_IP",
                    ["valueFrom"] = new JsonObject
                    {
                        ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "status.podIP" },
                    },
                },
                new JsonObject { ["name"] = "OTEL_EXPORTER_OTLP_ENDPOINT", ["value"] = "http://otel-collector.monitoring.svc:4317" });
        }
        container["image"] = c.Image;
        container["imagePullPolicy"] = "IfNotPresent";
        var main = c.Ports[0];
        if (!c.IsSidecar && main.Protocol == "TCP") container["livenessProbe"] = Probe(main, "/healthz");
        container["name"] = c.Name;
        container["ports"] = ports;
        if (!c.IsSidecar && main.Protocol == "TCP") container["readinessProbe"] = Probe(main, "/readyz");
        container["resources"] = new JsonObject
        {
            ["limits"] = new JsonObject { ["cpu"] = c.IsSidecar ? "200m" : "1", ["memory"] = c.IsSidecar ? "128Mi" : "512Mi" },
            ["requests"] = new JsonObject { ["cpu"] = c.IsSidecar ? "50m" : "100m", ["memory"] = c.IsSidecar ? "64Mi" : "256Mi" },
        };
        container["securityContext"] = w.Name == "ebs-csi-controller" && !c.IsSidecar
            ? new JsonObject { ["privileged"] = true }
            : restricted
                ? new JsonObject
                {
                    ["allowPrivilegeEscalation"] = false,
                    ["capabilities"] = new JsonObject { ["drop"] = MetaFactory.Strings("ALL") },
                    ["readOnlyRootFilesystem"] = true,
                    ["runAsNonRoot"] = true,
                    ["runAsUser"] = 10001,
                }
                : new JsonObject { ["allowPrivilegeEscalation"] = false };
        container["terminationMessagePath"] = "/dev/termination-log";
        container["terminationMessagePolicy"] = "File";
        container["volumeMounts"] = new JsonArray(new JsonObject { ["mountPath"] = "/tmp", ["name"] = "tmp" });
        return container;
    }

    private static JsonObject Probe(PortPlan port, string path)
    {
        var probe = new JsonObject { ["failureThreshold"] = 3 };
        if (port.Name.StartsWith("http", StringComparison.Ordinal))
            probe["httpGet"] = new JsonObject { ["path"] = path, ["port"] = port.Name, ["scheme"] = "HTTP" };
        probe["periodSeconds"] = 10;
        probe["successThreshold"] = 1;
        if (!port.Name.StartsWith("http", StringComparison.Ordinal))
            probe["tcpSocket"] = new JsonObject { ["port"] = port.Port };
        probe["timeoutSeconds"] = 1;
        return probe;
    }
}
