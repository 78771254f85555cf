namespace Verity.Server.WorkloadApi.Entries;

/// <summary>The valid entries of an entries file, and every problem found (the caller decides whether errors are fatal).</summary>
public sealed record EntriesLoadResult
{
    public IReadOnlyList<RegistrationEntry> Entries { get; init; } = [];

    public IReadOnlyList<EntryProblem> Problems { get; init; } = [];

    public bool HasErrors => Problems.Any(p => p.IsError);
}
