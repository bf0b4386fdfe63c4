using Autoship.Cli.Context;
using Autoship.Cli.Help;
using Autoship.Cli.Reporting;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Cli.Serve;
using Autoship.Engine.Executors;
using Autoship.Engine.Store;
using Autoship.Server.Access;
using Autoship.Server.Fleet;
using Autoship.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary>
/// <c>autoship serve</c>: the loop (schedule + webhooks) of one or many repositories with the dashboard, the JSON API,
/// /healthz, /readyz and /metrics. Replicas that share one store split the repositories between them.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var urls = Urls();
        // serve takes -R/--repo/--forge more than once (one repository each); the other forge options are the usual ones.
        var forge = new Option<string[]>("--repo", "-R", "--forge")
        {
            Description = "A repository to serve, repeatable: [HOST/]OWNER/REPO or github:OWNER/REPO on GitHub, local:DIR for the embedded local forge. " +
                "Default (with no --repos/--installation): GH_REPO, else this checkout's GitHub remote. Each reads its own .github/autoship.yml from its default branch.",
            HelpName = "repo",
            AllowMultipleArgumentsPerToken = false,
        };
        var repos = new Option<FileInfo?>("--repos")
        {
            Description = "A YAML file listing the repositories to serve ('repositories:' entries: a forge spec, or 'forge:' with an optional 'every:').",
        };
        var every = new Option<string?>("--every")
        {
            Description = "Tick every repository at this fixed interval (e.g. 30s, 5m) instead of its loop.schedule.",
        };
        var installation = new Option<bool>("--installation")
        {
            Description = "Also serve every repository of the GitHub App installation (AUTOSHIP_APP_ID, AUTOSHIP_APP_PRIVATE_KEY, AUTOSHIP_APP_INSTALLATION_ID), read at start.",
        };
        var leaseTtl = new Option<string?>("--lease-ttl")
        {
            Description = "How long a replica's hold on its repositories outlives its last heartbeat (renewed every third of it; default 30s).",
        };
        var command = new Command("serve",
            "Run the control loop with a web dashboard, webhook receiver (/webhooks/github) and metrics (/metrics). " +
            $"Binds to loopback by default; any other address needs {ServerOptions.DashboardTokenVariable}. Webhooks need {ServerOptions.WebhookSecretVariable}. " +
            "Several repositories: -R SPEC (repeated), --repos FILE or --installation, on one store (--store postgres://... for several replicas). " +
            "Every replica started with the same list and store takes at most its share of the repositories (ceil(repositories / live replicas)); " +
            "one that dies loses them to the others within its lease TTL.");
        command.Options.Add(forge);
        engine.AddTo(command, includeForge: false);
        foreach (var option in new Option[] { urls, repos, every, installation, leaseTtl })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var args = engine.Read(parse, forgeSpec: null);
            IReadOnlyList<string> fromApp = parse.GetValue(installation)
                ? await ForgeResolver.InstallationRepositoriesAsync(new ForgeOpenOptions(null, args.TokenEnv, args.ApiUrl, args.Clock), ct)
                : [];
            var given = parse.GetValue(forge) ?? [];
            var file = parse.GetValue(repos);
            // Nothing named at all: the repository of GH_REPO or this checkout, as every other command does.
            IReadOnlyList<string> specs = given.Length == 0 && file is null && fromApp.Count == 0 ? [CommandContext.ResolveForgeSpec(null)] : [.. given.Select(g => CommandContext.ResolveForgeSpec(g)), .. fromApp];
            var list = Repositories(null, specs, file, RepositoryList.Interval(parse.GetValue(every), "--every: "));
            var ttl = RepositoryList.Interval(parse.GetValue(leaseTtl), "--lease-ttl: ");
            var cli = CommandContext.For(parse);
            return await ServeAsync(cli.Console, args, list, parse.GetValue(urls), ct, ttl, parse.GetValue(AutoshipCli.Quiet) ? null : cli.Error);
        });
        return command.WithExamples(
            "autoship serve --forge local:./forge",
            "AUTOSHIP_DASHBOARD_TOKEN=... autoship serve -R octo/hello --urls http://0.0.0.0:8080",
            "# several repositories, several replicas on one PostgreSQL store",
            "autoship serve -R octo/app -R octo/docs --store postgres://autoship@db/autoship",
            "autoship serve --repos repos.yml --store postgres://autoship@db/autoship --every 1m",
            "# every repository of the GitHub App installation",
            "autoship serve --installation --store postgres://autoship@db/autoship");
    }

    public static Option<string?> Urls() => new("--urls")
    {
        Description = $"Where to listen, ';'-separated (default {ServerOptions.DefaultUrls}).",
    };

    /// <summary>Every repository asked for: --forge, each --repo, then the --repos file; the same one twice is a usage error.</summary>
    internal static IReadOnlyList<ServedRepository> Repositories(string? forge, IReadOnlyList<string> repo, FileInfo? file, TimeSpan? every)
    {
        var list = new List<ServedRepository>();
        foreach (var spec in (forge is null ? [] : new[] { forge }).Concat(repo))
        {
            ForgeKinds.Resolve(spec, ForgeKinds.All);
            list.Add(new ServedRepository(spec.Trim()));
        }

        if (file is not null)
        {
            list.AddRange(RepositoryList.Load(file.FullName));
        }

        if (list.Count == 0)
        {
            throw new CliUsageException("no repository to serve: pass --forge SPEC, --repo SPEC (repeatable) or --repos FILE");
        }

        var twice = list.GroupBy(r => r.Forge, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new CliUsageException($"{twice.Key} is listed twice");
        }

        return list.Select(r => r with { Every = r.Every ?? every }).ToList();
    }

    /// <summary>Serves until Ctrl-C; the action under way finishes before the process exits.</summary>
    public static Task<int> ServeAsync(IAnsiConsole console, EngineArgs args, string? urls, CancellationToken cancellationToken, TextWriter? progressLog = null) =>
        ServeAsync(console, args, [new ServedRepository(args.Forge!)], urls, cancellationToken, progressLog: progressLog);

    /// <param name="progressLog">Where the plain progress lines of ticks and agents go (stderr; null with --quiet). The dashboard's "Running now" shows the same steps.</param>
    public static async Task<int> ServeAsync(IAnsiConsole console, EngineArgs args, IReadOnlyList<ServedRepository> repositories, string? urls, CancellationToken cancellationToken,
        TimeSpan? leaseTtl = null, TextWriter? progressLog = null)
    {
        using var log = progressLog is null ? null : new Autoship.Cli.Progress.PlainProgress(progressLog, TimeProvider.System);
        var options = ServerOptions.FromEnvironment(urls);
        if (leaseTtl is { } ttl)
        {
            options = options with { ReplicaLeaseTtl = ttl };
        }

        try
        {
            BindingCheck.Validate(options);
        }
        catch (ServerConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }

        if (repositories.Count > 1)
        {
            // Each repository's loop blocks pool threads at times (SQLite calls are synchronous, git processes are
            // waited on). With the default minimum of one pool thread per core, the replica heartbeat then waits for
            // the pool to grow and its leases can expire under it on a busy machine; start with room for every loop.
            ThreadPool.GetMinThreads(out var workers, out var completions);
            ThreadPool.SetMinThreads(Math.Max(workers, 8 + (4 * repositories.Count)), completions);
        }

        // One repository keeps its state where it always did; several share one store and keep their files apart.
        var baseDirectory = args.StateDirectory ?? NonEmpty(Environment.GetEnvironmentVariable("AUTOSHIP_STATE_DIR")) ?? Path.Combine(Directory.GetCurrentDirectory(), ".autoship");
        IStateStore? shared = null;
        var sessions = new List<EngineSession>();
        try
        {
            if (repositories.Count > 1)
            {
                Directory.CreateDirectory(baseDirectory);
                shared = await StoreFactory.OpenAsync(args.Store ?? Path.Combine(baseDirectory, "state.db"), cancellationToken);
            }

            RepositoryRegistry? registry = null;
            var engines = new List<ServerEngine>();
            foreach (var repository in repositories)
            {
                var repoArgs = args with
                {
                    Forge = repository.Forge,
                    StateDirectory = shared is null ? args.StateDirectory : Path.Combine(baseDirectory, "repos", RepositoryRegistry.KeyFor(repository.Forge)),
                };
                var session = await EngineSession.OpenAsync(repoArgs, cancellationToken, shared);
                sessions.Add(session);
                var name = session.Forge.Name;
                // Ticks and the worker pool's agents report what runs to the dashboard and, as plain lines, to the log.
                var running = new Autoship.Server.Loop.RunningSteps(session.Clock,
                    log is null ? null : repositories.Count > 1 ? new Autoship.Cli.Progress.PrefixedProgress(log, name) : log);
                // Jobs run as tasks of the server; each one that finishes wakes its repository's loop to collect it.
                session.UseWorkerPool(() => registry?.Loops.FirstOrDefault(l => l.Name == name)?.State.Wake(), running);
                engines.Add(new ServerEngine(session.Forge, session.Store, (o, logger) => session.CreateReconciler(o, logger), session.StateDirectory, session.Clock)
                {
                    ConfigOverride = session.ConfigOverride,
                    Every = repository.Every,
                    Running = running,
                    JobsInFlight = session.Executors.Local is LocalExecutor pool
                        ? ct => pool.HasJobsHereAsync(new JobLedger(session.Store, name), ct)
                        : _ => Task.FromResult(false),
                });
            }

            await using var app = AutoshipServer.Build(engines, options);
            registry = app.Services.GetRequiredService<RepositoryRegistry>();
            await app.StartAsync(cancellationToken);
            var what = engines.Count == 1 ? engines[0].Forge.Name : $"{engines.Count} repositories (replica {options.Replica})";
            console.MarkupLine(Markup.Escape($"Autoship dashboard for {what}: {string.Join(", ", app.Urls)}"));
            if (options.WebhookSecret is null)
            {
                console.MarkupLine(Markup.Escape($"webhooks are off: set {ServerOptions.WebhookSecretVariable} to accept signed deliveries at /webhooks/github"));
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }

            if (shared is not null)
            {
                await shared.DisposeAsync();
            }
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
