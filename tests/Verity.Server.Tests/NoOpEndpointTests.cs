using System.Net;

namespace Verity.Server.Tests;

/// <summary><c>POST /noop</c>: benchmark only, off by default; when on, allows anything without evaluating it.</summary>
public sealed class NoOpEndpointTests
{
    [Fact]
    public async Task NoOpAllowsEvenAPrivilegedPodForTheSameUidWithoutEvaluating()
    {
        await using var host = await WebhookHost.StartAsync(o => o with { NoOpEndpoint = true });
        var response = await host.ReviewAsync("/noop", Reviews.Review("uid-noop", Reviews.PrivilegedPod));
        Assert.Equal("""{"uid":"uid-noop","allowed":true}""", response.GetRawText());
    }

    [Fact]
    public async Task NoOpIsNotServedByDefault()
    {
        await using var host = await WebhookHost.StartAsync();
        using var response = await host.PostAsync("/noop", Reviews.Review("uid-noop", Reviews.PrivilegedPod));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
