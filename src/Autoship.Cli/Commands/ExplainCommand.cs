using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using System.Globalization;
using Autoship.Cli.Engine;
using Autoship.Cli.Reporting;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Engine.Explain;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class ExplainCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var output = new OutputOptions();
        var target = new Argument<string>("item") { Description = "The issue (#12 or 12) or the pull request (pr/34)." };
        var command = new Command("explain", "Say, in plain words, where one item stands and why: its lane, gate decision, what a human must do, and its whole history (events and agent runs).");
        command.Arguments.Add(target);
        engine.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = engine.Context(parse, output);
            var (number, isPr) = ParseTarget(parse.GetValue(target)!);
            await using var session = await cli.OpenSessionAsync(ct);
            var explanation = await ItemExplainer.ExplainAsync(session.Forge, session.Store, session.CreateReconciler(), number, isPr, ct);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(explanation, ct);
                return ExitCodes.Ok;
            }

            Print(cli.Console, explanation);
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship explain 12", "autoship explain pr/34 -R octo/hello", "autoship explain 12 --json --jq '.view.reasons[].message'");
    }

    internal static (int Number, bool IsPullRequest) ParseTarget(string text)
    {
        var t = text.Trim();
        var isPr = t.StartsWith("pr/", StringComparison.OrdinalIgnoreCase) || t.StartsWith("pr#", StringComparison.OrdinalIgnoreCase);
        var digits = isPr ? t[3..] : t.TrimStart('#');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new CliUsageException($"'{text}' is not an item: expected an issue (#12 or 12) or a pull request (pr/34)");
        }

        return (n, isPr);
    }

    public static void Print(IAnsiConsole console, ItemExplanation e)
    {
        console.MarkupLine($"[bold]#{e.View.Issue}[/] {Markup.Escape(e.View.Title)}");
        console.MarkupLine(Markup.Escape(e.Summary));
        if (e.View.Reasons.Count > 0)
        {
            console.MarkupLine("[bold]Why[/]");
            foreach (var r in e.View.Reasons)
            {
                console.MarkupLine(Markup.Escape($"  • {ReasonText.Describe(r)}"));
            }
        }

        if (e.Failure is { } failure)
        {
            PrintFailure(console, failure);
        }

        if (e.View.HumanActions.Count > 0)
        {
            console.MarkupLine("[bold yellow]What a human must do[/]");
            foreach (var a in e.View.HumanActions)
            {
                console.MarkupLine(Markup.Escape($"  → {a}"));
            }
        }

        if (e.Runs.Count > 0)
        {
            var runs = new CliTable("agent run", "role", "attempt", "ended", "spent", "diff", "validation", "log");
            foreach (var stored in e.Runs)
            {
                var r = stored.Run;
                var ended = RunEnded.Of(stored);
                if (r.EgressRefused.Count > 0)
                {
                    ended += $" (egress refused: {string.Join(", ", r.EgressRefused)})";
                }

                runs.AddRow(Markup.Escape(r.Agent), r.Role.Wire(), $"{r.Attempt}", Markup.Escape(ended), Markup.Escape(RunUsage.Describe(r.Usage)), Markup.Escape(r.DiffStat),
                    Markup.Escape(r.ValidationCommand is null ? "—" : $"{r.ValidationCommand} → {r.ValidationExitCode?.ToString(CultureInfo.InvariantCulture) ?? "not run"}"), Markup.Escape(r.LogPath ?? "—"));
            }

            console.Write(runs);
        }

        if (e.History.Count > 0)
        {
            var history = new CliTable("when", "what", "outcome", "details");
            foreach (var h in e.History)
            {
                history.AddRow($"{h.At:yyyy-MM-dd HH:mm:ss}", Markup.Escape(h.Kind), Markup.Escape(h.Outcome), Markup.Escape(ReasonText.With(h.Message, h.Reasons)));
            }

            console.Write(history);
        }
        else
        {
            console.MarkupLine("[grey]No recorded history in this store (the forge's comment above is the source of truth).[/]");
        }
    }

    /// <summary>What failed, in its log's last lines (already stripped of control characters; escaped for markup here).</summary>
    private static void PrintFailure(IAnsiConsole console, FailureDetail failure)
    {
        console.MarkupLine($"[bold red]What failed[/]: {Markup.Escape(failure.Title)}");
        foreach (var line in failure.Tail)
        {
            console.MarkupLine(Markup.Escape("  │ " + line));
        }

        console.MarkupLine(Markup.Escape($"  the whole log: {failure.Log}"));
    }
}
