using Autoship.Cli.Help;
using Autoship.Cli.Context;
using Autoship.Cli.Reporting;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary><c>autoship pause [lane]</c> and <c>autoship resume [lane]</c>: no lane means everything (the kill switch).</summary>
internal static class PauseCommand
{
    public static Command Create(bool pause)
    {
        var engine = new EngineOptions();
        var lane = new Argument<string?>("lane") { Description = "safe, staging or human (A, B, C); omit to " + (pause ? "stop everything (kill switch)" : "lift the kill switch"), Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(pause ? "pause" : "resume", pause
            ? "Pause one lane (no new agents start in it and nothing in it merges) or, without a lane, everything (the kill switch)."
            : "Resume a paused lane or, without a lane, lift the kill switch and reset the agents' circuit breakers.");
        command.Arguments.Add(lane);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            Lane? target = null;
            if (parse.GetValue(lane) is { } text)
            {
                if (!LaneNames.TryParse(text, out var parsed))
                {
                    throw new CliUsageException($"'{text}' is not a lane: expected safe, staging or human (or A, B, C)");
                }

                target = parsed;
            }

            await using var session = await engine.Context(parse).OpenSessionAsync(ct);
            var controls = await Toggle(session.Store, session.Forge.Name, target, pause, ct);
            if (!pause && target is null)
            {
                // A person looked: agents whose circuit breaker opened may start again.
                await session.Store.SetSettingAsync(session.Forge.Name, Autoship.Engine.Reconcile.SpendGuard.BreakerResetSetting,
                    session.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), ct);
            }

            engine.Context(parse).Console.MarkupLine(Markup.Escape(Describe(controls)));
            return ExitCodes.Ok;
        });
        return command.WithExamples("# stop everything at once (the kill switch)", "autoship pause", "# stop only lane C, then resume it", "autoship pause human && autoship resume human");
    }

    public static async Task<RuntimeControls> Toggle(IStateStore store, string repository, Lane? lane, bool pause, CancellationToken cancellationToken)
    {
        var current = await store.GetControlsAsync(repository, cancellationToken);
        var next = lane is { } l
            ? current with { PausedLanes = pause ? current.PausedLanes.Append(l).Distinct().ToList() : current.PausedLanes.Where(x => x != l).ToList() }
            : current with { KillSwitch = pause };
        await store.SetControlsAsync(repository, next, cancellationToken);
        return next;
    }

    public static string Describe(RuntimeControls c) =>
        c.KillSwitch ? "kill switch ON: no agent starts and nothing merges" :
        c.PausedLanes.Count == 0 ? "running: no lane is paused" :
        "paused: " + string.Join(", ", c.PausedLanes.Select(l => $"lane {l.Letter()} ({l.Name()})"));
}
