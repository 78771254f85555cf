namespace Verity.Server.Admission;

/// <summary>
/// The fully-qualified kind of the object in an admission request (<c>request.kind</c>); <see cref="Group"/> is empty for
/// the core group. <see cref="ToString"/> prints <c>apps/v1 Deployment</c> or <c>v1 Pod</c>.
/// </summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    public override string ToString() => Group.Length == 0 ? $"{Version} {Kind}" : $"{Group}/{Version} {Kind}";
}
