using System.Globalization;
using Autoship.Core.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Cli.Serve;

/// <summary>
/// The server's repository list (<c>serve --repos FILE</c>):
/// <code>
/// repositories:
///   - github:octo/app              # a forge spec alone
///   - forge: local:/srv/forges/docs
///     every: 30s                   # optional: a fixed interval instead of the repository's loop.schedule
/// </code>
/// Each repository keeps its own configuration (<c>.github/autoship.yml</c> on its default branch). A mistake is
/// reported as <c>FILE:line:col: message</c>.
/// </summary>
internal static class RepositoryList
{
    private static readonly string[] EntryKeys = ["forge", "every"];

    public static IReadOnlyList<ServedRepository> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the repository list: {e.Message}");
        }

        return Parse(text, path);
    }

    public static IReadOnlyList<ServedRepository> Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > ConfigLimits.MaxBytes)
        {
            throw new CliUsageException($"{path}:1:1: the repository list is larger than {ConfigLimits.MaxBytes} bytes");
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Error(path, e.Start, "not valid YAML: " + (e.InnerException?.Message ?? e.Message));
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CliUsageException($"{path}:1:1: expected a mapping with 'repositories:' (a list of forges such as github:octo/app)");
        }

        YamlSequenceNode? list = null;
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode { Value: "repositories" } && value is YamlSequenceNode seq)
            {
                list = seq;
            }
            else
            {
                throw Error(path, key.Start, $"unknown key '{(key as YamlScalarNode)?.Value}': the file has one key, 'repositories' (a list)");
            }
        }

        if (list is null || list.Children.Count == 0)
        {
            throw new CliUsageException($"{path}:1:1: 'repositories' lists no repository");
        }

        var result = new List<ServedRepository>();
        foreach (var node in list.Children)
        {
            var entry = node switch
            {
                YamlScalarNode scalar => new ServedRepository(Forge(path, scalar)),
                YamlMappingNode map => Entry(path, map),
                _ => throw Error(path, node.Start, "expected a forge (github:OWNER/REPO, local:DIR) or a mapping with 'forge:'"),
            };
            if (result.Any(r => string.Equals(r.Forge, entry.Forge, StringComparison.OrdinalIgnoreCase)))
            {
                throw Error(path, node.Start, $"{entry.Forge} is listed twice");
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary>The interval of <c>--every</c> / <c>every:</c>: 1 s to 1 day.</summary>
    public static TimeSpan? Interval(string? text, string where)
    {
        if (text is null)
        {
            return null;
        }

        if (!Durations.TryParse(text, out var every) || every < TimeSpan.FromSeconds(1) || every > TimeSpan.FromDays(1))
        {
            throw new CliUsageException($"{where}'{text}' is not an interval between 1s and 1d (e.g. 30s, 5m)");
        }

        return every;
    }

    private static ServedRepository Entry(string path, YamlMappingNode map)
    {
        YamlScalarNode? forge = null;
        TimeSpan? every = null;
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name == "forge" && value is YamlScalarNode f)
            {
                forge = f;
            }
            else if (name == "every" && value is YamlScalarNode e)
            {
                every = Interval(e.Value, string.Create(CultureInfo.InvariantCulture, $"{path}:{e.Start.Line}:{e.Start.Column}: "));
            }
            else
            {
                throw Error(path, key.Start, EntryKeys.Contains(name) ? $"'{name}' takes one value" : $"unknown key '{name}': an entry has {string.Join(" and ", EntryKeys)}");
            }
        }

        return forge is null ? throw Error(path, map.Start, "this entry has no 'forge:'") : new ServedRepository(Forge(path, forge), every);
    }

    private static string Forge(string path, YamlScalarNode node)
    {
        var spec = node.Value?.Trim() ?? string.Empty;
        try
        {
            ForgeKinds.Resolve(spec, ForgeKinds.All);
        }
        catch (CliUsageException e)
        {
            throw Error(path, node.Start, e.Message);
        }

        return spec;
    }

    private static CliUsageException Error(string path, Mark at, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}:{at.Line}:{at.Column}: {message}"));
}
