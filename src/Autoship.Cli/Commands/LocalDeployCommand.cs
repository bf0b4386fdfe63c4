using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Local;

namespace Autoship.Cli.Commands;

internal static class LocalDeployCommand
{
    public static Command Create()
    {
        var gitRef = new Option<string>("--ref") { Description = "The branch, tag or commit to deploy.", Required = true };
        var environment = new Option<string>("--env") { Description = "The environment (runs scripts/deploy-ENV.sh).", DefaultValueFactory = _ => "staging" };
        var command = new Command("deploy", "Deploy a ref to an environment and record the deployment.") { gitRef, environment };
        LocalAction.Set(command, null, async (cli, local, parse, ct) =>
        {
            var deployment = await local.DeployAsync(parse.GetValue(gitRef)!, parse.GetValue(environment)!, ct);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Deployment of {LocalCli.Short(deployment.Sha)} to {deployment.Environment}: {deployment.State.ToString().ToLowerInvariant()} (log: {deployment.Url})");
            return deployment.State == Core.DeploymentState.Success ? ExitCodes.Ok : ExitCodes.Problem;
        });
        return command.WithExamples("autoship local deploy --forge ./forge --ref autoship/12-fix-typo --env staging");
    }
}
