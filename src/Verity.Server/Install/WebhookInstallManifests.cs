using System.Text;
using k8s;
using k8s.Models;

namespace Verity.Server.Install;

/// <summary>
/// The objects that install Verity's admission webhook in a cluster (docs/webhook.md, "Installing"), in apply order:
/// Namespace (Pod Security restricted), ServiceAccount, RBAC to watch Namespaces (when enabled), the TLS Secret, the policy
/// ConfigMap (when given), Deployment, Service, PodDisruptionBudget, then the Validating- and MutatingWebhookConfiguration —
/// registered last, so the API server never calls a webhook that is not there yet. Pure: the certificates are passed in.
/// </summary>
public static class WebhookInstallManifests
{
    private const int HttpsPort = 8443;
    private const string TlsDirectory = "/etc/verity/tls";
    private const string PolicyDirectory = "/etc/verity/policy";
    private const string PolicyFile = "verity-policy.yaml";

    /// <summary>The rules of the validating webhook: every kind /validate judges (docs/webhook.md, "What /validate decides").</summary>
    private static readonly (string Group, string[] Resources)[] ValidatedResources =
    [
        ("", ["pods", "pods/ephemeralcontainers", "replicationcontrollers", "services", "namespaces"]),
        ("apps", ["deployments", "replicasets", "statefulsets", "daemonsets"]),
        ("batch", ["jobs", "cronjobs"]),
    ];

    /// <summary>The rules of the mutating webhook: the kinds that carry a pod spec (/mutate changes nothing else).</summary>
    private static readonly (string Group, string[] Resources)[] MutatedResources =
    [
        ("", ["pods", "replicationcontrollers"]),
        ("apps", ["deployments", "replicasets", "statefulsets", "daemonsets"]),
        ("batch", ["jobs", "cronjobs"]),
    ];

    public static IReadOnlyList<IKubernetesObject> Build(WebhookInstallOptions options, WebhookCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(certificates);
        var objects = new List<IKubernetesObject>
        {
            Namespace(options),
            ServiceAccount(options),
        };
        if (options.WatchNamespaces)
        {
            objects.Add(NamespaceReader(options));
            objects.Add(NamespaceReaderBinding(options));
        }
        objects.Add(TlsSecret(options, certificates));
        if (options.PolicyConfigYaml is not null) objects.Add(PolicyConfigMap(options));
        objects.Add(Deployment(options));
        objects.Add(Service(options));
        objects.Add(DisruptionBudget(options));
        objects.Add(ValidatingWebhooks(options, certificates));
        objects.Add(MutatingWebhooks(options, certificates));
        return objects;
    }

    /// <summary>The objects as one multi-document YAML stream, ready for <c>kubectl apply -f -</c>.</summary>
    public static string ToYaml(IEnumerable<IKubernetesObject> objects)
    {
        var yaml = new StringBuilder();
        foreach (var obj in objects)
        {
            yaml.Append("---\n");
            yaml.Append(KubernetesYaml.Serialize(obj).TrimEnd('\n')).Append('\n');
        }
        return yaml.ToString();
    }

