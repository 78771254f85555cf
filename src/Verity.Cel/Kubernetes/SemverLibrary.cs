using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes semver library (k8s.io/apiserver/pkg/cel/library/semverlib.go, "kubernetes.Semver", all
/// versions): semver(string), semver(string, normalize bool), isSemver(string), isSemver(string, bool),
/// major, minor, patch, isGreaterThan, isLessThan, compareTo.
/// </summary>
internal static class SemverLibrary
{
    private const string S = KubernetesTypes.Semver;

    public static void Register(FunctionRegistry r)
    {
        r.Add("string_to_semver", $"semver(string) -> {S}", a => a[0] is string s ? ToSemver(s, false) : CelError.NoSuchOverload("semver"));
        r.Add("string_bool_to_semver", $"semver(string, bool) -> {S}", a => a[0] is string s && a[1] is bool n ? ToSemver(s, n) : CelError.NoSuchOverload("semver"));
        r.Add("is_semver_string", "isSemver(string) -> bool", a => a[0] is string s ? ToSemver(s, false) is CelSemver : CelError.NoSuchOverload("isSemver"));
        r.Add("is_semver_string_bool", "isSemver(string, bool) -> bool", a =>
            a[0] is string s && a[1] is bool n ? ToSemver(s, n) is CelSemver : CelError.NoSuchOverload("isSemver"));
        r.Add("semver_major", $"{S}:major() -> int", a => a[0] is CelSemver v ? unchecked((long)v.Major) : CelError.NoSuchOverload("major"));
        r.Add("semver_minor", $"{S}:minor() -> int", a => a[0] is CelSemver v ? unchecked((long)v.Minor) : CelError.NoSuchOverload("minor"));
        r.Add("semver_patch", $"{S}:patch() -> int", a => a[0] is CelSemver v ? unchecked((long)v.Patch) : CelError.NoSuchOverload("patch"));
        r.Add("semver_is_greater_than", $"{S}:isGreaterThan({S}) -> bool", a => Two(a, "isGreaterThan", (x, y) => x.CompareTo(y) == 1));
        r.Add("semver_is_less_than", $"{S}:isLessThan({S}) -> bool", a => Two(a, "isLessThan", (x, y) => x.CompareTo(y) == -1));
        r.Add("semver_compare_to", $"{S}:compareTo({S}) -> int", a => Two(a, "compareTo", (x, y) => (long)x.CompareTo(y)));
    }

    private static object ToSemver(string s, bool normalize)
    {
        var err = normalize ? CelSemver.ParseNormalized(s, out var v) : CelSemver.Parse(s, out v);
        return err is null ? v! : new CelError(err);
    }

    private static object Two(object[] a, string fn, Func<CelSemver, CelSemver, object> f) =>
        a[0] is CelSemver x && a[1] is CelSemver y ? f(x, y) : CelError.NoSuchOverload(fn);
}
