using Autoship.Cli.Reporting;
using Autoship.Cli.Help;
using System.CommandLine;
using Autoship.Cli.Context;
using Autoship.Cli.Doctor;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class DoctorCommand
{
    public static Command Create()
    {
        var forge = ForgeOptions.Any(actAs: true);
        var config = CommonOptions.Config();
        var output = new OutputOptions();
        var command = new Command("doctor", "Check that the repository, the forge and this machine are set up for Autoship; prints a fix for each problem. Exit 1 when a check fails.")
        {
            config,
        };
        forge.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, output, forge, config);
            await using var target = await cli.OpenForgeAsync(ct);
            var settings = await cli.LoadConfigAsync(target, ct);
            var context = new DoctorContext(target, settings, new RepositoryFiles(target), Environment.GetEnvironmentVariable);
            var results = await DoctorChecks.RunAsync(DoctorChecks.All(), context, ct);
            var failed = results.Any(r => r.Status == DoctorStatus.Fail);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { forge = target.Name, ok = !failed, checks = results, usage = target.Usage }, ct);
            }
            else
            {
                Print(parse, target.Name, results);
            }

            return failed ? ExitCodes.Problem : ExitCodes.Ok;
        });
        return command.WithExamples("autoship doctor", "autoship doctor -R octo/hello --json", "autoship doctor --forge local:./forge");
    }

    private static void Print(ParseResult parse, string forgeName, IReadOnlyList<DoctorResult> results)
    {
        var console = CommandContext.For(parse).Console;
        var table = new CliTable("", "check", "finding", "fix");
        foreach (var r in results)
        {
            var mark = r.Status switch
            {
                DoctorStatus.Ok => "[green]ok[/]",
                DoctorStatus.Warn => "[yellow]warn[/]",
                DoctorStatus.Fail => "[red]fail[/]",
                _ => "[grey]skip[/]",
            };
            table.AddRow(mark, Markup.Escape(r.Check), Markup.Escape(r.Message), Markup.Escape(r.Fix ?? string.Empty));
        }

        console.Write(table);
        var counts = string.Join(", ", Enum.GetValues<DoctorStatus>().Select(s => $"{results.Count(r => r.Status == s)} {s.ToString().ToLowerInvariant()}"));
        console.WriteLine($"{forgeName}: {counts}");
    }
}
