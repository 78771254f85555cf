using Verity.Network.Model;

namespace Verity.Network.Generation;

/// <summary>A port of a generated rule: the container's port name where it declares one, else the number.</summary>
public sealed record GeneratedPort(int Number, string? Name, Protocol Protocol)
{
    public string Key => $"{Protocol}|{Number:D5}|{Name}";
}
