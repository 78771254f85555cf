namespace Verity.Admission.Guardrails.Rules;

/// <summary>
/// The service account a pod spec runs as, and the field that names it (<c>serviceAccountName</c>, the deprecated
/// <c>serviceAccount</c>, or null when neither does and the API server fills in <c>default</c>).
/// </summary>
public sealed record ServiceAccountChoice(string Name, string? Field)
{
    public const string DefaultName = "default";

    public bool IsDefault => Name == DefaultName;
}
