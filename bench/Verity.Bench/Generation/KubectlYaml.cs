using System.Text;
using System.Text.Json.Nodes;

namespace Verity.Bench.Generation;

/// <summary>Writes objects as <c>kubectl get -o yaml</c> prints them, or as a multi-document stream.</summary>
public static class KubectlYaml
{
    /// <summary>
    /// <c>kubectl get -A -o yaml</c>: <c>apiVersion: v1</c>, the objects under <c>items</c>, then
    /// <c>kind: List</c> and <c>metadata: {resourceVersion: ""}</c>.
    /// </summary>
    public static void WriteList(IEnumerable<JsonObject> items, Stream output)
    {
        using var emitter = new YamlEmitter(output);
        emitter.Lines("apiVersion: v1\n");
        using var item = items.GetEnumerator();
        if (!item.MoveNext())
        {
            emitter.Lines("items: []\n");
        }
        else
        {
            emitter.Lines("items:\n");
            do emitter.SequenceItem(item.Current, 0);
            while (item.MoveNext());
        }
        emitter.Lines("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    }

    /// <summary>The same objects as separate documents joined by <c>---</c> lines, as manifests are kept in Git.</summary>
    public static void WriteDocuments(IEnumerable<JsonObject> items, Stream output)
    {
        using var emitter = new YamlEmitter(output);
        var first = true;
        foreach (var item in items)
        {
            if (!first) emitter.Lines("---\n");
            first = false;
            emitter.Mapping(item, 0, continueLine: false);
        }
    }

    /// <summary>One object as a YAML document.</summary>
    public static string ToYaml(JsonObject obj)
    {
        using var buffer = new MemoryStream();
        using (var emitter = new YamlEmitter(buffer)) emitter.Mapping(obj, 0, continueLine: false);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
