using System.Diagnostics;
using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace Verity.Server.Hosting;

/// <summary>
/// The admission webhook server: Kestrel, HTTPS only (TLS 1.2+), endpoints <c>POST /validate</c>, <c>POST /mutate</c>,
/// <c>GET /healthz</c>, <c>GET /readyz</c>, <c>GET /metrics</c> (docs/webhook.md). Built from an empty host: no
/// configuration files, environment variables or logging providers are read, so what runs is exactly
/// <see cref="AdmissionServerOptions"/>.
/// </summary>
public sealed class AdmissionServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdmissionServer(WebApplication app) => _app = app;

    /// <summary>Builds the server (not started). Throws <see cref="ArgumentException"/> when there is no usable certificate.</summary>
    public static AdmissionServer Build(AdmissionServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = ServerCertificate.From(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(options.Listen, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }));
        });
        builder.Services.AddRouting();
        var app = builder.Build();

        var metrics = new AdmissionMetrics();
        var admission = new AdmissionEndpoint(options, metrics);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                metrics.Request(EndpointLabel(context.Request.Path), context.Response.StatusCode, Stopwatch.GetElapsedTime(start));
            }
        });
        app.UseRouting();
        app.MapPost("/validate", admission.ValidateAsync);
        app.MapPost("/mutate", admission.MutateAsync);
        if (options.NoOpEndpoint) app.MapPost("/noop", new NoOpEndpoint(options).HandleAsync);
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => !lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested
            ? Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : options.InputsReady is { } ready && !ready()
                ? Results.Text("not ready: waiting for namespace labels\n", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ok\n"));
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
        return new AdmissionServer(app);
    }

    /// <summary>The bound addresses once started, e.g. <c>https://127.0.0.1:41234</c> (the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string EndpointLabel(PathString path) => path.Value switch
    {
        "/validate" => "validate",
        "/mutate" => "mutate",
        "/noop" => "noop",
        "/healthz" => "healthz",
        "/readyz" => "readyz",
        "/metrics" => "metrics",
        _ => "other",
    };
}
