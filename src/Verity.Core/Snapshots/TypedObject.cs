using Verity.Core.Model;

namespace Verity.Core.Snapshots;

/// <summary>A loaded object together with its typed view (a <c>k8s.Models</c> type such as <c>V1Pod</c>).</summary>
public sealed record TypedObject<T>(KubeObject Object, T Value);
