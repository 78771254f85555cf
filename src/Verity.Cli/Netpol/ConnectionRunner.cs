using Verity.Network.Evaluation;

namespace Verity.Cli.Netpol;

/// <summary>
/// What <c>can</c> and <c>explain</c> share: load and report the input, resolve the question (an unknown endpoint or
/// port exits 2 with the reason), answer it, render it, and exit 0 for yes, 1 for no — or 2 when the input had
/// errors, after answering for the valid objects.
/// </summary>
internal static class ConnectionRunner
{
    public static async Task<int> RunAsync(NetpolSettings settings, ConnectionSettings connection, CliEnvironment env,
        Action<ConnectionAnswer, NetworkModel> render, CancellationToken cancellationToken)
    {
        var input = await NetpolInput.LoadAndReportAsync(settings.Input, settings.IpBlockMatchesPods, env, cancellationToken);
        var (query, errors) = ConnectionResolver.Resolve(input.Model, connection);
        if (query is null)
        {
            foreach (var error in errors) await env.Error.WriteLineAsync(error);
            return ExitCodes.BadInput;
        }
        var answer = ConnectionAnswer.For(input.Model, query);
        render(answer, input.Model);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : answer.Allowed ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
