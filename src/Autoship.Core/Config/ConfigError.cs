namespace Autoship.Core.Config;

/// <summary>One configuration problem at a position in the file (1-based line and column).</summary>
public sealed record ConfigError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
