using System.CommandLine;
using Autoship.Cli.Doctor;
using Autoship.Forge;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class ProtectCommand
{
    public static Command Create()
    {
        var forge = CommonOptions.Forge();
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var dryRun = CommonOptions.DryRun();
        var tokenEnv = SetupSupport.TokenEnv();
        var apiUrl = SetupSupport.ApiUrl();
        var actAs = SetupSupport.ActAs();
        var command = new Command("protect", "Apply the seed's branch protections (pull requests, approvals, required checks incl. autoship/gate, no force pushes or deletions) and, on GitHub, auto-merge and squash merging. Shows the difference first.")
        {
            forge, config, dryRun, json, tokenEnv, apiUrl, actAs,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var target = await SetupSupport.OpenAsync(parse, forge, tokenEnv, apiUrl, actAs, ct);
            var settings = await SetupSupport.LoadConfigAsync(parse.GetValue(config), target, ct);
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

            if (parse.GetValue(json))
            {
                SetupSupport.WriteJson(parse, new { forge = target.Name, branch, dryRun = !apply, changed = changes.Any(c => c.Changed), changes });
                return ExitCodes.Ok;
            }

            var console = SetupSupport.Console(parse);
            var table = new Table().AddColumns("setting", "current", "desired", "");
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
        return command;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
