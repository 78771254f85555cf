using System.Text.Json;
using Google.Protobuf.Reflection;

namespace Verity.Bench.Cel;

/// <summary>
/// The <c>Cel</c> 0.3.3 NuGet package (telus-oss/cel-net). Its API takes variables as
/// <c>IDictionary&lt;string, object?&gt;</c> and reads maps as <c>IDictionary</c> and lists as <c>IList</c>, so each Pod
/// is converted once, outside the timed loop, into nested <c>Dictionary&lt;string, object?&gt;</c> /
/// <c>List&lt;object?&gt;</c> / <c>long</c> / <c>double</c> / <c>string</c> / <c>bool</c> — generous to it: a real
/// admission path would pay that conversion on every request. <c>split</c> needs its string extensions, registered
/// once. A thrown exception is its way of reporting a CEL error.
/// </summary>
internal sealed class Cel033Engine : CelBenchEngine
{
    private readonly List<global::Cel.CelProgramDelegate?> _programs = [];
    private readonly List<IDictionary<string, object?>> _inputs = [];

    public override string Name => "Cel 0.3.3";

    public override string InputDescription =>
        "nested `Dictionary<string, object?>`/`List<object?>`/`long`/`double`/`string`/`bool`, converted once from the same JSON";

    public override IReadOnlyDictionary<int, string> Prepare(IReadOnlyList<CelCase> cases, IReadOnlyList<string> pods)
    {
        var env = new global::Cel.CelEnvironment(Array.Empty<FileDescriptor>(), "");
        global::Cel.Internal.CelStringHandlingFunctions.RegisterStringExtensionFunctions(env);
        var failed = new Dictionary<int, string>();
        for (var i = 0; i < cases.Count; i++)
        {
            try
            {
                _programs.Add(env.Compile(cases[i].Expression));
            }
            catch (Exception e) when (e is global::Cel.CelException or InvalidOperationException or ArgumentException)
            {
                _programs.Add(null);
                failed[i] = e.GetType().Name + ": " + e.Message;
            }
        }
        foreach (var pod in pods)
        {
            using var document = JsonDocument.Parse(pod);
            _inputs.Add(new Dictionary<string, object?> { ["object"] = Convert(document.RootElement) });
        }
        return failed;
    }

    public override string Outcome(int caseIndex, int podIndex)
    {
        if (_programs[caseIndex] is not { } program) return "error: not compiled";
        try
        {
            return program.Invoke(_inputs[podIndex]) switch
            {
                bool b => b ? "true" : "false",
                var other => "error: not a bool: " + (other?.ToString() ?? "null"),
            };
        }
        catch (Exception e) when (e is global::Cel.CelException or InvalidOperationException or ArgumentException or InvalidCastException or NullReferenceException)
        {
            return "error: " + e.GetType().Name + ": " + e.Message;
        }
    }

    public override int EvaluateAll(int caseIndex)
    {
        var program = _programs[caseIndex]!;
        var trues = 0;
        foreach (var input in _inputs)
            if (program.Invoke(input) is true) trues++;
        return trues;
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
