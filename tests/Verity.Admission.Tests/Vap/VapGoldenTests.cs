using System.Text;
using Verity.Admission.Vap;
using Verity.Core.Loading;
using Verity.Core.Model;

namespace Verity.Admission.Tests.Vap;

/// <summary>
/// One case per folder under testdata/vap/: <c>input.yaml</c> holds the ValidatingAdmissionPolicies, bindings, params
/// and Namespaces; every object of <c>request.yaml</c> is admitted (CREATE, or the operation in <c>operation.txt</c>,
/// with the same-named object of <c>old.yaml</c> as oldObject); the load diagnostics and every decision, warning and
/// audit annotation must equal <c>expected.txt</c>. Set UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff.
/// </summary>
public sealed class VapGoldenTests
{
    private static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "testdata", "vap");

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "..", "testdata", "vap");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(OutputDirectory).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluates_as_the_API_server_does(string name)
    {
        var dir = Path.Combine(OutputDirectory, name);
        var actual = Run(dir);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), name, "expected.txt"), actual);
            return;
        }
        var expectedPath = Path.Combine(dir, "expected.txt");
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    internal static string Run(string dir)
    {
        var input = Load(Path.Combine(dir, "input.yaml"));
        var requests = Load(Path.Combine(dir, "request.yaml"));
        var oldFile = Path.Combine(dir, "old.yaml");
        var old = File.Exists(oldFile) ? Load(oldFile) : [];
        var operationFile = Path.Combine(dir, "operation.txt");
        var operation = File.Exists(operationFile) ? File.ReadAllText(operationFile).Trim() : "CREATE";

        var (set, diagnostics) = VapCompiler.Compile(input);
        // As in admission test: the namespaces of every object exist (declared or implied).
        var inputs = VapObjectInputs.FromSnapshot(Verity.Core.Snapshots.SnapshotBuilder.Build([.. input, .. requests]));
        var text = new StringBuilder();
        foreach (var d in diagnostics)
            text.Append($"diagnostic {d.Level.ToString().ToLowerInvariant()} {d.Code} line {d.Location?.Line}: {d.Message}\n");
        foreach (var obj in requests)
        {
            var previous = old.FirstOrDefault(o => o.Ref == obj.Ref);
            var request = VapRequests.For(obj, operation, previous, new VapUserInfo("alice", "1234", ["dev", "system:authenticated"]));
            var result = set.Evaluate(request, inputs);
            text.Append($"== {operation} {obj.Ref.Display}: {(result.Allowed ? "allowed" : "denied")}\n");
            foreach (var decision in result.Decisions)
            {
                var code = decision.Action == "Deny" ? $" ({decision.Code} {decision.Reason})" : "";
                text.Append($"{decision.Action.ToLowerInvariant(),-5} {decision.Policy}/{decision.Binding ?? "-"}{code}: {decision.Text}\n");
            }
            foreach (var (key, value) in result.AuditAnnotations.OrderBy(a => a.Key, StringComparer.Ordinal))
                text.Append($"annotation {key} = {value}\n");
        }
        return text.ToString();
    }

    private static IReadOnlyList<KubeObject> Load(string file)
    {
        var result = ManifestParser.Parse(File.ReadAllText(file), Path.GetFileName(file));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return result.Objects;
    }
}
