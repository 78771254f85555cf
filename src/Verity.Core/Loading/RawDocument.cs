using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// One parsed YAML or JSON document before it is read as Kubernetes objects. <see cref="ItemLocations"/>
/// holds the source position of each element of a top-level <c>items</c> list (for kind: List), when known, and
/// <see cref="ItemLocators"/> a locator per element that reads only that element's source (so locating a field
/// of item 40,000 does not re-read the 39,999 before it).
/// </summary>
internal sealed record RawDocument(JsonElement Root, SourceLocation Location, ISourceLocator? Locator, IReadOnlyList<SourceLocation>? ItemLocations)
{
    public IReadOnlyList<ISourceLocator?>? ItemLocators { get; init; }
}
