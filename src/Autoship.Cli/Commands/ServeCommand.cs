using Autoship.Cli.Help;
using Autoship.Cli.Context;
using Autoship.Cli.Reporting;
using Autoship.Engine.Loop;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Server.Access;
using Autoship.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary><c>autoship serve</c>: the loop (schedule + webhooks) with the dashboard, the JSON API, /healthz, /readyz and /metrics.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var urls = Urls();
        var command = new Command("serve",
            "Run the control loop with a web dashboard, webhook receiver (/webhooks/github) and metrics (/metrics). " +
            $"Binds to loopback by default; any other address needs {ServerOptions.DashboardTokenVariable}. Webhooks need {ServerOptions.WebhookSecretVariable}.");
        engine.AddTo(command);
        command.Options.Add(urls);
        command.SetAction(async (parse, ct) => await ServeAsync(engine.Context(parse).Console, engine.Read(parse), parse.GetValue(urls), ct));
        return command.WithExamples("autoship serve --forge local:./forge", "AUTOSHIP_DASHBOARD_TOKEN=... autoship serve -R octo/hello --urls http://0.0.0.0:8080");
    }

    public static Option<string?> Urls() => new("--urls")
    {
        Description = $"Where to listen, ';'-separated (default {ServerOptions.DefaultUrls}).",
    };

    /// <summary>Serves until Ctrl-C; the action under way finishes before the process exits.</summary>
    public static async Task<int> ServeAsync(IAnsiConsole console, EngineArgs args, string? urls, CancellationToken cancellationToken)
    {
        var options = ServerOptions.FromEnvironment(urls);
        try
        {
            BindingCheck.Validate(options);
        }
        catch (ServerConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }

        await using var session = await EngineSession.OpenAsync(args, cancellationToken);
        TickScheduler? scheduler = null;
        // Jobs run as tasks of the server; each one that finishes wakes the loop to collect it.
        session.UseWorkerPool(() => scheduler?.Wake());
        var engine = new ServerEngine(session.Forge, session.Store, (o, logger) => session.CreateReconciler(o, logger), session.StateDirectory, session.Clock)
        {
            ConfigOverride = session.ConfigOverride,
        };
        await using var app = AutoshipServer.Build(engine, options);
        scheduler = (TickScheduler?)app.Services.GetService(typeof(TickScheduler));
        await app.StartAsync(cancellationToken);
        console.MarkupLine(Markup.Escape($"Autoship dashboard for {session.Forge.Name}: {string.Join(", ", app.Urls)}"));
        if (options.WebhookSecret is null)
        {
            console.MarkupLine(Markup.Escape($"webhooks are off: set {ServerOptions.WebhookSecretVariable} to accept signed deliveries at /webhooks/github"));
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
