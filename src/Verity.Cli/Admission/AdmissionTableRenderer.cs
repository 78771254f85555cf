using Verity.Admission.Guardrails;

namespace Verity.Cli.Admission;

/// <summary>
/// <c>admission test</c> as text: one line per object (<c>allowed</c> or <c>DENIED</c>, then the resource), followed by
/// its reasons indented — <c>deny</c>, <c>warn</c>, <c>audit</c> per violation, <c>warn</c> for other warnings (expired
/// exceptions), <c>exempt</c> for applied exceptions, <c>note</c> when nothing was evaluated — then a count.
/// </summary>
internal static class AdmissionTableRenderer
{
    private const string ExceptionSuffix = ".exception";

    public static void Write(TextWriter output, IReadOnlyList<AdmissionVerdict> verdicts, AdmissionOperation operation)
    {
        if (verdicts.Count == 0)
        {
            output.WriteLine("No Pods, workloads, Services or Namespaces found.");
            return;
        }
        foreach (var verdict in verdicts)
        {
            output.WriteLine($"{(verdict.Allowed ? "allowed" : "DENIED"),-7}  {verdict.Resource}");
            var shown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var violation in verdict.Violations)
            {
                var text = violation.Policy == AdmissionViolation.PodSecurity ? violation.Message : $"{violation.Policy}: {violation.Message}";
                shown.Add(text);
                output.WriteLine($"    {Word(violation),-6} {text}");
            }
            foreach (var warning in verdict.Warnings.Where(w => !shown.Contains(w))) output.WriteLine($"    {"warn",-6} {warning}");
            foreach (var (key, value) in verdict.AuditAnnotations.Where(a => a.Key.EndsWith(ExceptionSuffix, StringComparison.Ordinal)))
                output.WriteLine($"    {"exempt",-6} {key[..^ExceptionSuffix.Length]}: {value}");
            if (verdict.Note is { } note) output.WriteLine($"    {"note",-6} {note}");
        }
        output.WriteLine();
        var denied = verdicts.Count(v => !v.Allowed);
        var warned = verdicts.Count(v => v.Warnings.Count > 0);
        var audited = verdicts.Count(v => v.AuditAnnotations.Keys.Any(k => !k.EndsWith(ExceptionSuffix, StringComparison.Ordinal)));
        output.WriteLine($"{operation.ToString().ToUpperInvariant()}: {denied} of {verdicts.Count} denied; {warned} with warnings, {audited} with audit annotations.");
    }

    private static string Word(AdmissionViolation violation) => violation.Action switch
    {
        GuardrailAction.Enforce => "deny",
        GuardrailAction.Warn => "warn",
        _ => "audit",
    };
}
