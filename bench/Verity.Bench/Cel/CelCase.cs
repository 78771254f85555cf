namespace Verity.Bench.Cel;

/// <summary>
/// One expression of the benchmark: a short name for the tables and the CEL text all three engines compile.
/// A <paramref name="Floor"/> case (the constant <c>true</c>) measures each engine's fixed cost per evaluation; it is
/// shown but left out of the ratios and the goals.
/// </summary>
internal sealed record CelCase(string Name, string Expression, bool Floor = false);
