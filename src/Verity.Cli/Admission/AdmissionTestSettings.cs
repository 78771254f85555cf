using Verity.Cli.Input;

namespace Verity.Cli.Admission;

/// <summary><c>admission test</c> once parsed: the manifests, the policy config (null: the defaults), the operation, the old objects and the format.</summary>
internal sealed record AdmissionTestSettings
{
    public required InputSettings Input { get; init; }
    public string? Config { get; init; }
    public AdmissionOperation Operation { get; init; }
    public string? Old { get; init; }
    public AdmissionOutput Output { get; init; }
}
