namespace Verity.Core.Tests.Selectors;

/// <summary>A requirement as the reference evaluator sees it: the operator is its kubectl
/// spelling ("in", "=", "!", "exists", ...).</summary>
public sealed record RefRequirement(string Key, string Op, string[] Values)
{
    /// <summary>The kubectl text, written independently of LabelRequirement.ToString.</summary>
    public string Render() => Op switch
    {
        "exists" => Key,
        "!" => "!" + Key,
        "in" or "notin" => $"{Key} {Op} ( {string.Join(" , ", Values)} )",
        _ => $"{Key} {Op} {Values[0]}",
    };

    public override string ToString() => Render();
}
