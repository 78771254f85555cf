namespace Verity.Cel.Tests.Kubernetes;

/// <summary>Cases ported from kubernetes staging/src/k8s.io/apiserver/pkg/cel/library/semver_test.go (TestSemver) and semverlib.go's doc comment.</summary>
public sealed class SemverTests
{
    [Theory]
    [InlineData("semver(\"1.2.3\") == semver(\"1.2.3\")", true)]
    [InlineData("isSemver(\"1.2.3-beta.1+build.1\")", true)]
    [InlineData("isSemver(\"\")", false)]
    [InlineData("isSemver(\"v1.0.0\")", false)]
    [InlineData("isSemver(\" 1.0.0\")", false)]
    [InlineData("isSemver(\"1. 0.0\")", false)]
    [InlineData("isSemver(\"1.0.0 \")", false)]
    [InlineData("isSemver(\"01.01.01\")", false)]
    [InlineData("isSemver(\"1\")", false)]
    [InlineData("isSemver(\"1.1\")", false)]
    [InlineData("isSemver(\"\", true)", false)]
    [InlineData("isSemver(\" 1.0.0\", true)", false)]
    [InlineData("isSemver(\"1. 0.0\", true)", false)]
    [InlineData("isSemver(\"1.0.0 \", true)", false)]
    [InlineData("isSemver(\"v1.0.0\", true)", true)]
    [InlineData("isSemver(\"01.01.01\", true)", true)]
    [InlineData("isSemver(\"1\", true)", true)]
    [InlineData("isSemver(\"1.1\", true)", true)]
    [InlineData("semver(\"v01.01\", true) == semver(\"1.1.0\")", true)]
    [InlineData("semver(\"1.2.3\") == semver(\"1.0.0\")", false)]
    [InlineData("semver(\"1.0.0\").isLessThan(semver(\"1.2.3\"))", true)]
    [InlineData("semver(\"1.0.0\").isLessThan(semver(\"1.0.0\"))", false)]
    [InlineData("semver(\"1.2.3\").isGreaterThan(semver(\"1.0.0\"))", true)]
    [InlineData("semver(\"1.0.0\").isGreaterThan(semver(\"1.0.0\"))", false)]
    [InlineData("semver(\"1.2.3\").compareTo(semver(\"1.2.3\"))", 0L)]
    [InlineData("semver(\"1.0.0\").compareTo(semver(\"1.2.3\"))", -1L)]
    [InlineData("semver(\"1.2.3\").compareTo(semver(\"1.0.0\"))", 1L)]
    [InlineData("semver(\"1.2.3\").major()", 1L)]
    [InlineData("semver(\"1.2.3\").minor()", 2L)]
    [InlineData("semver(\"1.2.3\").patch()", 3L)]
    // semver.org precedence (blang Compare): pre-releases sort before the release, numeric before alphanumeric, build ignored.
    [InlineData("semver('1.0.0-alpha').isLessThan(semver('1.0.0'))", true)]
    [InlineData("semver('1.0.0-alpha.1').isLessThan(semver('1.0.0-alpha.beta'))", true)]
    [InlineData("semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))", true)]
    [InlineData("semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11'))", true)]
    [InlineData("semver('1.0.0+build.1') == semver('1.0.0+build.2')", true)]
    [InlineData("semver('0.1.0-alpha.1').minor()", 1L)]
    public void Evaluates(string expr, object expected) => K8s.Is(expr, expected);

    [Theory]
    [InlineData("semver(\"v1.0\")", "No Major.Minor.Patch elements found")]
    [InlineData("semver('200K')", "No Major.Minor.Patch elements found")]
    [InlineData("semver('01.0.0')", "Major number must not contain leading zeroes \"01\"")]
    [InlineData("semver('1.x.0')", "Invalid character(s) found in minor number \"x\"")]
    [InlineData("semver('1.0.0-01')", "Numeric PreRelease version must not contain leading zeroes \"01\"")]
    [InlineData("semver('1.0.0+')", "Build meta data is empty")]
    [InlineData("semver('1.0-beta', true)", "short version cannot contain PreRelease/Build meta data")]
    public void Fails(string expr, string error) => K8s.Error(expr, error);

    [Fact]
    public void IsSemver_of_a_list_is_a_compile_error() =>
        Assert.Contains("found no matching overload for 'isSemver' applied to", K8s.CompileError("isSemver([1, 2, 3])"));
}
