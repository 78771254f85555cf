namespace Verity.Network.Model;

/// <summary>A port a container declares (<c>spec.containers[].ports[]</c>); named ports are resolved against these.</summary>
public sealed record ContainerPortInfo(string? Name, int Number, Protocol Protocol);
