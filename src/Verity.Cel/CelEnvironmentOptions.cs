namespace Verity.Cel;

/// <summary>Declarations and limits of a <see cref="CelEnvironment"/>.</summary>
public sealed record CelEnvironmentOptions
{
    /// <summary>Declared variables and their types (use <see cref="CelType.Dyn"/> for Kubernetes objects).</summary>
    public IReadOnlyDictionary<string, CelType> Variables { get; init; } = new Dictionary<string, CelType>();

    /// <summary>Namespace used to resolve unqualified names (e.g. "k8s.io"); empty for none.</summary>
    public string Container { get; init; } = "";

    /// <summary>Function libraries to enable; by default those of the Kubernetes CEL environment (no encoders).</summary>
    public CelExtensions Extensions { get; init; } = CelExtensions.Kubernetes;

    /// <summary>Maximum parser nesting depth (cel-go default 250).</summary>
    public int MaxNestingDepth { get; init; } = 250;

    /// <summary>Maximum expression length in Unicode code points (cel-go default 100,000).</summary>
    public int MaxExpressionCodePoints { get; init; } = 100_000;

    /// <summary>Assumed size of lists/maps/strings of unknown size in the static cost estimate (Kubernetes uses the maxItems/maxLength of the schema).</summary>
    public long AssumedCollectionSize { get; init; } = 1000;
}
