using System.Net;

namespace Verity.Server.Tests;

/// <summary><c>/readyz</c> waits for the decisions' inputs (the watched namespace labels) before the pod joins the Service.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_is_503_until_the_inputs_are_ready_then_200()
    {
        var ready = false;
        await using var host = await WebhookHost.StartAsync(o => o with { InputsReady = () => Volatile.Read(ref ready) });

        using (var waiting = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
            Assert.Equal("not ready: waiting for namespace labels\n", await waiting.Content.ReadAsStringAsync());
        }
        Assert.Equal("ok\n", await host.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        Volatile.Write(ref ready, true);
        Assert.Equal("ok\n", await host.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
    }
}
