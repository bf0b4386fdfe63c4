using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Forge;

namespace Autoship.Cli.Commands;

internal static class LocalPrShow
{
    public static Command Create()
    {
        var number = new Argument<int>("N") { Description = "The pull request number." };
        var output = new OutputOptions();
        var command = new Command("show", "Show a pull request: head, checks, reviews, deployments, files and the gate's status.") { number };
        LocalAction.Set(command, output, async (cli, local, parse, ct) =>
        {
            var p = await local.GetPullRequestAsync(parse.GetValue(number), ct)
                ?? throw new ForgeException("not-found", $"no pull request #{parse.GetValue(number)}");
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { pullRequest = p, state = LocalPrCommand.State(p), gate = LocalPrCommand.Gate(p) }, ct);
                return ExitCodes.Ok;
            }

            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"#{p.Number} {p.Title} ({LocalPrCommand.State(p)}) by {p.Author.Login}");
            o.WriteLine($"branch:  {p.HeadBranch} -> {p.BaseBranch}");
            o.WriteLine($"head:    {p.HeadSha}{(p.BehindBy is > 0 ? $" ({p.BehindBy} behind {p.BaseBranch})" : string.Empty)}{(p.Mergeable == false ? " CONFLICTS" : string.Empty)}");
            o.WriteLine($"labels:  {LocalCli.List(p.Labels)}");
            o.WriteLine($"gate:    {LocalPrCommand.Gate(p) ?? "(not evaluated yet)"}");
            if (p.MergeCommitSha is not null)
            {
                o.WriteLine($"merged:  {p.MergeCommitSha}");
            }

            o.WriteLine("checks:");
            foreach (var c in p.Checks)
            {
                o.WriteLine($"  {c.Name,-16} {c.State.ToString().ToLowerInvariant(),-9} {LocalCli.Short(c.Sha)}{(c.Sha == p.HeadSha ? " (head)" : " (old)")}  {c.Description}");
            }

            o.WriteLine("reviews:");
            foreach (var r in p.Reviews)
            {
                var who = r.Agent is null ? r.Reviewer.Login : $"{r.Reviewer.Login} for {r.Agent}";
                o.WriteLine($"  {who,-40} {r.State.ToString().ToLowerInvariant(),-16} {LocalCli.Short(r.CommitSha)}{(r.CommitSha == p.HeadSha ? " (head)" : " (old)")}");
            }

            o.WriteLine("deployments:");
            foreach (var d in p.Deployments)
            {
                o.WriteLine($"  {d.Environment,-10} {d.State.ToString().ToLowerInvariant(),-10} {LocalCli.Short(d.Sha)} at {d.At:yyyy-MM-dd HH:mm}");
            }

            o.WriteLine($"files ({p.Files.Count}, +{p.Files.Sum(f => f.Added)} -{p.Files.Sum(f => f.Deleted)}):");
            foreach (var f in p.Files)
            {
                o.WriteLine($"  {f.Kind.ToString().ToLowerInvariant(),-9} {(f.Binary ? "binary" : $"+{f.Added} -{f.Deleted}"),-10} {f.Path}{(f.OldPath is null ? string.Empty : $" (from {f.OldPath})")}");
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship local pr show 34 --forge ./forge", "autoship local pr show 34 --forge ./forge --json --jq .gate");
    }
}
