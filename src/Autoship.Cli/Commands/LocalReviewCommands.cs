using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Forge;

namespace Autoship.Cli.Commands;

/// <summary><c>local approve</c> and <c>local request-changes</c>: a person's review on the pull request's current head.</summary>
internal static class LocalReviewCommands
{
    public static Command Approve() => Review("approve", "Approve a pull request's current head as --as (needs write access).", ReviewVerdict.Approve, bodyRequired: false);

    public static Command RequestChanges() => Review("request-changes", "Request changes on a pull request as --as (needs write access).", ReviewVerdict.RequestChanges, bodyRequired: true);

    private static Command Review(string name, string description, ReviewVerdict verdict, bool bodyRequired)
    {
        var number = new Argument<int>("PR") { Description = "The pull request number." };
        var body = new Option<string?>("--body") { Description = "The review text.", Required = bodyRequired };
        var command = new Command(name, description) { number, body };
        LocalAction.Set(command, null, async (cli, local, parse, ct) =>
        {
            var review = await local.SubmitPersonReviewAsync(parse.GetValue(number), verdict, parse.GetValue(body) ?? string.Empty, ct);
            var what = verdict == ReviewVerdict.Approve ? "approved" : "requested changes on";
            parse.InvocationConfiguration.Output.WriteLine($"{review.Reviewer.Login} {what} #{parse.GetValue(number)} at {LocalCli.Short(review.CommitSha)}.");
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship local approve 34 --forge ./forge --as alice", "autoship local request-changes 34 --forge ./forge --as alice --body 'Please add a test'");
    }
}
