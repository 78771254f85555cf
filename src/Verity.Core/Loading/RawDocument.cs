using System.Text.Json;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// One parsed YAML or JSON document before it is read as Kubernetes objects. <see cref="ItemLocations"/>
/// holds the source position of each element of a top-level <c>items</c> list (for kind: List), when known.
/// </summary>
internal sealed record RawDocument(JsonElement Root, SourceLocation Location, ISourceLocator? Locator, IReadOnlyList<SourceLocation>? ItemLocations);
