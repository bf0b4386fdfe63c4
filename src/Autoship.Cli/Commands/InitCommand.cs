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
        var command = new Command(
            "init",
            "Write .github/autoship.yml (the seed's operating model), the .github/workflows/autoship.yml workflow " +
            "and, if missing, scripts/test.sh with the detected test command.")
        {
            path, dryRun, force,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var root = parse.GetValue(path)?.FullName ?? Directory.GetCurrentDirectory();
            if (!Directory.Exists(root))
            {
                throw new CliUsageException($"no such directory: {root}");
            }

            var detected = ProjectDetector.Detect(root);
            InitWriter.Apply(root, InitPlan.Files(detected), parse.GetValue(dryRun), parse.GetValue(force), output);
            output.WriteLine(detected.Count == 0
                ? $"warning: {TestScript.NothingDetected}"
                : $"test command detected: {string.Join(", ", detected.Select(TestScript.Command))}");
            if (!parse.GetValue(dryRun))
            {
                output.WriteLine("next: review .github/autoship.yml, run 'autoship config validate', then 'autoship labels sync' and 'autoship protect'.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
