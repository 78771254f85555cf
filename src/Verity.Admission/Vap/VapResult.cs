namespace Verity.Admission.Vap;

/// <summary>
/// What every ValidatingAdmissionPolicy decided about one request: the decisions in evaluation order (policies by name,
/// their bindings by name), the warnings and audit annotations the API server would add. The request is denied when any
/// decision is a <c>Deny</c>; the API server reports the first.
/// </summary>
public sealed record VapResult(IReadOnlyList<VapDecision> Decisions, IReadOnlyDictionary<string, string> AuditAnnotations)
{
    public static VapResult Empty { get; } = new([], new Dictionary<string, string>());

    public bool Allowed => FirstDenial is null;

    public VapDecision? FirstDenial => Decisions.FirstOrDefault(d => d.Action == "Deny");

    /// <summary>The warnings, in order, as the client sees them.</summary>
    public IReadOnlyList<string> Warnings => [.. Decisions.Where(d => d.Action == "Warn").Select(d => d.Text)];
}
