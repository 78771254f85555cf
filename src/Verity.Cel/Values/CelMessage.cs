namespace Verity.Cel.Values;

/// <summary>
/// A generic protobuf message value: its descriptor and the fields that are set (as CEL values).
/// Verity evaluates Kubernetes JSON, so messages exist for conformance with cel-spec test
/// messages; unset fields read as protobuf defaults.
/// </summary>
internal sealed class CelMessage
{
    public CelMessage(MessageDescriptor descriptor, Dictionary<string, object> fields)
    {
        Descriptor = descriptor;
        Fields = fields;
    }

    public MessageDescriptor Descriptor { get; }

    public string TypeName => Descriptor.FullName;

    public Dictionary<string, object> Fields { get; }
}
