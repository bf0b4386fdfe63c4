using System.Collections.Concurrent;
using Autoship.Agents;
using Autoship.Core.Progress;
using Spectre.Console;

namespace Autoship.Cli.Progress;

/// <summary>
/// Progress on a terminal (stderr): a Spectre status line with what runs, for how long and its last output line,
/// refreshed a few times a second; a step that ran a while leaves a line (• … finished in …: outcome) above it when it ends.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, TimeProvider time) : ICliProgress, IAgentProgress
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WorthALine = ProgressThrottle.Default.StartDelay;

    private readonly object gate = new();
    private readonly List<(ProgressStep Step, DateTimeOffset Started, string? Line)> running = [];
    private readonly ConcurrentQueue<string> ended = new();
    private volatile bool live;

    public IAgentProgress? Sink => this;

    public void Started(ProgressStep step)
    {
        lock (gate)
        {
            running.Add((step, time.GetUtcNow(), null));
        }
    }

    public void Line(ProgressStep step, string line)
    {
        lock (gate)
        {
            var i = running.FindIndex(r => r.Step.Id == step.Id);
            if (i >= 0)
            {
                running[i] = running[i] with { Line = line };
            }
        }
    }

    public void Finished(ProgressStep step, string outcome)
    {
        DateTimeOffset started;
        lock (gate)
        {
            var i = running.FindIndex(r => r.Step.Id == step.Id);
            started = i >= 0 ? running[i].Started : time.GetUtcNow();
            if (i >= 0)
            {
                running.RemoveAt(i);
            }
        }

        var elapsed = time.GetUtcNow() - started;
        if (elapsed < WorthALine)
        {
            return;
        }

        // The outcome says how it went (ok, failed, refused…); the mark only says it ended.
        var line = $"[grey]•[/] {Markup.Escape(Fit($"{step.What} finished in {ElapsedText.Took(elapsed)}: {outcome}", 2))}";
        if (live)
        {
            ended.Enqueue(line);
        }
        else
        {
            console.MarkupLine(line);
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> body)
    {
        live = true;
        try
        {
            return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Status(), async context =>
            {
                var work = body();
                while (!work.IsCompleted)
                {
                    Flush();
                    context.Status(Status());
                    await Task.WhenAny(work, Task.Delay(Refresh, time));
                }

                Flush();
                return await work;
            });
        }
        finally
        {
            live = false;
            Flush();
        }
    }

    private void Flush()
    {
        while (ended.TryDequeue(out var line))
        {
            console.MarkupLine(line);
        }
    }

    /// <summary>The newest step that runs (the innermost: an agent inside its action), its time and last line.</summary>
    private string Status()
    {
        lock (gate)
        {
            if (running.Count == 0)
            {
                return "working…";
            }

            var (step, started, line) = running[^1];
            var more = running.Count > 1 ? $" (+{running.Count - 1})" : string.Empty;
            var text = $"{step.What}{more} · {ElapsedText.Format(time.GetUtcNow() - started)}" + (line is null ? string.Empty : $" · {line}");
            return Markup.Escape(Fit(text, 4));
        }
    }

    /// <summary>One terminal line: a wrapped status line would break the live display.</summary>
    private string Fit(string text, int margin) => TerminalText.Truncate(text, Math.Max(20, console.Profile.Width - margin));

    public void Dispose()
    {
    }
}
