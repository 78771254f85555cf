namespace Verity.Server.WorkloadApi.Entries;

/// <summary>One problem of an entries file, with where it is. Errors drop the entry; warnings keep it.</summary>
public sealed record EntryProblem(bool IsError, string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: error: message</c>, like a compiler.</summary>
    public override string ToString() =>
        $"{(Line > 0 ? $"{File}:{Line}:{Column}" : File)}: {(IsError ? "error" : "warning")}: {Message}";
}
