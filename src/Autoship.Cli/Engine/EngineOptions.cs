using System.CommandLine;
using Autoship.Cli.Context;

namespace Autoship.Cli.Engine;

/// <summary>The options of commands that run or inspect the loop: the forge (<see cref="ForgeOptions"/>), configuration, store and dashboard link.</summary>
internal sealed class EngineOptions
{
    public ForgeOptions ForgeOptions { get; } = ForgeOptions.Any();

    public Option<FileInfo?> Config { get; } = CommonOptions.Config();

    public Option<string?> Store { get; } = new("--store") { Description = "The state store: a SQLite file (default: beside a local forge, else .autoship/state.db) or a PostgreSQL connection (postgres://user:pass@host/db)." };

    public Option<string?> DashboardUrl { get; } = new("--dashboard-url")
    {
        Description = "Where people reach the dashboard (autoship serve); the autoship/gate status links there. Default: AUTOSHIP_DASHBOARD_URL, else no link.",
    };

    public void AddTo(Command command, bool includeForge = true)
    {
        ForgeOptions.AddTo(command, includeForge);
        command.Options.Add(Config);
        command.Options.Add(Store);
        command.Options.Add(DashboardUrl);
    }

    /// <summary>The command's context over these options and <paramref name="output"/>.</summary>
    public CommandContext Context(ParseResult parse, OutputOptions? output = null) => CommandContext.For(parse, this, output);

    public EngineArgs Read(ParseResult parse, TimeProvider? clock = null) =>
        Read(parse, CommandContext.ResolveForgeSpec(parse.GetValue(ForgeOptions.Forge)), clock);

    /// <summary>The loop's arguments for <paramref name="forgeSpec"/> (null: chosen later, as serve does per repository).</summary>
    public EngineArgs Read(ParseResult parse, string? forgeSpec, TimeProvider? clock = null)
    {
        var open = ForgeOptions.Read(parse, clock);
        return new(forgeSpec, parse.GetValue(Config), parse.GetValue(Store), null, null, open.TokenEnv, open.ApiUrl, clock)
        {
            DashboardUrl = parse.GetValue(DashboardUrl) ?? Environment.GetEnvironmentVariable("AUTOSHIP_DASHBOARD_URL"),
        };
    }
}
