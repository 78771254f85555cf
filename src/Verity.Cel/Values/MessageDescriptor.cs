namespace Verity.Cel.Values;

/// <summary>A protobuf message type known to the environment (field name → descriptor).</summary>
internal sealed record MessageDescriptor(string FullName, IReadOnlyDictionary<string, FieldDescriptor> Fields);
