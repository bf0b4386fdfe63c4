namespace Autoship.Core.Config;

/// <summary>The configuration when it is valid, otherwise every error found (never only the first).</summary>
public sealed record ConfigLoadResult(AutoshipConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Config is not null && Errors.Count == 0;
}
