namespace Verity.Server.Tests;

/// <summary>One server with the default configuration (enforce baseline, warn and audit restricted) shared by a test class.</summary>
public sealed class DefaultWebhookFixture : IAsyncLifetime
{
    internal WebhookHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebhookHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
