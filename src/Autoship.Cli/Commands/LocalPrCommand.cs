using Autoship.Cli.Reporting;
using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using System.Globalization;
using Autoship.Cli.Local;
using Autoship.Core;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class LocalPrCommand
{
    public const string GateContext = "autoship/gate";

    public static Command Create() => new Command("pr", "List and show pull requests.") { List(), LocalPrShow.Create() }.WithExamples("autoship local pr list --forge ./forge", "autoship local pr show 34 --forge ./forge");

    private static Command List()
    {
        var state = new Option<string>("--state") { Description = "open, closed, merged or all.", DefaultValueFactory = _ => "all" };
        state.AcceptOnlyFromAmong("open", "closed", "merged", "all");
        var output = new OutputOptions();
        var command = new Command("list", "List pull requests with their head, checks and gate status.") { state };
        LocalAction.Set(command, output, async (cli, local, parse, ct) =>
        {
            var pulls = await local.ListPullRequestsAsync(parse.GetValue(state)!, ct);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { pullRequests = pulls.Select(p => Summary(p)) }, ct);
                return ExitCodes.Ok;
            }

            var table = new CliTable("#", "state", "branch", "head", "title", "checks", "gate");
            foreach (var p in pulls)
            {
                table.AddRow(
                    p.Number.ToString(CultureInfo.InvariantCulture),
                    State(p),
                    Markup.Escape(p.HeadBranch),
                    LocalCli.Short(p.HeadSha),
                    Markup.Escape(p.Title),
                    Markup.Escape(Checks(p)),
                    Markup.Escape(Gate(p) ?? "-"));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship local pr list --forge ./forge", "autoship local pr list --forge ./forge --state all --json");
    }

    public static object Summary(PullRequestSnapshot p) => new
    {
        p.Number,
        p.Title,
        State = State(p),
        p.HeadBranch,
        p.HeadSha,
        p.BaseBranch,
        Author = p.Author.Login,
        p.Labels,
        Checks = p.Checks.Where(c => c.Sha == p.HeadSha).Select(c => new { c.Name, c.State, c.Description }),
        Gate = Gate(p),
        p.MergeCommitSha,
    };

    public static string State(PullRequestSnapshot p) => p.Merged ? "merged" : p.Open ? "open" : "closed";

    /// <summary>The gate's own explanation, as it set it on the current head.</summary>
    public static string? Gate(PullRequestSnapshot p) =>
        p.Checks.LastOrDefault(c => c.Name == GateContext && c.Sha == p.HeadSha) is { } gate ? $"{gate.State.ToString().ToLowerInvariant()}: {gate.Description}" : null;

    public static string Checks(PullRequestSnapshot p) =>
        LocalCli.List(p.Checks.Where(c => c.Sha == p.HeadSha && c.Name != GateContext).Select(c => $"{c.Name} {c.State.ToString().ToLowerInvariant()}"));
}
