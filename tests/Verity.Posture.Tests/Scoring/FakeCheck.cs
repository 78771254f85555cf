using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Tests.Scoring;

/// <summary>A check with fixed subjects; the subjects in <paramref name="failing"/> get one finding each (two for <paramref name="twice"/>).</summary>
internal sealed class FakeCheck(string id, Severity severity, IReadOnlyList<ResourceRef> subjects, IReadOnlyList<ResourceRef> failing, bool twice = false) : IPostureCheck
{
    public string Id => id;
    public Severity Severity => severity;
    public string Title => "fake";
    public IReadOnlyList<string> Controls => [];
    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) => subjects;

    public IEnumerable<Finding> Evaluate(Snapshot snapshot) =>
        failing.SelectMany(s => Enumerable.Repeat(new Finding(id, severity, s, "m", "r", null, [], null), twice ? 2 : 1));

    public static ResourceRef Deployment(string ns, string name) => new("apps/v1", "Deployment", ns, name);
}
