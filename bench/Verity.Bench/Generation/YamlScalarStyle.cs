namespace Verity.Bench.Generation;

/// <summary>How a string is written in YAML.</summary>
internal enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}
