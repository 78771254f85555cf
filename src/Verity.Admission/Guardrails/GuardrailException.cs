using Verity.Core.Model;
using Verity.Core.Selectors;

namespace Verity.Admission.Guardrails;

/// <summary>
/// A documented, owned, time-limited exemption from one guardrail. It matches an object when every matcher it sets
/// matches (an unset matcher matches anything, but a valid exception sets at least one): the object's namespace is in
/// <see cref="Namespaces"/>, its labels match <see cref="ObjectSelector"/>, its name is in <see cref="Names"/>.
/// It applies only while <see cref="IsActiveAt"/> holds; after <see cref="Expires"/> it applies nowhere.
/// </summary>
public sealed record GuardrailException
{
    /// <summary>Identifies the exception in results and warnings; unique within its policy.</summary>
    public required string Name { get; init; }
    public required string Owner { get; init; }
    public required string Reason { get; init; }

    /// <summary>The first instant at which the exception no longer applies. A date-only value means 00:00 UTC that day.</summary>
    public required DateTimeOffset Expires { get; init; }

    /// <summary>The text written in the config (e.g. <c>2027-06-30</c>), for messages.</summary>
    public required string ExpiresText { get; init; }

    public IReadOnlyList<string> Namespaces { get; init; } = [];
    public LabelSelector? ObjectSelector { get; init; }
    public IReadOnlyList<string> Names { get; init; } = [];
    public SourceLocation? Source { get; init; }

    /// <summary>
    /// THE rule for time: an exception is active strictly before <see cref="Expires"/> and inactive at and after it.
    /// Every caller (engine, CLI listing, webhook) decides through this one function, with the instant taken from an
    /// injected <see cref="TimeProvider"/>.
    /// </summary>
    public bool IsActiveAt(DateTimeOffset instant) => instant < Expires;

    /// <summary>True when every matcher that is set matches the object (whatever the time).</summary>
    public bool Matches(string? ns, string name, IReadOnlyDictionary<string, string> labels) =>
        (Namespaces.Count == 0 || ns is not null && Namespaces.Contains(ns, StringComparer.Ordinal))
        && (Names.Count == 0 || Names.Contains(name, StringComparer.Ordinal))
        && (ObjectSelector is null || ObjectSelector.Matches(labels));
}
