using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Loading;

/// <summary>
/// Differential test of the streaming YAML→JSON loader: random object trees are written once as JSON
/// (read by System.Text.Json, the reference) and once as block-style YAML, and both must load to the
/// same JSON, in the same order, with each object's line known.
/// </summary>
public sealed class YamlJsonEquivalenceProperties
{
    [Property(MaxTest = 200)]
    public Property BlockYamlLoadsToTheSameJsonAsJson(int seed)
    {
        var random = new Random(seed);
        var objects = Enumerable.Range(0, random.Next(1, 4)).Select(i => RandomObject(random, i)).ToList();
        var json = string.Join("\n", objects.Select(o => o.ToJsonString()));
        var yaml = new StringBuilder("# generated\n");
        var lines = new List<int>();
        foreach (var obj in objects)
        {
            yaml.Append("---\n");
            lines.Add(yaml.ToString().Count(c => c == '\n') + 1);
            WriteBlock(yaml, obj, 0);
        }

        var fromJson = ManifestParser.Parse(json, "a.json");
        var fromYaml = ManifestParser.Parse(yaml.ToString(), "a.yaml");
        var same = fromJson.Diagnostics.Count == 0 && fromYaml.Diagnostics.Count == 0
            && fromJson.Objects.Count == objects.Count && fromYaml.Objects.Count == objects.Count
            && fromJson.Objects.Zip(fromYaml.Objects).All(p => JsonNode.DeepEquals(JsonNode.Parse(p.First.Raw.GetRawText()), JsonNode.Parse(p.Second.Raw.GetRawText())))
            && fromYaml.Objects.Select(o => o.Source.Line).SequenceEqual(lines);
        return same.Label($"yaml:\n{yaml}\njson:\n{json}\ndiagnostics: {string.Join("; ", fromYaml.Diagnostics)}");
    }

    private static JsonObject RandomObject(Random random, int index)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Thing",
            ["metadata"] = new JsonObject { ["name"] = $"t{index}", ["labels"] = new JsonObject { ["app"] = RandomString(random) } },
        };
        for (var i = random.Next(0, 4); i > 0; i--) obj[$"f{i}{RandomString(random)}"] = RandomNode(random, 0);
        return obj;
    }

    private static JsonNode? RandomNode(Random random, int depth) => random.Next(depth > 3 ? 5 : 8) switch
    {
        0 => JsonValue.Create(RandomString(random)),
        1 => JsonValue.Create(random.Next(-100000, 100000)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => null,
        4 => JsonValue.Create(Math.Round(random.NextDouble() * 1000, 3) + 0.5),
        5 or 6 => new JsonObject(Enumerable.Range(0, random.Next(0, 4)).Select(i => KeyValuePair.Create($"k{i}{RandomString(random)}", RandomNode(random, depth + 1)))),
        _ => new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomNode(random, depth + 1)).ToArray()),
    };

    /// <summary>Strings that are hard for YAML: look like numbers or booleans, contain ': ', '#', quotes, unicode.</summary>
    private static string RandomString(Random random)
    {
        string[] tricky = ["yes", "on", "1.0", "0x10", "~", "", "a: b", "# not a comment", "\"q\"", "it's", "naïve ☃", "-", "? x", "line\nbreak", "=", "*star", "&amp", "!bang", "%p", "@at", "`tick`", " lead", "trail "];
        return random.Next(3) == 0 ? tricky[random.Next(tricky.Length)] : new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
    }

    /// <summary>Writes YAML block style; scalars are double-quoted (with JSON escapes) or plain numbers, booleans and null.</summary>
    private static void WriteBlock(StringBuilder yaml, JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    yaml.Append(pad).Append(Quote(key)).Append(':');
                    WriteValue(yaml, value, indent);
                }
                break;
            case JsonArray array when array.Count > 0:
                foreach (var item in array)
                {
                    yaml.Append(pad).Append('-');
                    WriteValue(yaml, item, indent);
                }
                break;
        }
    }

    private static void WriteValue(StringBuilder yaml, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } or JsonArray { Count: > 0 }:
                yaml.Append('\n');
                WriteBlock(yaml, value, indent + 2);
                break;
            case JsonObject:
                yaml.Append(" {}\n");
                break;
            case JsonArray:
                yaml.Append(" []\n");
                break;
            case null:
                yaml.Append(" null\n");
                break;
            default:
                yaml.Append(' ').Append(value.GetValueKind() == JsonValueKind.String ? Quote(value.GetValue<string>()) : value.ToJsonString()).Append('\n');
                break;
        }
    }

    private static string Quote(string s) => JsonSerializer.Serialize(s);
}
