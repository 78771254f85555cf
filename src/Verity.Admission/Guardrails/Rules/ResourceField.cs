namespace Verity.Admission.Guardrails.Rules;

/// <summary>One resource field a container should set: <c>resources.&lt;Kind&gt;.&lt;Resource&gt;</c>.</summary>
public sealed record ResourceField(string Kind, string Resource)
{
    public const string Requests = "requests";
    public const string Limits = "limits";

    public bool IsLimit => Kind == Limits;

    /// <summary><c>resources.limits.cpu</c>.</summary>
    public string FieldPath => $"resources.{Kind}.{Resource}";

    public override string ToString() => FieldPath;
}
