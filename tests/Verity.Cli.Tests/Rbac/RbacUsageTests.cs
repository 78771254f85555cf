namespace Verity.Cli.Tests.Rbac;

/// <summary>Bad usage of the rbac commands exits 2 with a message saying what to do, before reading any input.</summary>
public sealed class RbacUsageTests
{
    [Fact]
    public async Task Can_i_without_as_is_a_usage_error()
    {
        var run = await RbacTestData.Run("can-i", "get", "pods");
        Assert.Equal((ExitCodes.BadInput, ""), (run.ExitCode, run.Stdout));
        Assert.Equal(
            "error: --as USER is required: verity has no current user to ask for (there is no kubeconfig identity offline); pass --as USER and any --as-group GROUP.\n"
            + "Run 'verity rbac can-i --help' for usage.\n", run.Stderr);
    }

    [Fact]
    public async Task List_without_as_is_a_usage_error()
    {
        var run = await RbacTestData.Run("list", "-n", "api");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: --as USER is required", run.Stderr);
    }

    [Theory]
    [InlineData("give the name once: as TYPE/NAME ('pods/web-0') or as a separate NAME argument, not both.", "get", "pods/web-0", "web-1")]
    [InlineData("--subresource can not be used with a non-resource URL.", "get", "/healthz", "--subresource", "log")]
    [InlineData("a non-resource URL and a resource name can not be given together.", "get", "/healthz", "x")]
    [InlineData("TYPE must name a resource, not '.apps'.", "get", ".apps")]
    public async Task Malformed_questions_are_usage_errors(string message, params string[] args)
    {
        var run = await RbacTestData.Run(["can-i", .. args, "--as", "bob"]);
        Assert.Equal((ExitCodes.BadInput, ""), (run.ExitCode, run.Stdout));
        Assert.Equal($"error: {message}\nRun 'verity rbac can-i --help' for usage.\n", run.Stderr);
    }

    [Fact]
    public async Task A_missing_type_is_a_usage_error()
    {
        var run = await Cli.RunAsync("rbac", "who-can", "get");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.EndsWith("Run 'verity rbac who-can --help' for usage.\n", run.Stderr);
    }

    [Fact]
    public async Task Diff_needs_against()
    {
        var run = await RbacTestData.Run("diff");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--against", run.Stderr);
    }

    [Fact]
    public async Task Only_table_and_json_are_output_formats()
    {
        var run = await RbacTestData.Run("who-can", "get", "pods", "-o", "csv");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: Argument 'csv' not recognized. Must be one of:", run.Stderr);
    }

    [Fact]
    public async Task An_input_error_exits_2_after_answering()
    {
        var run = await Cli.RunAsync("rbac", "can-i", "get", "pods", "--as", "bob", "-f", "/no/such/dir");
        Assert.Equal((ExitCodes.BadInput, "no\n"), (run.ExitCode, run.Stdout));
        Assert.Equal("/no/such/dir: error VT1001: cannot read input: no such file or directory\nerror: no Kubernetes objects found in /no/such/dir\n", run.Stderr);
    }

    [Fact]
    public async Task A_binding_to_a_missing_role_is_a_warning_and_the_answer_stands()
    {
        const string yaml = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: orphan, namespace: api}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: gone}
            subjects: [{kind: User, name: bob}]
            """;
        var run = await Cli.RunAsync(["rbac", "can-i", "get", "pods", "-n", "api", "--as", "bob", "-f", "-"], env => env with { OpenStdin = Cli.Stdin(yaml) });
        Assert.Equal((ExitCodes.Failed, "no\n"), (run.ExitCode, run.Stdout));
        Assert.Equal("-:4:10: warning VT3002: RoleBinding api/orphan: Role \"gone\" is not in the input; the binding grants nothing\n", run.Stderr);
    }
}
