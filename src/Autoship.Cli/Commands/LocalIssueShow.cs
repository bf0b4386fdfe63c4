using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Core;

namespace Autoship.Cli.Commands;

internal static class LocalIssueShow
{
    public static Command Create()
    {
        var number = new Argument<int>("N") { Description = "The issue number." };
        var output = new OutputOptions();
        var command = new Command("show", "Show an issue: labels, assignees, comments and the label timeline.") { number };
        LocalAction.Set(command, output, async (cli, local, parse, ct) =>
        {
            var issue = await local.GetIssueAsync(parse.GetValue(number), ct)
                ?? throw new Forge.ForgeException("not-found", $"no issue #{parse.GetValue(number)} (pull requests: use 'autoship local pr show')");
            var comments = await local.ListCommentsAsync(issue.Number, ct);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { issue, comments }, ct);
                return ExitCodes.Ok;
            }

            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"#{issue.Number} {issue.Title} ({(issue.Open ? "open" : "closed")})");
            o.WriteLine($"labels:    {LocalCli.List(issue.Labels)}");
            o.WriteLine($"assignees: {LocalCli.List(issue.Assignees)}");
            if (issue.Body.Length > 0)
            {
                o.WriteLine();
                o.WriteLine(issue.Body.TrimEnd());
            }

            o.WriteLine();
            o.WriteLine("label timeline:");
            foreach (var e in issue.LabelEvents)
            {
                o.WriteLine($"  {e.At:yyyy-MM-dd HH:mm} {(e.Added ? "+" : "-")}{e.Label} by {e.Actor.Login} ({Access(e.Actor.Permission)})");
            }

            o.WriteLine($"comments ({comments.Count}):");
            foreach (var c in comments)
            {
                o.WriteLine($"  --- {c.Author} at {c.UpdatedAt:yyyy-MM-dd HH:mm}");
                foreach (var line in c.Body.TrimEnd().Split('\n'))
                {
                    o.WriteLine("  " + line);
                }
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship local issue show 12 --forge ./forge", "autoship local issue show 12 --forge ./forge --json --jq '.comments[].body'");
    }

    private static string Access(Permission permission) => permission.ToString().ToLowerInvariant();
}
