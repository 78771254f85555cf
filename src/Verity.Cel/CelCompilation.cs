namespace Verity.Cel;

/// <summary>The result of <see cref="CelEnvironment.Compile"/>: issues (with positions), and a program when there are none.</summary>
public sealed class CelCompilation
{
    internal CelCompilation(IReadOnlyList<CelIssue> issues, CelProgram? program)
    {
        Issues = issues;
        Program = program;
    }

    public IReadOnlyList<CelIssue> Issues { get; }

    /// <summary>The program; null when <see cref="Issues"/> is not empty.</summary>
    public CelProgram? Program { get; }

    public bool Success => Program is not null;
}
