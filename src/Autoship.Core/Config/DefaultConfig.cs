namespace Autoship.Core.Config;

/// <summary>The configuration <c>autoship init</c> writes: the seed's operating model, exactly.</summary>
public static class DefaultConfig
{
    /// <summary>The YAML text, commented for people.</summary>
    public static string Yaml => DefaultConfigText.Yaml;

    /// <summary>The file <c>init</c> writes for a repository: the seed, with the areas, checks and staging it found.</summary>
    public static string For(InitLayout layout) => DefaultConfigText.Render(layout);

    /// <summary>A configuration text <c>init</c> made, loaded (it always validates: a test proves it for every layout).</summary>
    public static AutoshipConfig LoadText(string yaml) => ConfigLoader.Load(yaml, AutoshipConfig.DefaultPath).Config
        ?? throw new InvalidOperationException("the configuration init made does not validate");

    /// <summary>The same configuration loaded.</summary>
    public static AutoshipConfig Load() => ConfigLoader.Load(Yaml, AutoshipConfig.DefaultPath).Config
        ?? throw new InvalidOperationException("the default configuration does not validate");
}
