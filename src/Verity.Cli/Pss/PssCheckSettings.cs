using Verity.Admission.Pss;
using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Pss;

/// <summary><c>pss check</c> once parsed: the input, the enforce policy (null: namespace labels decide), the defaults and the format.</summary>
internal sealed record PssCheckSettings
{
    public required InputSettings Input { get; init; }
    public PssLevelVersion? Enforce { get; init; }
    public PssPolicy Defaults { get; init; } = PssPolicy.Privileged;
    public OutputFormat Output { get; init; }
}
