namespace Verity.Bench.Cel;

/// <summary>
/// One .NET CEL engine under test: compiles every expression once and converts every Pod once into the input its API
/// takes (both outside the timed loop), then evaluates (expression, pod) pairs.
/// </summary>
internal abstract class CelBenchEngine
{
    public abstract string Name { get; }

    /// <summary>How the Pod is handed to the engine (for the report).</summary>
    public abstract string InputDescription { get; }

    /// <summary>Compiles and converts; returns the expressions it could not compile (index → reason).</summary>
    public abstract IReadOnlyDictionary<int, string> Prepare(IReadOnlyList<CelCase> cases, IReadOnlyList<string> pods);

    /// <summary>"true", "false" or "error: …" — the value compared across engines.</summary>
    public abstract string Outcome(int caseIndex, int podIndex);

    /// <summary>Evaluates the expression once on every Pod; returns how many were true (keeps the work observable).</summary>
    public abstract int EvaluateAll(int caseIndex);
}
