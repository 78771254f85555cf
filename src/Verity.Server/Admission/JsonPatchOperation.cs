using System.Text.Json.Nodes;

namespace Verity.Server.Admission;

/// <summary>One RFC 6902 JSON Patch operation (Verity only emits <c>add</c>); <see cref="Path"/> is a JSON Pointer (RFC 6901).</summary>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value);
