namespace Verity.Admission.Guardrails.Rules;

/// <summary>A container and the resource fields it leaves unset, in <see cref="ResourcesRule.Fields"/> order.</summary>
public sealed record MissingResources(ContainerSite Site, IReadOnlyList<ResourceField> Missing);
