namespace Verity.Core.Tests.Selectors;

/// <summary>A random selector (as reference requirements) and a random label set.</summary>
public sealed record SelectorCase(RefRequirement[] Requirements, Dictionary<string, string> Labels)
{
    public string Text => string.Join(" , ", Requirements.Select(r => r.Render()));

    public override string ToString() =>
        $"selector: {Text}; labels: {string.Join(",", Labels.Select(kv => $"{kv.Key}={kv.Value}"))}";
}
