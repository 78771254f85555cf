namespace Verity.Cli.Tests.Serve;

/// <summary><c>verity serve</c> refuses to start on bad flags or an unreadable certificate, with exit 2 and a reason (the server itself is tested over HTTPS in Verity.Server.Tests).</summary>
public sealed class ServeUsageTests
{
    [Theory]
    [InlineData(new[] { "serve", "--tls-cert", "a", "--tls-key", "b" }, "error: nothing to serve: pass --admission")]
    [InlineData(new[] { "serve", "--admission", "--tls-cert", "/no/such.crt", "--tls-key", "/no/such.key" }, "error: cannot load TLS certificate /no/such.crt with key /no/such.key: ")]
    [InlineData(new[] { "serve", "--admission", "--tls-cert", "a", "--tls-key", "b", "--enforce", "strict" }, "error: --enforce: level must be privileged, baseline or restricted, not 'strict'")]
    [InlineData(new[] { "serve", "--admission", "--tls-cert", "a", "--tls-key", "b", "--watch-namespaces", "--namespaces", "ns.yaml" }, "error: pass either --namespaces (labels from files) or --watch-namespaces (labels from the cluster), not both.")]
    [InlineData(new[] { "serve", "--admission", "--tls-cert", "a", "--tls-key", "b", "--context", "prod" }, "error: --kubeconfig and --context only apply with --watch-namespaces.")]
    public async Task Bad_flags_exit_2_with_the_reason(string[] args, string message)
    {
        var run = await Cli.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message, run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
