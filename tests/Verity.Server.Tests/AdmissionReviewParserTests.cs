using System.Text;
using Verity.Server.Admission;

namespace Verity.Server.Tests;

public sealed class AdmissionReviewParserTests
{
    private static IReadOnlyList<string> Problems(string body)
    {
        var parsed = AdmissionReviewParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.False(parsed.Ok);
        Assert.Null(parsed.Request);
        return parsed.Problems;
    }

    [Fact]
    public void ReadsEveryField()
    {
        var request = AdmissionDeciderTests.Request(Reviews.Review("abc-123", Reviews.PlainPod, operation: "UPDATE", group: "", kind: "Pod", ns: "web",
            subResource: "ephemeralcontainers", dryRun: true, oldObjectJson: Reviews.PlainPod));
        Assert.Equal("abc-123", request.Uid);
        Assert.Equal(new GroupVersionKind("", "v1", "Pod"), request.Kind);
        Assert.Equal(AdmissionOperation.Update, request.Operation);
        Assert.Equal("web", request.Namespace);
        Assert.Equal("x", request.Name);
        Assert.Equal("ephemeralcontainers", request.SubResource);
        Assert.True(request.DryRun);
        Assert.Equal("alice", request.UserInfo.Username);
        Assert.Equal(["system:authenticated"], request.UserInfo.Groups);
        Assert.NotNull(request.Object);
        Assert.NotNull(request.OldObject);
    }

    [Fact]
    public void ReportsEveryProblemAtOnce()
    {
        var problems = Problems("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"Review","request":{"uid":"","kind":{"version":"v1"},"operation":"PATCH","dryRun":"yes"}}""");
        Assert.Equal(
        [
            "apiVersion must be \"admission.k8s.io/v1\", not \"admission.k8s.io/v1beta1\"",
            "kind must be \"AdmissionReview\", not \"Review\"",
            "request.uid must not be empty",
            "request.kind.kind is missing",
            "request.operation must be CREATE, UPDATE, DELETE or CONNECT, not \"PATCH\"",
            "request.dryRun must be a boolean, not a string",
        ], problems);
    }

    [Theory]
    [InlineData("", "body is not valid JSON: ")]
    [InlineData("{\"apiVersion\":", "body is not valid JSON: ")]
    [InlineData("[]", "body must be a JSON object (an AdmissionReview), not an array")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "request is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":"x"}""", "request must be an object, not a string")]
    [InlineData("""{"kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"CREATE"}}""", "apiVersion is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"version":"v1","kind":"Pod"},"operation":"CREATE"}}""", "request.uid is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":7,"kind":{"version":"v1","kind":"Pod"},"operation":"CREATE"}}""", "request.uid must be a string, not a number")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE"}}""", "request.kind is missing or not an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"}}}""", "request.operation is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"CREATE","object":[1]}}""", "request.object must be an object, not an array")]
    public void MalformedReviewsAreRejectedWithAReason(string body, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Problems(body)[0], StringComparison.Ordinal);
    }
}
