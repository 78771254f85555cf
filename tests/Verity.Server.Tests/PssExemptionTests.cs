using Verity.Server.Admission;

namespace Verity.Server.Tests;

/// <summary>Pod Security Admission's exemptions (namespace, user, runtime class) in the decider.</summary>
public sealed class PssExemptionTests
{
    private static readonly AdmissionConfig Config = new()
    {
        Exemptions = new PssExemptions
        {
            Namespaces = new HashSet<string> { "kube-system" },
            Usernames = new HashSet<string> { "system:serviceaccount:ci:deployer" },
            RuntimeClasses = new HashSet<string> { "kata" },
        },
    };

    private static AdmissionDecision Decide(string pod, string ns = "web", string user = "alice") =>
        AdmissionDecider.Decide(AdmissionDeciderTests.Request(Reviews.Review("u", pod, ns: ns)) is var request
            ? request with { UserInfo = new AdmissionUserInfo { Username = user } }
            : throw new InvalidOperationException(), Config);

    [Theory]
    [InlineData("kube-system", "alice", "namespace")]
    [InlineData("web", "system:serviceaccount:ci:deployer", "user")]
    public void Exempt_namespaces_and_users_are_allowed_without_evaluation(string ns, string user, string reason)
    {
        var decision = Decide(Reviews.PrivilegedPod, ns, user);
        Assert.True(decision.Allowed);
        Assert.Equal(AdmissionOutcome.Skipped, decision.Outcome);
        Assert.Equal(reason, decision.AuditAnnotations[AdmissionDecider.ExemptKey]);
        Assert.Contains(new PolicyAction("pss", "exempt"), decision.Actions);
    }

    [Fact]
    public void An_exempt_runtime_class_is_allowed_and_another_is_judged()
    {
        var kata = Reviews.PrivilegedPod.Replace("\"spec\":{", "\"spec\":{\"runtimeClassName\":\"kata\",", StringComparison.Ordinal);
        var gvisor = Reviews.PrivilegedPod.Replace("\"spec\":{", "\"spec\":{\"runtimeClassName\":\"gvisor\",", StringComparison.Ordinal);

        var exempt = Decide(kata);
        Assert.True(exempt.Allowed);
        Assert.Equal("runtimeClass", exempt.AuditAnnotations[AdmissionDecider.ExemptKey]);

        var judged = Decide(gvisor);
        Assert.False(judged.Allowed);
        Assert.Equal(Reviews.PrivilegedMessage, judged.Message);
    }

    [Fact]
    public void Without_exemptions_the_same_pod_is_denied()
    {
        var decision = AdmissionDecider.Decide(AdmissionDeciderTests.Request(Reviews.Review("u", Reviews.PrivilegedPod, ns: "kube-system")), new AdmissionConfig());
        Assert.False(decision.Allowed);
        Assert.False(decision.AuditAnnotations.ContainsKey(AdmissionDecider.ExemptKey));
    }
}
