using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Agents;
using Autoship.Cli.Engine;
using Autoship.Cli.Reporting;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Git;
using Autoship.Engine.Store;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary><c>autoship agent run AGENT --issue N</c>: one attempt outside the loop, to debug an agent's configuration.</summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var command = new Command("agent", "Try agents by hand.");
        command.Subcommands.Add(Run());
        return command.WithExamples("autoship agent run docs-maintainer --issue 12");
    }

    private static Command Run()
    {
        var engine = new EngineOptions();
        var agentArg = new Argument<string>("agent") { Description = "The agent's name in the configuration (e.g. qa-reliability-engineer)." };
        var issue = new Option<int>("--issue") { Description = "The issue whose work order the agent gets.", Required = true };
        var push = new Option<bool>("--push") { Description = "Push the branch to the forge when the attempt passes the guardrails (default: push nothing)." };
        var output = new OutputOptions();
        var command = new Command("run", "Run one author attempt of AGENT on issue N exactly as the loop would (worktree, scrubbed environment, limits, guardrails, validation) and print the diff, the guardrail verdict and the run record. Claims nothing, labels nothing, and pushes nothing unless --push.");
        command.Arguments.Add(agentArg);
        command.Options.Add(issue);
        command.Options.Add(push);
        output.AddTo(command);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = engine.Context(parse, output);
            await using var session = await cli.OpenSessionAsync(ct);
            var forge = session.Forge;
            var config = session.ConfigOverride ?? LoadForgeConfig(await forge.ReadFileAsync(AutoshipConfig.DefaultPath, null, ct));
            var agent = config.Agent(parse.GetValue(agentArg)!) ?? throw new CliUsageException($"no agent '{parse.GetValue(agentArg)}' in the configuration; agents: {string.Join(", ", config.Agents.Select(a => a.Name))}");
            var number = parse.GetValue(issue);
            var snapshot = await forge.GetIssueAsync(number, ct) ?? throw new CliUsageException($"issue #{number} does not exist on {forge.Name}");
            var areas = snapshot.Labels.Where(Labels.IsArea).Select(Labels.AreaName).ToList();
            if (areas.Count != 1)
            {
                throw new CliUsageException($"issue #{number} needs exactly one area:* label to build a work order (it has {areas.Count})");
            }

            var ownership = OwnershipPolicy.Assign(areas[0], config);
            var reviewer = config.Agents.FirstOrDefault(a => a.Reviews && !string.Equals(a.Name, agent.Name, StringComparison.OrdinalIgnoreCase));
            var risk = snapshot.Labels.FirstOrDefault(Labels.IsRisk) ?? "risk:unknown";
            var order = WorkOrderFactory.Create(forge.Name, snapshot, areas[0], risk, ownership with { Owner = agent, Reviewer = ownership.Reviewer is { } r && r.Name != agent.Name ? r : reviewer ?? agent },
                config, attempt: 1, session.Clock.GetUtcNow());

            var remote = await forge.GetGitRemoteAsync(ct);
            var cache = new RepositoryCache(Path.Combine(session.StateDirectory, "cache", "repo.git"));
            var main = await forge.ObserveAsync(ct);
            var baseSha = await cache.SyncAsync(remote, main.DefaultBranch, ct);
            var result = await session.CreateRunner().RunAuthorAsync(new AuthorRequest(order, agent, config, cache.Path, baseSha), ct);
            await session.Store.SaveRunAsync(forge.Name, result.Run, RunOutcomes.Of(result.Outcome), ct);
            var pushed = false;
            if (parse.GetValue(push) && result.Outcome == AttemptOutcome.Committed)
            {
                await forge.PushBranchAsync(cache.Path, order.Branch, await RepositoryCache.RemoteShaAsync(remote, order.Branch, cache.Path, ct), ct);
                pushed = true;
            }

            var patchFile = result.Run.LogPath is { } log ? Path.Combine(Path.GetDirectoryName(log)!, AgentRunner.ChangePatchFile) : null;
            var diff = patchFile is not null && File.Exists(patchFile) ? await File.ReadAllTextAsync(patchFile, ct) : string.Empty;
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { outcome = result.Outcome, allowed = result.Outcome == AttemptOutcome.Committed, reasons = result.Reasons, result.CommitSha, branch = order.Branch, pushed, run = result.Run, diff }, ct);
            }
            else
            {
                var console = cli.Console;
                console.MarkupLine($"[bold]work order[/] {Markup.Escape($"{order.Id}: #{order.Issue} {order.Title} — lane {order.Lane.Letter()} ({order.Lane.Name()}), owner {order.Owner}, branch {order.Branch}")}");
                console.WriteLine(diff.Length == 0 ? "(no diff)" : diff);
                var verdict = result.Outcome == AttemptOutcome.Committed ? "[green]passes the guardrails[/]" : $"[red]{Markup.Escape(result.Outcome.ToString())}[/]";
                console.MarkupLine($"[bold]verdict[/] {verdict}");
                foreach (var reason in result.Reasons)
                {
                    console.MarkupLine(Markup.Escape($"  • {reason.Message} ({reason.Code})"));
                }

                var run = result.Run;
                console.MarkupLine(Markup.Escape($"run {run.Id}: {string.Join(' ', run.CommandLine)} — {run.ExitReason} (exit {run.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) in {Autoship.Core.Config.Durations.Human(run.EndedAt - run.StartedAt)}; {run.DiffStat}; validation {run.ValidationCommand ?? "none"} → {run.ValidationExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not run"}; log {run.LogPath}"));
                console.MarkupLine(pushed ? Markup.Escape($"pushed {order.Branch}") : "pushed nothing (pass --push to push the branch)");
            }

            return result.Outcome == AttemptOutcome.Committed ? ExitCodes.Ok : ExitCodes.Problem;
        });
        return command.WithExamples("# one attempt of the docs agent on issue 12, nothing pushed", "autoship agent run docs-maintainer --issue 12 -R octo/hello", "autoship agent run api-engineer --issue 7 --forge local:./demo --json");
    }

    private static AutoshipConfig LoadForgeConfig(string? text)
    {
        if (text is null)
        {
            throw new CliUsageException($"the forge has no {AutoshipConfig.DefaultPath} on its default branch; pass --config FILE");
        }

        var loaded = ConfigLoader.Load(text, AutoshipConfig.DefaultPath);
        return loaded.Config ?? throw new CliUsageException("the forge's configuration is invalid:\n  " + string.Join("\n  ", loaded.Errors));
    }
}
