using System.CommandLine;
using Autoship.Cli.Doctor;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class DoctorCommand
{
    public static Command Create()
    {
        var forge = CommonOptions.Forge();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var tokenEnv = SetupSupport.TokenEnv();
        var apiUrl = SetupSupport.ApiUrl();
        var command = new Command("doctor", "Check that the repository, the forge and this machine are set up for Autoship; prints a fix for each problem. Exit 1 when a check fails.")
        {
            forge, config, json, tokenEnv, apiUrl,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var target = await SetupSupport.OpenAsync(parse, forge, tokenEnv, apiUrl, ct);
            var settings = await SetupSupport.LoadConfigAsync(parse.GetValue(config), target, ct);
            var context = new DoctorContext(target, settings, new RepositoryFiles(target), Environment.GetEnvironmentVariable);
            var results = await DoctorChecks.RunAsync(DoctorChecks.All(), context, ct);
            var failed = results.Any(r => r.Status == DoctorStatus.Fail);
            if (parse.GetValue(json))
            {
                SetupSupport.WriteJson(parse, new { forge = target.Name, ok = !failed, checks = results, usage = target.Usage });
            }
            else
            {
                Print(parse, target.Name, results);
            }

            return failed ? ExitCodes.Problem : ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(ParseResult parse, string forgeName, IReadOnlyList<DoctorResult> results)
    {
        var console = SetupSupport.Console(parse);
        var table = new Table().AddColumns("", "check", "finding", "fix");
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
