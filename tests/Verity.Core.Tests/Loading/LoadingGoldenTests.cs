using System.Text;
using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Core.Tests.Loading;

/// <summary>
/// One case per folder under testdata/loading/: every file in <c>input/</c> is loaded (as with
/// <c>-f input/</c>) and the snapshot is rendered to text — objects with their source positions,
/// diagnostics, namespaces and workloads — and compared with <c>expected.txt</c>.
/// Set UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff.
/// </summary>
public sealed class LoadingGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "testdata", "loading")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadsAsExpected(string name)
    {
        var caseDir = Path.Combine(AppContext.BaseDirectory, "testdata", "loading", name);
        var actual = Render(caseDir);
        var expectedPath = Path.Combine(caseDir, "expected.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(GoldenPaths.SourceTestData(), "loading", name, "expected.txt");
            File.WriteAllText(source, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    internal static string Render(string caseDir)
    {
        {
            var loaded = ManifestReader.Read([Path.Combine(caseDir, "input")]);
            var snapshot = SnapshotBuilder.Build(loaded.Objects);
            var text = new StringBuilder();
            text.AppendLine("objects:");
            foreach (var obj in snapshot.Objects) text.AppendLine($"  {obj.Ref.ApiVersion} {obj.Ref.Display} @ {obj.Source}");
            text.AppendLine("diagnostics:");
            foreach (var d in loaded.Diagnostics.Concat(snapshot.Diagnostics)) text.AppendLine($"  {d}");
            text.AppendLine("namespaces:");
            foreach (var ns in snapshot.Namespaces) text.AppendLine($"  {ns.Name}{(ns.IsImplied ? " (implied)" : "")}");
            text.AppendLine("workloads:");
            foreach (var w in snapshot.Workloads)
            {
                var controlled = w.Controlled.Count == 0 ? "" : $" controls [{string.Join(", ", w.Controlled.Select(c => c.Ref.Display))}]";
                text.AppendLine($"  {w.Ref.Display} sa={w.ServiceAccountName} pods={w.Pods.Count}{controlled}");
            }
            // File names in the output are relative to the case folder.
            return text.ToString().Replace(caseDir + Path.DirectorySeparatorChar, "").Replace('\\', '/');
        }
    }
}
