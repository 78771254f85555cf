using System.Globalization;
using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>
/// Identity and metadata shared by every generated object. A uid is a function of the seed and the object's
/// kind, namespace and name, so an owner reference can name its owner's uid without generation order mattering.
/// </summary>
internal sealed class MetaFactory(int seed)
{
    /// <summary>When the synthetic cluster was created; every timestamp is after it.</summary>
    public static readonly DateTimeOffset ClusterCreated = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public int Seed => seed;

    public DeterministicRandom Random(string scope) => DeterministicRandom.For(seed, scope);

    public string Uid(string kind, string? ns, string name) => Random($"uid/{kind}/{ns}/{name}").Uuid();

    /// <summary>RFC 3339 in UTC, as the API server writes <c>metav1.Time</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Ipv4(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";

    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new JsonObject();
        foreach (var (key, value) in entries) map[key] = value;
        return map;
    }

    public static JsonObject Map(params (string Key, string Value)[] entries) => Map(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    public static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    /// <summary>
    /// <c>metadata</c> as the API server returns it. <paramref name="generation"/> is written for kinds that
    /// have a spec the controllers observe (0 leaves it out).
    /// </summary>
    public JsonObject Metadata(string kind, string name, string? ns, DateTimeOffset created,
        JsonObject? labels = null, JsonObject? annotations = null, JsonArray? owners = null, int generation = 0, string? generateName = null)
    {
        var rng = Random($"meta/{kind}/{ns}/{name}");
        var metadata = new JsonObject();
        if (annotations is { Count: > 0 }) metadata["annotations"] = annotations;
        metadata["creationTimestamp"] = Time(created);
        if (generateName is not null) metadata["generateName"] = generateName;
        if (generation > 0) metadata["generation"] = generation;
        if (labels is { Count: > 0 }) metadata["labels"] = labels;
        metadata["name"] = name;
        if (ns is not null) metadata["namespace"] = ns;
        if (owners is not null) metadata["ownerReferences"] = owners;
        metadata["resourceVersion"] = rng.Next(1_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        metadata["uid"] = Uid(kind, ns, name);
        return metadata;
    }

    /// <summary>The controller owner reference a ReplicaSet or a Pod carries.</summary>
    public JsonArray ControllerReference(string apiVersion, string kind, string ns, string name) =>
    [
        new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["blockOwnerDeletion"] = true,
            ["controller"] = true,
            ["kind"] = kind,
            ["name"] = name,
            ["uid"] = Uid(kind, ns, name),
        },
    ];

    /// <summary>
    /// The <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation of an object applied with
    /// <c>kubectl apply</c>: the applied manifest as compact JSON with a trailing newline (kubectl prints it as
    /// a literal block scalar).
    /// </summary>
    public static JsonObject LastApplied(JsonObject applied, params (string Key, string Value)[] more)
    {
        var annotations = Map(more);
        annotations["kubectl.kubernetes.io/last-applied-configuration"] = KubectlJson.Compact(applied) + "\n";
        return annotations;
    }

    public JsonObject Namespace(NamespacePlan plan) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = Metadata("Namespace", plan.Name, null, plan.Created, Map(
            ("kubernetes.io/metadata.name", plan.Name),
            ("pod-security.kubernetes.io/enforce", plan.PodSecurityLevel),
            ("pod-security.kubernetes.io/warn", "restricted"),
            ("team", plan.Team),
            ("environment", plan.Environment))),
        ["spec"] = new JsonObject { ["finalizers"] = Strings("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };
}
