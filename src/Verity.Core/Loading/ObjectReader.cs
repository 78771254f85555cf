using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// Reads parsed documents as Kubernetes objects: unwraps <c>kind: List</c> and typed lists
/// (<c>PodList</c>, … as the API and <c>kubectl get -o yaml|json</c> return them) and checks the
/// envelope every engine relies on: <c>apiVersion</c>, <c>kind</c>, <c>metadata.name</c> (or
/// <c>generateName</c>), <c>metadata.namespace</c>, labels, annotations and owner references. An object
/// with a problem there is reported and left out — the API server would reject it too — and every
/// other object is kept. Objects of unknown kinds (CRDs) are kept as they are.
/// </summary>
internal static class ObjectReader
{
    public static void Read(RawDocument document, List<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        var root = document.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.NotAnObject,
                $"document is {JsonKinds.Describe(root.ValueKind)}, not a Kubernetes object (a mapping with apiVersion, kind and metadata)",
                document.Location));
            return;
        }
        if (IsKustomization(root))
        {
            diagnostics.Add(new Diagnostic(DiagnosticLevel.Warning, DiagnosticCodes.NotKubernetes,
                "kustomize configuration, not a Kubernetes object: skipped (pass the output of `kustomize build` instead)", document.Location));
            return;
        }
        var context = new ObjectContext(document, [], null, diagnostics);
        var kind = context.RequiredString(root, "kind");
        var apiVersion = context.RequiredString(root, "apiVersion");
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && root.TryGetProperty("items", out var items))
        {
            ReadList(document, root, kind, apiVersion, items, objects, diagnostics);
            return;
        }
        if (kind is null || apiVersion is null) return;
        if (Envelope(context, root, apiVersion, kind) is { } obj) objects.Add(obj);
    }

    private static void ReadList(RawDocument document, JsonElement root, string kind, string? apiVersion, JsonElement items,
        List<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        var listContext = new ObjectContext(document, [], null, diagnostics);
        if (items.ValueKind != JsonValueKind.Array)
        {
            listContext.WrongType(["items"], items, "a list");
            return;
        }
        // A typed list (PodList) from the API omits each item's apiVersion and kind; they follow from the list.
        // A generic `kind: List` (what kubectl prints) carries them on every item.
        var itemKind = kind == "List" ? null : kind[..^"List".Length];
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var location = document.ItemLocations is { } known && index < known.Count
                ? known[index]
                : document.Location with { ListIndex = index };
            var itemLocator = document.ItemLocators is { } locators && index < locators.Count ? locators[index] : null;
            var context = new ObjectContext(document, ["items", index], location, diagnostics, itemLocator);
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.NotAnObject,
                    $"list item is {JsonKinds.Describe(item.ValueKind)}, not a Kubernetes object", location, $"items[{index - 1}]"));
                continue;
            }
            var k = item.TryGetProperty("kind", out _) || itemKind is null ? context.RequiredString(item, "kind") : itemKind;
            var v = item.TryGetProperty("apiVersion", out _) || itemKind is null ? context.RequiredString(item, "apiVersion") : apiVersion;
            if (k is null || v is null) continue;
            if (Envelope(context, item, v, k) is { } obj) objects.Add(obj);
        }
    }

    private static KubeObject? Envelope(ObjectContext context, JsonElement obj, string apiVersion, string kind)
    {
        if (!obj.TryGetProperty("metadata", out var metadata) || metadata.ValueKind == JsonValueKind.Null)
        {
            context.Missing(["metadata", "name"]);
            return null;
        }
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            context.WrongType(["metadata"], metadata, "a mapping");
            return null;
        }
        var errors = context.ErrorCount;
        var name = context.OptionalString(metadata, ["metadata", "name"]);
        var generateName = context.OptionalString(metadata, ["metadata", "generateName"]);
        var ns = context.OptionalString(metadata, ["metadata", "namespace"]);
        var uid = context.OptionalString(metadata, ["metadata", "uid"]);
        var labels = context.StringMap(metadata, "labels");
        var annotations = context.StringMap(metadata, "annotations");
        var owners = context.Owners(metadata);
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(generateName) && context.ErrorCount == errors)
            context.Missing(["metadata", "name"]);
        if (context.ErrorCount > errors) return null;
        return new KubeObject
        {
            // An object with only generateName (kubectl create) is named by its prefix; the server would add a suffix.
            Ref = new ResourceRef(apiVersion, kind, string.IsNullOrEmpty(ns) ? null : ns, string.IsNullOrEmpty(name) ? generateName! : name),
            Raw = obj,
            Source = context.Location,
            Labels = labels,
            Annotations = annotations,
            Uid = uid,
            OwnerReferences = owners,
            Locator = context.Locator,
        };
    }

    private static bool IsKustomization(JsonElement root) =>
        root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() is "Kustomization" or "Component"
            && root.TryGetProperty("apiVersion", out var version) && version.ValueKind == JsonValueKind.String
            && version.GetString()!.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal)
        || !root.TryGetProperty("kind", out _) && !root.TryGetProperty("apiVersion", out _)
            && (root.TryGetProperty("resources", out _) || root.TryGetProperty("components", out _) || root.TryGetProperty("patches", out _))
            && !root.TryGetProperty("metadata", out _);
}
