namespace Verity.Rbac.Diff;

/// <summary>
/// The outcome of <see cref="RbacDiff.Compare"/>: the subjects whose permissions changed (sorted by kind, namespace,
/// name; unchanged subjects left out), and how many subjects and namespaces were compared.
/// </summary>
public sealed record RbacDiffResult(IReadOnlyList<SubjectPermissionDiff> Changes, int SubjectsCompared, int NamespacesCompared)
{
    public bool HasGains => Changes.Any(c => c.Gained.Count > 0);
}
