using Autoship.Cli.Reporting;
using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class LocalIssueCommand
{
    public static Command Create() => new Command("issue", "Create, list, show and close issues.") { CreateIssue(), List(), LocalIssueShow.Create(), Close() }.WithExamples("autoship local issue list --forge ./forge", "autoship local issue show 12 --forge ./forge");

    private static Command CreateIssue()
    {
        var title = new Option<string>("--title") { Description = "The issue's title.", Required = true };
        var body = new Option<string?>("--body") { Description = "The issue's body." };
        var bodyFile = new Option<FileInfo?>("--body-file") { Description = "Read the body from this file." };
        var labels = new Option<string[]>("--label") { Description = "A label to apply (repeatable)." };
        var output = new OutputOptions();
        var command = new Command("create", "Open an issue as --as.") { title, body, bodyFile, labels };
        var forge = ForgeOptions.Local();
        forge.AddTo(command);
        output.AddTo(command);
        command.SetAction((parse, ct) => CommandContext.For(parse, output, forge).RunAsync(async () =>
        {
            var file = parse.GetValue(bodyFile);
            if (file is not null && parse.GetValue(body) is not null)
            {
                throw new CliUsageException("pass --body or --body-file, not both");
            }

            if (file is not null && !file.Exists)
            {
                throw new CliUsageException($"--body-file {file.FullName} does not exist");
            }

            var text = file is null ? parse.GetValue(body) ?? string.Empty : await File.ReadAllTextAsync(file.FullName, ct);
            var cli = CommandContext.For(parse, output, forge);
            await using var local = await cli.OpenLocalForgeAsync(ct);
            var issue = await local.CreateIssueAsync(parse.GetValue(title)!, text, parse.GetValue(labels) ?? [], ct);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { issue }, ct);
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine($"Created issue #{issue.Number}: {issue.Title} [{LocalCli.List(issue.Labels)}]");
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples("autoship local issue create --forge ./forge --title 'Fix typo in guide' --label autonomy:ready --label area:docs", "autoship local issue create --forge ./forge --title 'Add endpoint' --body-file issue.md --as bob");
    }

    private static Command List()
    {
        var state = new Option<string>("--state") { Description = "open, closed or all.", DefaultValueFactory = _ => "open" };
        state.AcceptOnlyFromAmong("open", "closed", "all");
        var output = new OutputOptions();
        var command = new Command("list", "List issues.") { state };
        LocalAction.Set(command, output, async (cli, local, parse, ct) =>
        {
            var issues = await local.ListIssuesAsync(parse.GetValue(state)!, ct);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { issues }, ct);
                return ExitCodes.Ok;
            }

            var table = new CliTable("#", "state", "title", "labels", "assignees");
            foreach (var i in issues)
            {
                table.AddRow(i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Open ? "open" : "closed", Markup.Escape(i.Title),
                    Markup.Escape(LocalCli.List(i.Labels)), Markup.Escape(LocalCli.List(i.Assignees)));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship local issue list --forge ./forge", "autoship local issue list --forge ./forge --state all --json");
    }

    private static Command Close()
    {
        var number = new Argument<int>("N") { Description = "The issue number." };
        var notPlanned = new Option<bool>("--not-planned") { Description = "Close it as not planned (issues blocked by it keep waiting and say so)." };
        var command = new Command("close", "Close an issue (as completed, or --not-planned).") { number, notPlanned };
        LocalAction.Set(command, null, async (cli, local, parse, ct) =>
        {
            if (parse.GetValue(notPlanned))
            {
                await local.CloseIssueAsNotPlannedAsync(parse.GetValue(number), ct);
            }
            else
            {
                await local.CloseIssueAsync(parse.GetValue(number), ct);
            }

            parse.InvocationConfiguration.Output.WriteLine($"Closed #{parse.GetValue(number)}{(parse.GetValue(notPlanned) ? " as not planned" : string.Empty)}.");
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship local issue close 12 --forge ./forge", "autoship local issue close 12 --forge ./forge --not-planned");
    }
}
