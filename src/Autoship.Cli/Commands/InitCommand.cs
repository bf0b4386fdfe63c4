using Autoship.Cli.Help;
using System.CommandLine;
using Autoship.Cli.Init;
using Autoship.Core.Config;

namespace Autoship.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var path = new Option<DirectoryInfo?>("--path") { Description = "The repository to set up (default: the current directory)." };
        var dryRun = CommonOptions.DryRun();
        var force = new Option<bool>("--force") { Description = "Overwrite the configuration and workflow if they exist." };
        var checks = new Option<string?>("--required-checks")
        {
            Description = "Comma-separated check names for validation.requiredChecks, instead of the ones found in the " +
                "workflows (e.g. 'ci', the check a local forge reports).",
        };
        var command = new Command(
            "init",
            "Write .github/autoship.yml (the seed's operating model), the .github/workflows/autoship.yml workflow " +
            "and, if missing, scripts/test.sh with the detected test command. The configuration fits the repository: " +
            "its source roots become the `code` area (lane B), tests, docs and infrastructure join their areas, the " +
            "required checks are the job names its workflows report on pull requests, and lane B waits for a staging " +
            "deployment only if a workflow makes one.")
        {
            path, dryRun, force, checks,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var root = parse.GetValue(path)?.FullName ?? Directory.GetCurrentDirectory();
            if (!Directory.Exists(root))
            {
                throw new CliUsageException($"no such directory: {root}");
            }

            var scan = RepositoryScan.Read(root);
            if (parse.GetValue(checks) is { } given)
            {
                var names = given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (names.Length == 0)
                {
                    throw new CliUsageException("--required-checks needs at least one check name, e.g. --required-checks ci");
                }

                scan = scan with { Layout = scan.Layout with { RequiredChecks = names, ChecksNote = "Given to `autoship init --required-checks`." } };
            }

            var detected = scan.Toolchains;
            var files = InitPlan.Files(detected, scan.Layout);
            InitWriter.Apply(root, files, parse.GetValue(dryRun), parse.GetValue(force), output);
            if (parse.GetValue(dryRun))
            {
                output.WriteLine("how changes would be owned (path → area → owner → lane):");
                InitTable.Write(output, DefaultConfig.LoadText(files[0].Content), RepositoryScan.SamplePaths(root));
            }

            Summarize(output, scan);
            output.WriteLine(detected.Count == 0
                ? $"warning: {TestScript.NothingDetected}"
                : $"test command detected: {string.Join(", ", detected.Select(TestScript.Command))}");
            if (!parse.GetValue(dryRun))
            {
                output.WriteLine("next: review .github/autoship.yml, run 'autoship config validate', then 'autoship labels sync' and 'autoship protect'.");
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("# the files and the path → area → owner → lane table, nothing written", "autoship init --dry-run", "autoship init --path ../my-repo", "# for a local forge (autoship local import)", "autoship init --required-checks ci");
    }

    private static void Summarize(TextWriter output, RepositoryScan scan)
    {
        var checks = scan.Layout.RequiredChecks;
        output.WriteLine(checks is null
            ? "required checks: none in .github/workflows; kept `ci` (the local forge's check)"
            : $"required checks: {string.Join(", ", checks)}");
        output.WriteLine(scan.Layout.StagingEnvironment is { } staging
            ? $"lane B waits for a deployment to {staging} (a workflow deploys pull requests there)"
            : "lane B: nothing deploys pull requests to staging; B merges on review and checks");
        foreach (var note in scan.Workflows.Notes)
        {
            output.WriteLine("note: " + note);
        }
    }
}
