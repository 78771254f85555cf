namespace Verity.Cli.Tests.Rbac;

/// <summary>
/// <c>verity rbac can-i</c> on the API server's real bootstrap policy ($VERITY_REALWORLD_DIR/k8s-bootstrap-rbac, from
/// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata), answered as a real cluster answers.
/// </summary>
public sealed class RbacRealWorldTests
{
    private static string Bootstrap()
    {
        var root = Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR");
        Skip.If(string.IsNullOrEmpty(root), "VERITY_REALWORLD_DIR is not set");
        var dir = Path.Combine(root!, "k8s-bootstrap-rbac");
        Skip.IfNot(Directory.Exists(dir), $"{dir} does not exist");
        return dir;
    }

    private static async Task AssertAnswer(bool allowed, params string[] args)
    {
        var run = await Cli.RunAsync(["rbac", "can-i", .. args, "-f", Bootstrap()]);
        Assert.Equal((allowed ? ExitCodes.Ok : ExitCodes.Failed, allowed ? "yes\n" : "no\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [SkippableFact]
    public Task System_masters_can_do_anything() => AssertAnswer(true, "*", "*", "-A", "--as", "someone", "--as-group", "system:masters");

    [SkippableFact]
    public async Task The_scheduler_binds_pods_and_reads_no_secrets()
    {
        await AssertAnswer(true, "create", "bindings", "-n", "team", "--as", "system:kube-scheduler");
        await AssertAnswer(true, "create", "pods", "web-0", "--subresource", "binding", "-n", "team", "--as", "system:kube-scheduler");
        await AssertAnswer(false, "get", "secrets", "-n", "kube-system", "--as", "system:kube-scheduler");
    }

    [SkippableFact]
    public async Task Discovery_is_granted_only_with_include_defaults()
    {
        await AssertAnswer(false, "get", "/version", "--as", "bob");
        await AssertAnswer(true, "get", "/version", "--as", "bob", "--include-defaults");
    }
}
