namespace Verity.Cli.Output;

/// <summary>The <c>-o/--output</c> formats of <c>verity scan</c>.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable tables (Spectre.Console); colour only on a terminal.</summary>
    Table,

    /// <summary>The stable JSON document of docs/output.md.</summary>
    Json,
}
