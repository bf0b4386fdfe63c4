using System.CommandLine;

namespace Autoship.Cli.Context;

/// <summary>
/// Which forge a command talks to and with what credentials, declared once for every command: <c>-R/--repo</c> (alias
/// <c>--forge</c>) taking <c>local:DIR</c>, <c>github:[HOST/]OWNER/REPO</c> or gh's plain <c>[HOST/]OWNER/REPO</c>;
/// <c>--token-env</c>; <c>--api-url</c>; and, for commands that act as a person on the local forge, <c>--as</c>.
/// </summary>
internal sealed class ForgeOptions
{
    private ForgeOptions(bool localOnly, bool actAs)
    {
        Forge = localOnly
            ? new Option<string?>("--forge") { Description = "The local forge directory (DIR or local:DIR)." }
            : new Option<string?>("--repo", "-R", "--forge")
            {
                Description = "The repository: [HOST/]OWNER/REPO or github:OWNER/REPO on GitHub, local:DIR for the embedded local forge. Default: GH_REPO, else this checkout's GitHub remote.",
                HelpName = "repo",
            };
        As = actAs ? new Option<string?>("--as") { Description = "Act as this local forge user (default: the forge's owner)." } : null;
        TokenEnv = localOnly ? null : new Option<string?>("--token-env") { Description = "Read the GitHub token from this environment variable (default GITHUB_TOKEN, then GH_TOKEN)." };
        ApiUrl = localOnly ? null : new Option<string?>("--api-url") { Description = "GitHub API root (default GITHUB_API_URL; for GH_HOST or a HOST/ in --repo, https://HOST/api/v3/)." };
        LocalOnly = localOnly;
    }

    public Option<string?> Forge { get; }

    public Option<string?>? As { get; }

    public Option<string?>? TokenEnv { get; }

    public Option<string?>? ApiUrl { get; }

    public bool LocalOnly { get; }

    /// <summary>Any forge kind: <c>-R/--repo/--forge</c>, <c>--token-env</c>, <c>--api-url</c> (and <c>--as</c> when asked).</summary>
    public static ForgeOptions Any(bool actAs = false) => new(localOnly: false, actAs);

    /// <summary>The <c>autoship local …</c> commands: <c>--forge DIR</c> and <c>--as LOGIN</c>.</summary>
    public static ForgeOptions Local() => new(localOnly: true, actAs: true);

    /// <summary>Adds the options; <paramref name="includeForge"/> false leaves out <c>-R/--repo</c> for a command that declares its own (serve takes several).</summary>
    public void AddTo(Command command, bool includeForge = true)
    {
        if (includeForge)
        {
            command.Options.Add(Forge);
        }

        foreach (var option in new[] { As, TokenEnv, ApiUrl })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }
    }

    public ForgeOpenOptions Read(ParseResult parse, TimeProvider? clock = null) =>
        new(As is null ? null : parse.GetValue(As), TokenEnv is null ? null : parse.GetValue(TokenEnv), ApiUrl is null ? null : parse.GetValue(ApiUrl), clock);
}
