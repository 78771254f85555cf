namespace Verity.Core.Model;

/// <summary>One entry of <c>metadata.ownerReferences</c>, as far as Verity reads it.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string? Uid, bool Controller);
