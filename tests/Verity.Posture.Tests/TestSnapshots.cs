using System.Text;
using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Posture.Tests;

/// <summary>Builds snapshots from inline YAML, loaded as standard input (sources read <c>-:line:col</c>).</summary>
internal static class TestSnapshots
{
    public static Snapshot From(string yaml, string defaultNamespace = "default")
    {
        var loaded = ManifestReader.Read(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes(yaml)));
        Assert.Empty(loaded.Diagnostics);
        var snapshot = SnapshotBuilder.Build(loaded.Objects, new SnapshotOptions { DefaultNamespace = defaultNamespace });
        Assert.Empty(snapshot.Diagnostics);
        return snapshot;
    }

    /// <summary>Findings as "RULE resource @ source" lines, the form most assertions compare.</summary>
    public static string[] Lines(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.RuleId} {f.Subject.Display} @ {f.Source}").ToArray();

    public static string[] Evaluate<TCheck>(string yaml) where TCheck : IPostureCheck, new() =>
        Lines(new TCheck().Evaluate(From(yaml)));

    /// <summary>A Deployment in namespace "shop" with the given pod spec body (indented 6 spaces under spec.template.spec).</summary>
    public static string Deployment(string name, string podSpec, string ns = "shop") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
        {Indent(podSpec, 6)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Replace("\r", "").Trim('\n').Split('\n').Select(l => new string(' ', spaces) + l));
}
