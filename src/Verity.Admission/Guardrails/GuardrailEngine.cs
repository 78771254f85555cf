using Verity.Admission.Guardrails.Checks;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Admission.Guardrails;

/// <summary>
/// Applies a <see cref="GuardrailConfig"/> to single objects. Pure and thread-safe: the only outside input is the time,
/// read once per evaluation from the injected <see cref="TimeProvider"/> to decide which exceptions are active
/// (<see cref="GuardrailException.IsActiveAt"/>). For each guardrail that is not disabled and whose selectors select
/// the object, every violation is reported with its action; an active matching exception marks it as excepted; an
/// expired matching exception produces a warning and no longer excepts anything.
/// </summary>
public sealed class GuardrailEngine(GuardrailConfig config, TimeProvider time)
{
    public GuardrailConfig Config => config;

    public GuardrailResult Evaluate(GuardrailInput input)
    {
        var now = time.GetUtcNow();
        var obj = input.Object;
        var subject = GuardrailSubject.From(obj, input.PodSpec);
        var namespaceLabels = NamespaceLabelsOf(input);
        var violations = new List<GuardrailViolation>();
        var warnings = new List<string>();
        var audit = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var check in GuardrailLibrary.Checks)
        {
            var id = check.Policy.Id;
            var settings = config.Settings(id);
            if (settings.Action == GuardrailAction.Disabled || !Selects(settings, obj, namespaceLabels)) continue;
            var findings = check.Check(subject, settings).ToList();
            var matching = settings.Exceptions.Where(e => e.Matches(obj.Namespace, obj.Name, obj.Labels)).ToList();
            var active = matching.FirstOrDefault(e => e.IsActiveAt(now));
            foreach (var expired in matching.Where(e => !e.IsActiveAt(now)))
                warnings.Add($"{id}: exception \"{expired.Name}\" (owner {expired.Owner}) expired on {expired.ExpiresText} and no longer applies; fix the object or renew the exception");
            foreach (var finding in findings)
            {
                violations.Add(new GuardrailViolation
                {
                    Policy = id,
                    Action = settings.Action,
                    Message = finding.Message,
                    Field = FieldPath.Format(finding.Path),
                    Location = obj.LocationOf(finding.Path),
                    Exception = active?.Name,
                });
            }
            if (findings.Count == 0) continue;
            if (active is not null)
                audit[$"{id}.exception"] = $"{active.Name} (owner {active.Owner}, expires {active.ExpiresText}): {active.Reason}";
            else if (settings.Action == GuardrailAction.Warn)
                warnings.AddRange(findings.Select(f => $"{id}: {f.Message}"));
            else if (settings.Action == GuardrailAction.Audit)
                audit[id] = string.Join("; ", findings.Select(f => f.Message));
        }
        return new GuardrailResult
        {
            Object = obj,
            Violations = violations,
            Warnings = warnings,
            AuditAnnotations = audit,
            Errors = subject.Errors,
        };
    }

    /// <summary>
    /// Judges every object of a snapshot that the library reads (Pods, workloads, Services, Namespaces — including
    /// controllers and pods below a workload, as each would reach admission on its own), in input order, each with its
    /// namespace's labels from the snapshot.
    /// </summary>
    public IReadOnlyList<GuardrailResult> Evaluate(Snapshot snapshot)
    {
        var results = new List<GuardrailResult>();
        foreach (var obj in snapshot.Objects)
        {
            if (!IsEvaluated(obj)) continue;
            var labels = obj.Namespace is { } ns ? snapshot.Namespace(ns)?.Labels : null;
            results.Add(Evaluate(new GuardrailInput(obj, labels)));
        }
        return results;
    }

    /// <summary>
    /// Every exception of the config that has expired now (by <see cref="GuardrailException.IsActiveAt"/>), as warnings
    /// with the exception's place in the config, so stale exemptions are seen even where no object matches them.
    /// </summary>
    public IReadOnlyList<Diagnostic> ExpiredExceptions()
    {
        var now = time.GetUtcNow();
        return GuardrailLibrary.Policies
            .SelectMany(p => config.Settings(p.Id).Exceptions.Where(e => !e.IsActiveAt(now)).Select(e => new Diagnostic(
                DiagnosticLevel.Warning, GuardrailDiagnosticCodes.ExpiredException,
                $"{p.Id}: exception \"{e.Name}\" (owner {e.Owner}) expired on {e.ExpiresText} and no longer applies; renew it or remove it",
                e.Source)))
            .ToList();
    }

    /// <summary>True for the kinds the library reads: Pods, the built-in workload kinds, Services and Namespaces.</summary>
    public static bool IsEvaluated(KubeObject obj) =>
        PodSpecSite.PathFor(obj.Ref.Group, obj.Kind) is not null || obj.Ref.Group == "" && obj.Kind is "Service" or "Namespace";

    /// <summary>
    /// A webhook's selector semantics: the object selector matches the object's own labels; the namespace selector
    /// matches its namespace's labels (a Namespace's own labels); a cluster-scoped object other than a Namespace is
    /// not subject to the namespace selector.
    /// </summary>
    private static bool Selects(PolicySettings settings, KubeObject obj, IReadOnlyDictionary<string, string>? namespaceLabels) =>
        (settings.ObjectSelector is null || settings.ObjectSelector.Matches(obj.Labels))
        && (settings.NamespaceSelector is null || namespaceLabels is null || settings.NamespaceSelector.Matches(namespaceLabels));

    private static IReadOnlyDictionary<string, string>? NamespaceLabelsOf(GuardrailInput input)
    {
        var obj = input.Object;
        if (obj.Ref.Group == "" && obj.Kind == "Namespace") return WithName(obj.Labels, obj.Name);
        if (obj.Namespace is not { } ns) return null;
        return WithName(input.NamespaceLabels ?? new Dictionary<string, string>(), ns);
    }

    private static Dictionary<string, string> WithName(IReadOnlyDictionary<string, string> labels, string name)
    {
        var copy = new Dictionary<string, string>(labels, StringComparer.Ordinal) { [NamespaceInfo.NameLabel] = name };
        return copy;
    }
}
