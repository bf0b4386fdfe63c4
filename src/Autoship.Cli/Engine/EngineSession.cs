using Autoship.Agents;
using Autoship.Core.Config;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoship.Cli.Engine;

/// <summary>Everything a command needs to run the loop on one forge: the forge, the store and the reconciler.</summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private EngineSession(IForge forge, IStateStore store, string stateDirectory, AutoshipConfig? configOverride, TimeProvider clock, string? dashboardUrl)
    {
        DashboardUrl = dashboardUrl;
        Forge = forge;
        Store = store;
        StateDirectory = stateDirectory;
        ConfigOverride = configOverride;
        Clock = clock;
    }

    public IForge Forge { get; }

    public IStateStore Store { get; }

    public string StateDirectory { get; }

    public AutoshipConfig? ConfigOverride { get; }

    public TimeProvider Clock { get; }

    public string? DashboardUrl { get; }

    /// <param name="sharedStore">A store opened by the caller and shared by several sessions (<c>serve</c> with several repositories); not disposed here.</param>
    public static async Task<EngineSession> OpenAsync(EngineArgs args, CancellationToken cancellationToken, IStateStore? sharedStore = null)
    {
        var clock = args.Clock ?? TimeProvider.System;
        // AUTOSHIP_CRASH_AFTER (a test hook for the reliability campaign) wraps the forge; unset, it is the forge itself.
        var forge = Autoship.Forge.Faults.CrashAfterWrite.Wrap(await ForgeResolver.OpenAsync(args.Forge, new ForgeOpenOptions(args.ActAs, args.TokenEnv, args.ApiUrl, clock), cancellationToken));
        // AUTOSHIP_STATE_DIR: one orchestrator's own files (repository cache, worktrees) when several share a host.
        var stateDirectory = args.StateDirectory ?? NonEmpty(Environment.GetEnvironmentVariable("AUTOSHIP_STATE_DIR")) ?? DefaultStateDirectory(args.Forge!);
        Directory.CreateDirectory(stateDirectory);
        var storeLocation = args.Store ?? Path.Combine(stateDirectory, "state.db");
        var store = sharedStore ?? await StoreFactory.OpenAsync(storeLocation, cancellationToken);
        AutoshipConfig? config = null;
        if (args.Config is not null)
        {
            var loaded = ConfigSource.Load(args.Config, Directory.GetCurrentDirectory());
            if (!loaded.IsValid)
            {
                throw new CliUsageException("the configuration is invalid:\n  " + string.Join("\n  ", loaded.Errors));
            }

            config = loaded.Config;
        }

        var session = new EngineSession(forge, store, stateDirectory, config, clock, args.DashboardUrl)
        {
            ownsStore = sharedStore is null,
            // A file path names one store whatever the working directory; a connection string names itself.
            StoreLocation = sharedStore is not null ? null : storeLocation.Contains('=', StringComparison.Ordinal) ? storeLocation : Path.GetFullPath(storeLocation),
            ConfigOverrideText = args.Config is null ? null : await File.ReadAllTextAsync(ConfigSource.Resolve(args.Config, Directory.GetCurrentDirectory()), cancellationToken),
        };
        session.Executors = SessionExecutors.Detached(session);
        return session;
    }

    /// <summary>Where this session's own store is (null for a store shared by the caller): keys the kept orchestrator id.</summary>
    public string? StoreLocation { get; private init; }

    /// <summary>The configuration file's text when <c>--config</c> was given (handed to job workers).</summary>
    public string? ConfigOverrideText { get; private init; }

    /// <summary>Where work orders run for this session's reconcilers (see <see cref="SessionExecutors"/>).</summary>
    public SessionExecutors Executors { get; private set; } = null!;

    /// <summary>Long-running commands (<c>run</c>, <c>serve</c>) run local jobs as tasks of their own process.</summary>
    public void UseWorkerPool(Action? onJobCompleted = null, IAgentProgress? progress = null) => Executors = SessionExecutors.Pool(this, onJobCompleted, progress);

    /// <param name="progress">Where the tick's passes, actions and inline agent runs are reported live (null: nowhere).</param>
    public Reconciler CreateReconciler(ILogger? logger = null, IAgentProgress? progress = null) =>
        CreateReconciler(new ReconcilerOptions(Autoship.Engine.Store.LeaseHolder.ForThisProcess(), StateDirectory)
        {
            ConfigOverride = ConfigOverride,
            Progress = progress,
        }, logger);

    public Reconciler CreateReconciler(ReconcilerOptions options, ILogger? logger = null) =>
        new(Forge, Store, CreateRunner(options.Progress), options with
        {
            DashboardUrl = options.DashboardUrl ?? DashboardUrl,
            Executors = options.Executors ?? Executors.For,
            ConfigOverrideText = options.ConfigOverrideText ?? ConfigOverrideText,
            StoreLocation = options.StoreLocation ?? StoreLocation,
        }, Clock, logger ?? NullLogger.Instance);

    public IAgentRunner CreateRunner(IAgentProgress? progress = null) => new AgentRunner(new AgentRunnerOptions(StateDirectory) { Time = Clock, Progress = progress });

    /// <summary>Local forges keep Autoship's state beside them (so demo, status and serve share it); GitHub in ./.autoship.</summary>
    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static string DefaultStateDirectory(string forgeSpec) =>
        ForgeKinds.TryResolve(forgeSpec) is { Kind.Name: ForgeSpec.Local } local
            ? Path.Combine(Path.GetFullPath(local.Target), "autoship")
            : Path.Combine(Directory.GetCurrentDirectory(), ".autoship");

    private bool ownsStore = true;

    public async ValueTask DisposeAsync()
    {
        await Forge.DisposeAsync();
        if (ownsStore)
        {
            await Store.DisposeAsync();
        }
    }
}

/// <summary>The options every loop command shares.</summary>
internal sealed record EngineArgs(string? Forge, FileInfo? Config, string? Store, string? StateDirectory, string? ActAs = null, string? TokenEnv = null, string? ApiUrl = null, TimeProvider? Clock = null)
{
    /// <summary>The dashboard's public address, linked from the <c>autoship/gate</c> status.</summary>
    public string? DashboardUrl { get; init; }
}
