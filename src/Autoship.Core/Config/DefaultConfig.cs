namespace Autoship.Core.Config;

/// <summary>The configuration <c>autoship init</c> writes: the seed's operating model, exactly.</summary>
public static class DefaultConfig
{
    /// <summary>The YAML text, commented for people.</summary>
    public static string Yaml => DefaultConfigText.Yaml;

    /// <summary>The same configuration loaded.</summary>
    public static AutoshipConfig Load() => ConfigLoader.Load(Yaml, AutoshipConfig.DefaultPath).Config
        ?? throw new InvalidOperationException("the default configuration does not validate");
}
