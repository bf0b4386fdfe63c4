using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

/// <summary>A small valid configuration that tests change one piece at a time.</summary>
internal static class ConfigYaml
{
    public const string File = "cfg.yml";

    // Line numbers matter: tests point at them.
    public const string Base = """
        version: 1
        labels:
          - { name: "area:api", color: "1d76db" }
          - { name: "area:docs", color: "1d76db" }
          - { name: "autonomy:safe", color: "0e8a16" }
          - { name: "size:xs", color: "ededed" }
          - { name: "size:s", color: "ededed" }
          - { name: "risk:high", color: "b60205" }
        areas:
          api: { lane: staging, paths: ["src/api/**"] }
          docs: { lane: safe, paths: ["docs/**"] }
        agents:
          - { name: author-a, areas: [api] }
          - { name: author-b, areas: [docs] }

        """;

    public static ConfigLoadResult Load(string yaml) => ConfigLoader.Load(yaml, File);

    public static string With(string find, string replace)
    {
        Base.ShouldContain(find);
        return Base.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The 1-based column of <paramref name="token"/> on line <paramref name="line"/> of <paramref name="yaml"/>.</summary>
    public static int Column(string yaml, int line, string token)
    {
        var text = yaml.Split('\n')[line - 1];
        var index = text.IndexOf(token, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{token}' is not on line {line}: {text}");
        return index + 1;
    }
}
