using YamlDotNet.Core;

namespace Verity.Core.Loading;

/// <summary>A YAML construct that parses but cannot become JSON (complex keys, unknown aliases, nesting too deep).</summary>
internal sealed class YamlLoadException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
