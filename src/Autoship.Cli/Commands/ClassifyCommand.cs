using Autoship.Cli.Help;
using Autoship.Cli.Context;
using Autoship.Cli.Reporting;
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Autoship.Core;
using Autoship.Core.Config;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary><c>autoship classify</c>: the lane, size and guardrail verdict of a change, without any forge.</summary>
internal static class ClassifyCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Reason messages quote paths and labels; keep them readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var jsonOptions = new OutputOptions();
        var labels = new Option<string[]>("--label")
        {
            Description = "A label of the issue or pull request (repeat for several), e.g. --label area:api --label risk:low.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var files = new Option<string[]>("--file")
        {
            Description = "A changed file as PATH or PATH:ADDED:DELETED (repeat for several); PATH alone counts as 1 added line.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var diff = new Option<FileInfo?>("--diff")
        {
            Description = "A unified diff (git diff output) whose files, line counts and added text are classified.",
        };

        var agent = new Option<string?>("--agent")
        {
            Description = "The author agent: a path outside its areas (and its alsoPaths) is refused. Default: the owner of the --label area:X.",
        };

        var command = new Command("classify", "Say which lane a change belongs to, its size, and whether the guardrails allow it.")
        {
            config, labels, files, diff, agent,
        };
        jsonOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, jsonOptions);
            // Usage mistakes are reported before the configuration is read.
            var changed = new List<ChangedFile>();
            changed.AddRange((parse.GetValue(files) ?? []).Select(ParseFile));
            if (parse.GetValue(diff) is { } patch)
            {
                if (!patch.Exists)
                {
                    throw new CliUsageException($"--diff: {patch.FullName} does not exist");
                }

                changed.AddRange(UnifiedDiff.Parse(File.ReadAllText(patch.FullName)));
            }

            var cwd = Directory.GetCurrentDirectory();
            var configFile = parse.GetValue(config);
            var loaded = ConfigSource.Load(configFile, cwd);
            if (!loaded.IsValid)
            {
                foreach (var error in loaded.Errors)
                {
                    parse.InvocationConfiguration.Error.WriteLine(error.ToString());
                }

                return ExitCodes.Usage;
            }

            var attributes = ReadGitAttributes(ConfigSource.Resolve(configFile, cwd), cwd, changed.Select(f => f.Path));
            var labelList = parse.GetValue(labels) ?? [];
            var author = parse.GetValue(agent) ?? DefaultAuthor(labelList, loaded.Config!);
            if (author is not null && loaded.Config!.Agent(author) is null)
            {
                throw new CliUsageException($"--agent {author}: not an agent of the configuration (known: {string.Join(", ", loaded.Config!.Agents.Select(a => a.Name))})");
            }

            var result = Classifier.Classify(labelList, changed, loaded.Config!, attributes, authorAgent: author);
            var output = parse.InvocationConfiguration.Output;
            if (cli.Json)
            {
                output.WriteLine(JsonOutput.Serialize(ToJson(result, loaded.Config!), JsonOptions));
            }
            else
            {
                ClassifyTable.Write(output, result, changed.Count, loaded.Config!);
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship classify --label area:docs --file docs/guide.md:+12-3", "git diff main | autoship classify --diff /dev/stdin --label area:api", "autoship classify --label area:api --file src/api/routes.py:+40 --json");
    }

    /// <summary>Parses <c>PATH</c> or <c>PATH:ADDED:DELETED</c>.</summary>
    internal static ChangedFile ParseFile(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length >= 3
            && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var added)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var deleted))
        {
            var path = string.Join(':', parts[..^2]);
            if (path.Length > 0)
            {
                return new ChangedFile(path, added, deleted);
            }
        }
        else if (parts.Length >= 2 && parts[^1].Length > 0 && parts[^1].All(char.IsAsciiDigit))
        {
            throw new CliUsageException($"--file {spec}: expected PATH or PATH:ADDED:DELETED");
        }

        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new CliUsageException("--file needs a path");
        }

        return new ChangedFile(spec, 1, 0);
    }

    /// <summary>The owning agent of the one <c>area:</c> label, as the engine would assign the work; null without one.</summary>
    private static string? DefaultAuthor(IReadOnlyList<string> labels, AutoshipConfig config)
    {
        var areas = labels.Where(Labels.IsArea).Select(Labels.AreaName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return areas.Count == 1 ? OwnershipPolicy.Assign(areas[0], config).Owner?.Name : null;
    }

    private static GitAttributeFiles ReadGitAttributes(string configPath, string cwd, IEnumerable<string> paths)
    {
        // The configuration lives in ROOT/.github/autoship.yml; the .gitattributes files sit at ROOT and in the
        // directories above each changed file, as git reads them from a working tree.
        var configDir = Path.GetDirectoryName(configPath);
        var root = configDir is not null && Path.GetFileName(configDir) == ".github" ? Path.GetDirectoryName(configDir) ?? cwd : cwd;
        return GitAttributeFiles.FromFiles(GitAttributeFiles.DirectoriesAbove(paths).Select(GitAttributeFiles.PathIn).Select(p =>
        {
            var file = Path.Combine(root, p);
            return KeyValuePair.Create(p, File.Exists(file) ? File.ReadAllText(file) : null);
        }));
    }

    private static object ToJson(Classification result, AutoshipConfig config)
    {
        var g = config.Lane(result.Lane).Guardrails;
        return new
        {
            lane = result.Lane.Name(),
            size = result.Size.Name(),
            allowed = result.Allowed,
            reasons = result.Reasons.Select(r => new { code = r.Code, message = r.Message }),
            guardrails = new
            {
                maxFiles = g.MaxFiles,
                maxLines = g.MaxLines,
                maxFileBytes = g.MaxFileBytes,
                maxPassBytes = g.MaxPassBytes,
                maxLineLength = g.MaxLineLength,
                maxBinaryBytes = g.MaxBinaryBytes,
                never = config.Never,
                contentRules = config.ContentRules.Select(r => new { id = r.Id, action = r.Action.ToString().ToLowerInvariant(), lane = r.Lane.Name() }),
            },
        };
    }
}
