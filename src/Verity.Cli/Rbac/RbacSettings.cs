using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Rbac;

/// <summary>What every <c>verity rbac</c> query is given: its input, whether the default discovery bindings count, the output format.</summary>
internal sealed record RbacSettings
{
    public InputSettings Input { get; init; } = new();

    /// <summary><c>--include-defaults</c>: keep system:discovery, system:basic-user and system:public-info-viewer bindings.</summary>
    public bool IncludeDefaults { get; init; }

    public OutputFormat Output { get; init; } = OutputFormat.Table;
}
