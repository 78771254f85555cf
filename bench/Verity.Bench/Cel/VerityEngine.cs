using System.Text.Json;
using Verity.Cel;

namespace Verity.Bench.Cel;

/// <summary>Verity's engine: each Pod is a <see cref="JsonElement"/> parsed once, bound as <c>object</c>.</summary>
internal sealed class VerityEngine : CelBenchEngine
{
    private readonly List<CelProgram?> _programs = [];
    private readonly List<IReadOnlyDictionary<string, object?>> _inputs = [];
    private readonly List<JsonDocument> _documents = [];

    public override string Name => "Verity";

    public override string InputDescription => "`JsonElement` (each Pod parsed once with `JsonDocument.Parse`), bound as `object`";

    public override IReadOnlyDictionary<int, string> Prepare(IReadOnlyList<CelCase> cases, IReadOnlyList<string> pods)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = new Dictionary<string, CelType> { ["object"] = CelType.Dyn },
            Extensions = CelExtensions.Kubernetes,
        });
        var failed = new Dictionary<int, string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var compilation = env.Compile(cases[i].Expression);
            _programs.Add(compilation.Program);
            if (compilation.Program is null) failed[i] = string.Join("; ", compilation.Issues);
        }
        foreach (var pod in pods)
        {
            var document = JsonDocument.Parse(pod);
            _documents.Add(document);
            _inputs.Add(new Dictionary<string, object?> { ["object"] = document.RootElement });
        }
        return failed;
    }

    public override string Outcome(int caseIndex, int podIndex)
    {
        if (_programs[caseIndex] is not { } program) return "error: not compiled";
        var result = program.Evaluate(_inputs[podIndex]);
        return result.IsError ? "error: " + result.Error : result.Value!.Raw switch
        {
            bool b => b ? "true" : "false",
            var other => "error: not a bool: " + other,
        };
    }

    public override int EvaluateAll(int caseIndex)
    {
        var program = _programs[caseIndex]!;
        var trues = 0;
        foreach (var input in _inputs)
            if (program.Evaluate(input).IsTrue) trues++;
        return trues;
    }
}
