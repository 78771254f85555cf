namespace Verity.Cli.Netpol;

/// <summary>What <c>netpol generate</c> was asked for, once parsed.</summary>
internal sealed record GenerateSettings
{
    public NetpolSettings Common { get; init; } = new();
    public IReadOnlyList<string> Namespaces { get; init; } = [];
    public string Flows { get; init; } = "";
    public bool Egress { get; init; }
    public string? OutDirectory { get; init; }
    public int CidrPrefix { get; init; } = 32;
    public string Format { get; init; } = "k8s";
}
