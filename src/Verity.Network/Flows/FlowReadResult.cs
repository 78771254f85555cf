using Verity.Core.Model;

namespace Verity.Network.Flows;

/// <summary>The flows read from one input and the lines that could not be read (reported with their line numbers).</summary>
public sealed record FlowReadResult(IReadOnlyList<FlowRecord> Flows, IReadOnlyList<Diagnostic> Diagnostics);