    private static Dictionary<string, string> Labels(WebhookInstallOptions options) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = options.Service,
        ["app.kubernetes.io/component"] = "admission-webhook",
        ["app.kubernetes.io/part-of"] = "verity",
    };

    private static Dictionary<string, string> SelectorLabels(WebhookInstallOptions options) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = options.Service,
        ["app.kubernetes.io/component"] = "admission-webhook",
    };

    private static V1ObjectMeta Meta(WebhookInstallOptions options, string? name = null, bool namespaced = true) => new()
    {
        Name = name ?? options.Service,
        NamespaceProperty = namespaced ? options.Namespace : null,
        Labels = Labels(options),
    };

    private static V1Namespace Namespace(WebhookInstallOptions options) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = options.Namespace,
            Labels = new Dictionary<string, string>(Labels(options), StringComparer.Ordinal)
            {
                ["pod-security.kubernetes.io/enforce"] = "restricted",
                ["pod-security.kubernetes.io/enforce-version"] = "latest",
                ["pod-security.kubernetes.io/warn"] = "restricted",
                ["pod-security.kubernetes.io/audit"] = "restricted",
            },
        },
    };

    private static V1ServiceAccount ServiceAccount(WebhookInstallOptions options) => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = Meta(options),
        // The token is mounted by the pod spec only when the server reads Namespaces from the API.
        AutomountServiceAccountToken = false,
    };

    private static string ReaderName(WebhookInstallOptions options) => $"{options.Service}-{options.Namespace}-namespace-reader";

    private static V1ClusterRole NamespaceReader(WebhookInstallOptions options) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = Meta(options, ReaderName(options), namespaced: false),
        Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["namespaces"], Verbs = ["get", "list", "watch"] }],
    };

    private static V1ClusterRoleBinding NamespaceReaderBinding(WebhookInstallOptions options) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRoleBinding",
        Metadata = Meta(options, ReaderName(options), namespaced: false),
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = ReaderName(options) },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = options.Service, NamespaceProperty = options.Namespace }],
    };

    private static string SecretName(WebhookInstallOptions options) => options.Service + "-tls";

    private static V1Secret TlsSecret(WebhookInstallOptions options, WebhookCertificates certificates) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = Meta(options, SecretName(options)),
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["ca.crt"] = Encoding.ASCII.GetBytes(certificates.CaPem),
            ["tls.crt"] = Encoding.ASCII.GetBytes(certificates.CertificatePem),
            ["tls.key"] = Encoding.ASCII.GetBytes(certificates.KeyPem),
        },
    };

    private static string PolicyName(WebhookInstallOptions options) => options.Service + "-policy";

    private static V1ConfigMap PolicyConfigMap(WebhookInstallOptions options) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Meta(options, PolicyName(options)),
        Data = new Dictionary<string, string>(StringComparer.Ordinal) { [PolicyFile] = options.PolicyConfigYaml! },
    };

    /// <summary>The server's arguments; its time budget stays a second inside the API server's timeout.</summary>
    public static IReadOnlyList<string> ServerArguments(WebhookInstallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>
        {
            "serve", "--admission",
            "--tls-cert", $"{TlsDirectory}/tls.crt", "--tls-key", $"{TlsDirectory}/tls.key",
            "--listen", $"0.0.0.0:{HttpsPort}",
            "--timeout-ms", Math.Max(500, options.TimeoutSeconds * 1000 - 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (options.PolicyConfigYaml is not null) args.AddRange(["--config", $"{PolicyDirectory}/{PolicyFile}"]);
        if (options.WatchNamespaces) args.Add("--watch-namespaces");
        if (options.MutateSeccomp) args.Add("--mutate-seccomp");
        if (options.MutateNoAutomount) args.Add("--mutate-no-automount");
        return args;
    }

    private static V1Deployment Deployment(WebhookInstallOptions options)
    {
        var mounts = new List<V1VolumeMount>
        {
            new() { Name = "tls", MountPath = TlsDirectory, ReadOnlyProperty = true },
            new() { Name = "tmp", MountPath = "/tmp" },
        };
        var volumes = new List<V1Volume>
        {
            new() { Name = "tls", Secret = new V1SecretVolumeSource { SecretName = SecretName(options) } },
            new() { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity("16Mi") } },
        };
        if (options.PolicyConfigYaml is not null)
        {
            mounts.Add(new V1VolumeMount { Name = "policy", MountPath = PolicyDirectory, ReadOnlyProperty = true });
            volumes.Add(new V1Volume { Name = "policy", ConfigMap = new V1ConfigMapVolumeSource { Name = PolicyName(options) } });
        }
        var probe = (string path) => new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = path, Port = "https", Scheme = "HTTPS" },
            PeriodSeconds = 10,
            TimeoutSeconds = 2,
        };
        var container = new V1Container
        {
            Name = "verity",
            Image = options.Image,
            Args = [.. ServerArguments(options)],
            // The diagnostics IPC socket is not needed in a cluster and would want a writable /tmp (still mounted: .NET's temp path).
            Env = [new V1EnvVar { Name = "DOTNET_EnableDiagnostics", Value = "0" }],
            Ports = [new V1ContainerPort { Name = "https", ContainerPort = HttpsPort, Protocol = "TCP" }],
            ReadinessProbe = probe("/readyz"),
            LivenessProbe = probe("/healthz"),
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
                Limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["cpu"] = new("1"), ["memory"] = new("256Mi") },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                RunAsNonRoot = true,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
            VolumeMounts = mounts,
        };
        var selector = SelectorLabels(options);
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = Meta(options),
            Spec = new V1DeploymentSpec
            {
                Replicas = options.Replicas,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Labels(options) },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = options.Service,
                        AutomountServiceAccountToken = options.WatchNamespaces,
                        SecurityContext = new V1PodSecurityContext
                        {
                            RunAsNonRoot = true,
                            RunAsUser = 65532,
                            RunAsGroup = 65532,
                            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        // Spread replicas over nodes, so one node going away leaves admission answering.
                        TopologySpreadConstraints =
                        [
                            new V1TopologySpreadConstraint
                            {
                                MaxSkew = 1,
                                TopologyKey = "kubernetes.io/hostname",
                                WhenUnsatisfiable = "ScheduleAnyway",
                                LabelSelector = new V1LabelSelector { MatchLabels = selector },
                            },
                        ],
                        Containers = [container],
                        Volumes = volumes,
                    },
                },
            },
        };
    }

    private static V1Service Service(WebhookInstallOptions options) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Meta(options),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = SelectorLabels(options),
            Ports = [new V1ServicePort { Name = "https", Port = 443, TargetPort = "https", Protocol = "TCP" }],
        },
    };

    private static V1PodDisruptionBudget DisruptionBudget(WebhookInstallOptions options) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = Meta(options),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = 1,
            Selector = new V1LabelSelector { MatchLabels = SelectorLabels(options) },
        },
    };

    /// <summary>
    /// Namespaces the webhooks never see: kube-system (a webhook that blocks the control plane's own pods can lock a cluster
    /// out) and the webhook's own namespace (its pods must start for it to answer), by the immutable
    /// <c>kubernetes.io/metadata.name</c> label every namespace carries (Kubernetes ≥ 1.22).
    /// </summary>
    private static V1LabelSelector ExcludedNamespaces(WebhookInstallOptions options) => new()
    {
        MatchExpressions =
        [
            new V1LabelSelectorRequirement
            {
                Key = "kubernetes.io/metadata.name",
                OperatorProperty = "NotIn",
                Values = [.. new[] { "kube-system", options.Namespace }.Distinct(StringComparer.Ordinal)],
            },
        ],
    };

    private static List<V1RuleWithOperations> Rules((string Group, string[] Resources)[] resources, IList<string> operations) =>
        [.. resources.Select(r => new V1RuleWithOperations
        {
            ApiGroups = [r.Group],
            ApiVersions = ["*"],
            Resources = r.Resources,
            Operations = operations,
            Scope = "*",
        })];

    private static Admissionregistrationv1WebhookClientConfig ClientConfig(WebhookInstallOptions options, WebhookCertificates certificates, string path) => new()
    {
        Service = new Admissionregistrationv1ServiceReference { NamespaceProperty = options.Namespace, Name = options.Service, Path = path, Port = 443 },
        CaBundle = Encoding.ASCII.GetBytes(certificates.CaPem),
    };

    private static V1ValidatingWebhookConfiguration ValidatingWebhooks(WebhookInstallOptions options, WebhookCertificates certificates) => new()
    {
        ApiVersion = "admissionregistration.k8s.io/v1",
        Kind = "ValidatingWebhookConfiguration",
        Metadata = Meta(options, namespaced: false),
        Webhooks =
        [
            new V1ValidatingWebhook
            {
                Name = $"validate.{options.Service}.{options.Namespace}.svc",
                ClientConfig = ClientConfig(options, certificates, "/validate"),
                Rules = Rules(ValidatedResources, ["CREATE", "UPDATE"]),
                FailurePolicy = options.FailurePolicy,
                MatchPolicy = "Equivalent",
                NamespaceSelector = ExcludedNamespaces(options),
                SideEffects = "None",
                TimeoutSeconds = options.TimeoutSeconds,
                AdmissionReviewVersions = ["v1"],
            },
        ],
    };

    private static V1MutatingWebhookConfiguration MutatingWebhooks(WebhookInstallOptions options, WebhookCertificates certificates) => new()
    {
        ApiVersion = "admissionregistration.k8s.io/v1",
        Kind = "MutatingWebhookConfiguration",
        Metadata = Meta(options, namespaced: false),
        Webhooks =
        [
            new V1MutatingWebhook
            {
                Name = $"mutate.{options.Service}.{options.Namespace}.svc",
                ClientConfig = ClientConfig(options, certificates, "/mutate"),
                Rules = Rules(MutatedResources, ["CREATE", "UPDATE"]),
                FailurePolicy = options.FailurePolicy,
                MatchPolicy = "Equivalent",
                NamespaceSelector = ExcludedNamespaces(options),
                SideEffects = "None",
                TimeoutSeconds = options.TimeoutSeconds,
                AdmissionReviewVersions = ["v1"],
                ReinvocationPolicy = "Never",
            },
        ],
    };
}
