using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

/// <summary>Parses and validates <c>.github/autoship.yml</c> text (no I/O: the caller reads the file).</summary>
public static class ConfigLoader
{
    /// <summary>
    /// Loads the configuration, reporting every problem at once as <c>file:line:col: message</c>:
    /// YAML syntax, unknown keys, wrong types, missing keys, bad globs, cron, durations, regexes,
    /// and the cross-checks (single owner per area, reviewers, label references, never globs).
    /// </summary>
    public static ConfigLoadResult Load(string yaml, string fileName)
    {
        var reader = new ConfigReader(fileName);
        return ConfigText.Check(yaml, reader) ? Load(yaml, reader) : new ConfigLoadResult(null, reader.Errors);
    }

    /// <summary>Loads the file's bytes: invalid UTF-8 is an error at its line and column (a string has lost that).</summary>
    public static ConfigLoadResult Load(ReadOnlySpan<byte> utf8, string fileName)
    {
        var reader = new ConfigReader(fileName);
        return ConfigText.Decode(utf8, reader) is { } yaml && ConfigText.Check(yaml, reader)
            ? Load(yaml, reader)
            : new ConfigLoadResult(null, reader.Errors);
    }

    private static ConfigLoadResult Load(string yaml, ConfigReader reader)
    {
        var root = ConfigPrescan.Check(yaml, reader) ? Parse(yaml, reader) : null;
        if (root is null)
        {
            return new ConfigLoadResult(null, reader.Errors);
        }

        reader.Index(root, string.Empty);
        var mapper = new ConfigMapper(reader);
        var config = mapper.Map(root);
        new ConfigSemantics(config, reader, mapper.Origins).Check();
        var errors = reader.Errors
            .Distinct()
            .OrderBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
        return new ConfigLoadResult(errors.Count == 0 ? config : null, errors);
    }

    private static YamlNode? Parse(string yaml, ConfigReader reader)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            reader.Error(e.Start, "YAML syntax error: " + e.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this without a position on some unclosed flow collections.
            reader.Error(parser.LastGood, "YAML syntax error: unexpected text after this point (an unclosed '[' or '{'?)");
            return null;
        }

        if (stream.Documents.Count == 0 || Values.IsNull(stream.Documents[0].RootNode))
        {
            reader.Error(Mark.Empty, "the configuration is empty (run 'autoship init' for a commented example)");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode.Start, "only one YAML document is allowed (remove the second '---')");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode)
        {
            // Nothing below would make sense; one clear error beats a cascade of "missing key".
            reader.Error(root, $"expected a mapping of settings (version, labels, areas, ...), got {ConfigReader.Describe(root)}");
            return null;
        }

        return root;
    }
}
