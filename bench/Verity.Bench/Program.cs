using Verity.Bench.Commands;

const string usage = """
    usage:
      Verity.Bench generate [--objects 50000] [--format yaml|json|yaml-stream] --out FILE [--seed N]
                            [--namespaces N] [--workloads N] [--replicas N] [--services N] [--netpols N]
                            [--roles N] [--cluster-roles N] [--cluster-role-bindings N]
                            [--container-ports N] [--varied-netpols 1] [--cluster-policies N] [--edits N]
      Verity.Bench load     [--objects 50000] [--iterations 5] [--peer-iterations 2] [--snapshot-iterations 1]
                            [--only loaders,stream,peer,snapshot,memory] [--report FILE] [--seed N]
      Verity.Bench netpol   [--pods 10000] [--policies 2000] [--namespaces 500] [--ports 20] [--cluster-policies 6]
                            [--edits 6] [--iterations 3] [--diff-iterations 1] [--queries 10000] [--format yaml|json]
                            [--report FILE] [--seed N]
      Verity.Bench flows    [--lines 1000000] [--pods 10000] [--namespaces 500] [--iterations 3] [--capture FILE]
                            [--report FILE] [--seed N]
      Verity.Bench rbac     [--roles 5000] [--bindings 20000] [--namespaces 50] [--accounts 40] [--workloads 10]
                            [--iterations 3] [--queries 200] [--report FILE] [--seed N]
      Verity.Bench webhook  [--rps 1000] [--seconds 10] [--concurrency 32] [--warmup 3] [--report FILE]
      Verity.Bench cel      [--seconds 1] [--warmup 1] [--rounds 3] [--report FILE]
    """;

try
{
    return args switch
    {
        ["generate", .. var rest] => GenerateCommand.Run(Arguments.Parse(rest)),
        ["load", .. var rest] => LoadCommand.Run(Arguments.Parse(rest)),
        ["netpol", .. var rest] => NetpolCommand.Run(Arguments.Parse(rest)),
        ["flows", .. var rest] => FlowsCommand.Run(Arguments.Parse(rest)),
        ["rbac", .. var rest] => RbacCommand.Run(Arguments.Parse(rest)),
        ["webhook", .. var rest] => WebhookCommand.Run(Arguments.Parse(rest)),
        ["cel", .. var rest] => CelCommand.Run(Arguments.Parse(rest)),
        [ProbeCommand.Name, .. var rest] => ProbeCommand.Run(Arguments.Parse(rest)),
        _ => throw new UsageException("expected a command"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(usage);
    return 2;
}
