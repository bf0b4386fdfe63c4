using Autoship.Cli.Reporting;
using Autoship.Cli.Help;
using System.CommandLine;
using Autoship.Cli.Context;
using Autoship.Cli.Doctor;
using Autoship.Forge;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class ProtectCommand
{
    public static Command Create()
    {
        var forge = ForgeOptions.Any(actAs: true);
        var config = CommonOptions.Config();
        var output = new OutputOptions();
        var dryRun = CommonOptions.DryRun();
        var command = new Command("protect", "Apply the seed's branch protections (pull requests, approvals, required checks incl. autoship/gate, no force pushes or deletions) and, on GitHub, auto-merge and squash merging. Shows the difference first.")
        {
            config, dryRun,
        };
        forge.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, output, forge, config);
            await using var target = await cli.OpenForgeAsync(ct);
            var settings = await cli.LoadConfigAsync(target, ct);
            var branch = settings.Protections.Branch;
            var current = await target.RequireSetup().GetBranchProtectionAsync(branch, ct);
            var desired = ProtectionPlan.Desired(settings, current);
            var protection = ProtectionPlan.Diff(current, desired).ToList();
            var setup = target.RequireSetup();
            var wanted = new MergeSettings(settings.Protections.AllowAutoMerge, AllowSquashMerge: true);
            var merging = await setup.GetMergeSettingsAsync(ct) is { } now
                ? new List<SettingChange>
                {
                    new("repository: allow auto-merge", YesNo(now.AllowAutoMerge), YesNo(wanted.AllowAutoMerge)),
                    new("repository: allow squash merging", YesNo(now.AllowSquashMerge), YesNo(wanted.AllowSquashMerge)),
                }
                : [];
            var changes = protection.Concat(merging).ToList();

            var apply = !parse.GetValue(dryRun);
            if (apply && protection.Any(c => c.Changed))
            {
                await setup.SetBranchProtectionAsync(branch, desired, ct);
            }

            if (apply && merging.Any(c => c.Changed))
            {
                await setup.SetMergeSettingsAsync(wanted, ct);
            }

            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { forge = target.Name, branch, dryRun = !apply, changed = changes.Any(c => c.Changed), changes }, ct);
                return ExitCodes.Ok;
            }

            var console = CommandContext.For(parse).Console;
            var table = new CliTable("setting", "current", "desired", "");
            foreach (var c in changes)
            {
                table.AddRow(Markup.Escape(c.Setting), Markup.Escape(c.Current), Markup.Escape(c.Desired), c.Changed ? "change" : "ok");
            }

            console.Write(table);
            console.WriteLine(!changes.Any(c => c.Changed) ? $"{target.Name} {branch}: already protected as the seed recommends"
                : apply ? $"{target.Name} {branch}: protections applied"
                : $"{target.Name} {branch}: dry run, nothing changed");
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship protect --dry-run", "autoship protect -R octo/hello", "autoship protect --forge local:./forge --as alice");
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
