using Autoship.Cli.Help;
using Autoship.Cli.Context;
using Autoship.Cli.Reporting;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Commands;

internal static class ConfigCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var command = new Command("config", "Check the configuration, or print its JSON Schema or reference table.");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Schema());
        command.Subcommands.Add(Docs());
        return command.WithExamples("autoship config validate", "autoship config schema > .github/autoship.schema.json");
    }

    private static Command Schema()
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of .github/autoship.yml (save it as .github/autoship.schema.json).");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(ConfigSchema.Json);
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship config schema > .github/autoship.schema.json");
    }

    private static Command Docs()
    {
        var command = new Command("docs", "Print the README's configuration reference table (Markdown), generated from the key declarations.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(ConfigDocs.Markdown);
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship config docs > docs/configuration.md");
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "The file to check (default: --config, else the repository's .github/autoship.yml).", Arity = ArgumentArity.ZeroOrOne };
        var config = CommonOptions.Config();
        var jsonOptions = new OutputOptions();
        var command = new Command("validate", "Check the configuration and print every error as file:line:col: message.") { file, config };
        jsonOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, jsonOptions);
            var output = parse.InvocationConfiguration.Output;
            var cwd = Directory.GetCurrentDirectory();
            var path = ConfigSource.Resolve(parse.GetValue(file) ?? parse.GetValue(config), cwd);
            var display = Path.GetRelativePath(cwd, path);
            var asJson = cli.Json;
            byte[] text;
            try
            {
                text = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is FileNotFoundException or DirectoryNotFoundException
                    ? "configuration file not found (run 'autoship init' to write one, or pass a FILE)"
                    : "cannot read the configuration: " + e.Message;
                if (asJson)
                {
                    Print(output, display, [new ConfigError(display, 1, 1, reason)]);
                }

                parse.InvocationConfiguration.Error.WriteLine($"autoship: {display}: {reason}");
                return ExitCodes.Usage;
            }

            var result = ConfigLoader.Load(text, display);
            if (asJson)
            {
                Print(output, display, result.Errors);
            }
            else if (result.Config is { } valid && result.IsValid)
            {
                var rules = valid.LabelRules.Count + valid.PathRules.Count + valid.ContentRules.Count;
                output.WriteLine($"valid: {display} ({valid.Agents.Count} agents, {valid.Areas.Count} areas, {valid.Labels.Count} labels, {rules} rules)");
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    output.WriteLine(error.ToString());
                }

                output.WriteLine($"invalid: {display} ({result.Errors.Count} error{(result.Errors.Count == 1 ? string.Empty : "s")})");
            }

            return result.IsValid ? ExitCodes.Ok : ExitCodes.Problem;
        });
        return command.WithExamples("autoship config validate", "autoship config validate ../other/.github/autoship.yml --json");
    }

    private static void Print(TextWriter output, string file, IReadOnlyList<ConfigError> errors)
    {
        var report = new
        {
            Valid = errors.Count == 0,
            File = file,
            Errors = errors.Select(e => new { e.File, e.Line, e.Column, e.Message }),
        };
        output.WriteLine(JsonOutput.Serialize(report, JsonOptions));
    }
}
