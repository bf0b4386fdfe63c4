using System.CommandLine;

namespace Autoship.Cli.Engine;

/// <summary>The options of commands that run or inspect the loop, added to a command in one call.</summary>
internal sealed class EngineOptions
{
    public Option<string?> Forge { get; } = new("--forge") { Description = "The forge: local:DIR (the embedded local forge) or github:OWNER/REPO.", Required = true };

    public Option<FileInfo?> Config { get; } = CommonOptions.Config();

    public Option<string?> Store { get; } = new("--store") { Description = "The state store: a SQLite file (default: beside a local forge, else .autoship/state.db) or a PostgreSQL connection (postgres://user:pass@host/db)." };

    public Option<string?> TokenEnv { get; } = Doctor.SetupSupport.TokenEnv();

    public Option<string?> ApiUrl { get; } = Doctor.SetupSupport.ApiUrl();

    public Option<string?> DashboardUrl { get; } = new("--dashboard-url")
    {
        Description = "Where people reach the dashboard (autoship serve); the autoship/gate status links there. Default: AUTOSHIP_DASHBOARD_URL, else no link.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(DashboardUrl);
        command.Options.Add(Forge);
        command.Options.Add(Config);
        command.Options.Add(Store);
        command.Options.Add(TokenEnv);
        command.Options.Add(ApiUrl);
    }

    public EngineArgs Read(ParseResult parse, TimeProvider? clock = null) =>
        new(parse.GetValue(Forge), parse.GetValue(Config), parse.GetValue(Store), null, null, parse.GetValue(TokenEnv), parse.GetValue(ApiUrl), clock)
        {
            DashboardUrl = parse.GetValue(DashboardUrl) ?? Environment.GetEnvironmentVariable("AUTOSHIP_DASHBOARD_URL"),
        };
}
