using Verity.Cli.Input;
using Verity.Core.Model;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// A <c>verity netpol</c> input compiled for network questions. Loading reports every problem on standard error
/// at once — load and snapshot diagnostics, then policy compile diagnostics — so the answer that follows on
/// standard output covers the valid objects; <see cref="HasErrors"/> makes the command exit 2 after answering.
/// </summary>
internal sealed record NetpolInput(LoadedInput Input, NetworkModel Model)
{
    public bool HasErrors => Input.HasErrors || Model.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);

    public static async Task<NetpolInput> LoadAndReportAsync(InputSettings settings, bool ipBlockMatchesPods, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings, env, cancellationToken);
        var model = NetworkModel.FromSnapshot(input.Snapshot, new NetworkOptions { IpBlockMatchesPods = ipBlockMatchesPods });
        InputProblems.Write(env.Error, input, model.Diagnostics);
        return new NetpolInput(input, model);
    }
}
