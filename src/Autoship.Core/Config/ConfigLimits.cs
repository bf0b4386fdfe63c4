namespace Autoship.Core.Config;

/// <summary>
/// Bounds on what the loader accepts, checked on the parser's events before any tree is built, so a hostile
/// file (an alias bomb, 100,000 nested maps, a huge scalar) costs at most a linear scan of 1 MiB.
/// </summary>
public static class ConfigLimits
{
    /// <summary>The largest configuration file, in UTF-8 bytes (the default file is about 12 KiB).</summary>
    public const int MaxBytes = 1_048_576;

    /// <summary>The deepest nesting of mappings and lists (the default file nests 5 deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes in the document with every alias expanded (the default file has about 1,000).</summary>
    public const int MaxNodes = 100_000;

    /// <summary>The longest single scalar, in characters (a regex, a description).</summary>
    public const int MaxScalarLength = 65_536;
}
