namespace Verity.Cli.Output;

/// <summary>The <c>-o/--output</c> formats; each command accepts the ones that fit it.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable tables (Spectre.Console); colour only on a terminal.</summary>
    Table,

    /// <summary>The stable JSON document of docs/output.md.</summary>
    Json,

    /// <summary>Comma-separated values with a header row (<c>verity netpol matrix</c>).</summary>
    Csv,
}
