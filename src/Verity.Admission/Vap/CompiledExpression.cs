using Verity.Cel;

namespace Verity.Admission.Vap;

/// <summary>
/// One CEL expression of a policy, compiled once: the program, or why it does not compile (then every evaluation is an
/// error <c>compilation error: ...</c>, as the API server's filter reports it).
/// </summary>
internal sealed record CompiledExpression(string Source, CelProgram? Program, string? CompileError)
{
    public static CompiledExpression Compile(CelEnvironment environment, string source)
    {
        var compilation = environment.Compile(source);
        return compilation.Program is { } program
            ? new CompiledExpression(source, program, null)
            : new CompiledExpression(source, null, string.Join("; ", compilation.Issues.Select(i => $"ERROR: <input>:{i.Line}:{i.Column}: {i.Message}")));
    }
}
