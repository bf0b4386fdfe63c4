using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Forge;

namespace Autoship.Cli.Commands;

internal static class LocalMergeCommand
{
    public static Command Create()
    {
        var number = new Argument<int>("PR") { Description = "The pull request number." };
        var command = new Command("merge", "Squash-merge a pull request as --as, subject to branch protection.") { number };
        LocalAction.Set(command, null, async (cli, local, parse, ct) =>
        {
            var pr = await local.GetPullRequestAsync(parse.GetValue(number), ct)
                ?? throw new ForgeException("not-found", $"no pull request #{parse.GetValue(number)}");
            var result = await local.MergeAsync(pr.Number, pr.HeadSha, $"{pr.Title} (#{pr.Number})", pr.Body, ct);
            if (result.Outcome == MergeOutcome.Merged)
            {
                parse.InvocationConfiguration.Output.WriteLine($"Merged #{pr.Number} into {pr.BaseBranch} as {LocalCli.Short(result.MergeCommitSha ?? string.Empty)}.");
                return ExitCodes.Ok;
            }

            var error = parse.InvocationConfiguration.Error;
            await error.WriteLineAsync($"autoship: #{pr.Number} was not merged:");
            foreach (var reason in result.Reasons)
            {
                await error.WriteLineAsync($"  {reason.Code}: {reason.Message}");
            }

            return ExitCodes.Problem;
        });
        return command.WithExamples("autoship local merge 34 --forge ./forge --as alice");
    }
}
