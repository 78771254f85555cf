using Verity.Cli.Input;
using Verity.Core.Model;
using Verity.Rbac;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Cli.Rbac;

/// <summary>
/// A <c>verity rbac</c> input compiled for RBAC questions. Loading reports every problem on standard error at once
/// (load and snapshot diagnostics, then VT3001/VT3002), so the answer that follows covers the valid objects;
/// <see cref="HasErrors"/> makes the command exit 2 after answering.
/// </summary>
internal sealed record RbacInput(LoadedInput Input, RbacModel Model, Authorizer Authorizer)
{
    public bool HasErrors => Input.HasErrors || Model.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);

    public static async Task<RbacInput> LoadAndReportAsync(InputSettings settings, bool includeDefaults, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings, env, cancellationToken);
        var model = RbacModel.FromSnapshot(input.Snapshot, new RbacOptions { IncludeDefaults = includeDefaults });
        InputProblems.Write(env.Error, input, model.Diagnostics);
        return new RbacInput(input, model, new Authorizer(model));
    }
}
