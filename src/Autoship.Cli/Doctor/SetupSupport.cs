using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autoship.Core.Config;
using Autoship.Forge;
using Spectre.Console;

namespace Autoship.Cli.Doctor;

/// <summary>What <c>labels sync</c>, <c>protect</c> and <c>doctor</c> share: config loading, forge options, JSON output.</summary>
internal static class SetupSupport
{
    /// <summary>The CLI's one JSON style (<see cref="Reporting.JsonOutput"/>).</summary>
    public static JsonSerializerOptions Json => Reporting.JsonOutput.Options;

    public static Option<string?> TokenEnv() => new("--token-env")
    {
        Description = "Read the GitHub token from this environment variable (default GITHUB_TOKEN, then GH_TOKEN).",
    };

    public static Option<string?> ApiUrl() => new("--api-url")
    {
        Description = "GitHub API root for GitHub Enterprise Server (default GITHUB_API_URL, then https://api.github.com).",
    };

    /// <summary>
    /// The valid configuration — <c>--config FILE</c>, else the checkout's own <c>.github/autoship.yml</c>, else the one on
    /// the forge's default branch — or a usage error listing every problem as <c>file:line:col</c>.
    /// </summary>
    public static async Task<AutoshipConfig> LoadConfigAsync(FileInfo? file, IForge forge, CancellationToken cancellationToken)
    {
        var local = ConfigSource.Resolve(file, Environment.CurrentDirectory);
        var result = file is null && !File.Exists(local) && await forge.ReadFileAsync(AutoshipConfig.DefaultPath, null, cancellationToken) is { } text
            ? ConfigLoader.Load(text, $"{forge.Name}:{AutoshipConfig.DefaultPath}")
            : ConfigSource.Load(file, Environment.CurrentDirectory);
        if (!result.IsValid)
        {
            throw new CliUsageException("the configuration is not valid:\n" + string.Join("\n", result.Errors));
        }

        return result.Config!;
    }

    public static Task<IForge> OpenAsync(ParseResult parse, Option<string?> forge, Option<string?> tokenEnv, Option<string?> apiUrl, CancellationToken cancellationToken) =>
        OpenAsync(parse, forge, tokenEnv, apiUrl, actAs: null, cancellationToken);

    public static Task<IForge> OpenAsync(ParseResult parse, Option<string?> forge, Option<string?> tokenEnv, Option<string?> apiUrl, Option<string?>? actAs, CancellationToken cancellationToken) =>
        ForgeResolver.OpenAsync(
            parse.GetValue(forge),
            new ForgeOpenOptions(ActAs: actAs is null ? null : parse.GetValue(actAs), TokenEnv: parse.GetValue(tokenEnv), ApiUrl: parse.GetValue(apiUrl)),
            cancellationToken);

    /// <summary><c>--as</c> for setup commands: who acts on a local forge (GitHub knows who acts from the token).</summary>
    public static Option<string?> ActAs() => new("--as")
    {
        Description = "On a local forge, act as this user (e.g. its owner, who may protect branches; default the harness identity autoship[bot]). GitHub takes the identity from the token.",
    };

    /// <summary>The command's console (see <see cref="Reporting.CliConsole"/>).</summary>
    public static IAnsiConsole Console(ParseResult parse) => Reporting.CliConsole.For(parse);

    public static void WriteJson(ParseResult parse, object value) => Reporting.CliConsole.WriteJson(parse, value);
}
