using Autoship.Cli.Help;
using Autoship.Cli.Context;
using Autoship.Cli.Progress;
using Autoship.Cli.Reporting;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Engine.Loop;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var command = new Command("run", "Run the control loop on the configured schedule (loop.schedule, default every 15 minutes) until stopped. Ctrl-C finishes the current action cleanly.");
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = engine.Context(parse);
            var console = cli.Console;
            await using var session = await cli.OpenSessionAsync(ct);
            using var progress = CliProgress.For(cli);
            var scheduler = new TickScheduler(session.Clock, TimeSpan.Zero);
            // Jobs run as tasks of this process; each one that finishes wakes the loop to collect it.
            session.UseWorkerPool(scheduler.Wake, progress.Sink);
            var reconciler = session.CreateReconciler(progress: progress.Sink);
            var schedule = session.ConfigOverride?.Loop.Schedule ?? Autoship.Core.Config.ConfigDefaults.Schedule;
            try
            {
                await scheduler.RunAsync(() => schedule, async token =>
                {
                    var report = await progress.RunAsync(() => reconciler.TickAsync(false, token));
                    TickCommand.Print(console, report);
                    schedule = report.Schedule ?? schedule;
                }, next => console.MarkupLine(Markup.Escape($"next tick at {next:u} (schedule '{schedule}'); Ctrl-C to stop")), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                console.MarkupLine("stopped.");
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship run -R octo/hello", "autoship run --forge local:./forge --store postgres://autoship@localhost/autoship");
    }
}
