using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Admission.Guardrails;
using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>Paths of the guardrail test data, running the engine on YAML text, and the stable JSON form of results.</summary>
internal static class GuardrailTestData
{
    /// <summary>The instant golden cases run at unless a case has a <c>now.txt</c>.</summary>
    public const string DefaultNow = "2026-11-27T12:00:00Z";

    public static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "testdata", "guardrails");

    public static string SourceDirectory() => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!, "testdata", "guardrails");

    public static string RepoRoot() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", ".."));

    /// <summary>Loads a config from text and fails the test on any diagnostic.</summary>
    public static GuardrailConfig Config(string yaml)
    {
        var result = GuardrailConfigLoader.Load(yaml, "config.yaml");
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        return result.Config;
    }

    /// <summary>Every evaluated object of <paramref name="yaml"/> (namespace labels from the same text).</summary>
    public static IReadOnlyList<GuardrailResult> Evaluate(string yaml, GuardrailConfig? config = null, string now = DefaultNow, string file = "input.yaml")
    {
        var loaded = ManifestParser.Parse(yaml, file);
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        var engine = new GuardrailEngine(config ?? GuardrailConfig.Default, FixedClock.At(now));
        return engine.Evaluate(SnapshotBuilder.Build(loaded.Objects));
    }

    /// <summary>The one result of a single-object input.</summary>
    public static GuardrailResult EvaluateOne(string yaml, GuardrailConfig? config = null, string now = DefaultNow) =>
        Assert.Single(Evaluate(yaml, config, now));

    public static string ToJson(IReadOnlyList<GuardrailResult> results)
    {
        var array = new JsonArray();
        foreach (var r in results)
        {
            array.Add(new JsonObject
            {
                ["object"] = r.Object.Ref.Display,
                ["allowed"] = r.Allowed,
                ["violations"] = new JsonArray(r.Violations.Select(v => (JsonNode)new JsonObject
                {
                    ["policy"] = v.Policy,
                    ["action"] = v.Action.ToString().ToLowerInvariant(),
                    ["message"] = v.Message,
                    ["field"] = v.Field,
                    ["location"] = v.Location.ToString(),
                    ["exception"] = v.Exception,
                }).ToArray()),
                ["warnings"] = new JsonArray(r.Warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray()),
                ["auditAnnotations"] = new JsonObject(r.AuditAnnotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
                ["errors"] = new JsonArray(r.Errors.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
            });
        }
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
