namespace Verity.Server.Tests;

/// <summary>One server judging <see cref="Guardrails.ConfigYaml"/> at <see cref="Guardrails.Now"/>, shared by a test class.</summary>
public sealed class GuardrailWebhookFixture : IAsyncLifetime
{
    internal WebhookHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await WebhookHost.StartAsync(options => options with { Admission = Guardrails.Admission() });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
