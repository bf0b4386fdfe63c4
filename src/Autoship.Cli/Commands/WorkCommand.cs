using Autoship.Cli.Help;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Cli.Progress;
using Autoship.Engine.Executors;

namespace Autoship.Cli.Commands;

/// <summary>
/// <c>autoship work --job DIR</c>: runs one dispatched work order (the job directory's spec) and writes its result for
/// the next tick to collect. It holds no forge token and writes nothing to the forge; the local executor starts it
/// detached, the <c>autoship-agent.yml</c> workflow runs it on an Actions runner.
/// </summary>
internal static class WorkCommand
{
    public static Command Create()
    {
        var job = new Option<DirectoryInfo>("--job")
        {
            Description = "The job directory (spec.json in it; result.json is written there).",
            Required = true,
        };
        var repository = new Option<DirectoryInfo?>("--repository") { Description = "Run in this git repository instead of the spec's (an Actions runner's checkout)." };
        var stateDir = new Option<DirectoryInfo?>("--state-dir") { Description = "Keep runs and worktrees here instead of the spec's state directory." };
        var command = new Command("work", "Run one dispatched work order (a job) and write its result for the orchestrator to collect; never writes to the forge.");
        command.Options.Add(job);
        command.Options.Add(repository);
        command.Options.Add(stateDir);
        command.SetAction(async (parse, ct) =>
        {
            var dir = new JobDirectory(parse.GetValue(job)!.FullName);
            if (!File.Exists(dir.Spec))
            {
                throw new CliUsageException($"{dir.Spec}: no job spec (is this a job directory?)");
            }

            WorkerPid.WriteForThisProcess(dir);
            // Detached, stderr is the job's log: the agent's progress lines land there.
            using var progress = CliProgress.For(parse, parse.InvocationConfiguration.Error);
            var result = await progress.RunAsync(() => WorkRunner.RunAsync(dir, SessionExecutors.RunnerFor(TimeProvider.System, progress.Sink), ct,
                parse.GetValue(repository)?.FullName, parse.GetValue(stateDir)?.FullName));
            var name = Path.GetFileName(dir.Path);
            parse.InvocationConfiguration.Output.WriteLine(result switch
            {
                { Author: { } author } => $"job {name}: {author.Outcome}",
                { Review: { } review } => $"job {name}: review {review.Verdict}{(review.FailedClosed ? " (failed closed)" : string.Empty)}",
                _ => $"job {name}: {result.Error}",
            });
            return result.Answered ? ExitCodes.Ok : ExitCodes.Problem;
        });
        return command.WithExamples("autoship work --job .autoship/jobs/acme-app-42-a1");
    }
}
