using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Cli.Reporting;
using Autoship.Core.Config;
using Autoship.Forge;
using Autoship.Forge.Local;
using Spectre.Console;

namespace Autoship.Cli.Context;

/// <summary>
/// The one context of a command's invocation: its console and error writer, JSON output (fields, jq), the forge it
/// talks to, the configuration and, for loop commands, the engine session (forge + store). Every command builds it from
/// its parse result and the option sets it declared; no command opens a forge, reads a configuration or writes JSON
/// any other way.
/// </summary>
internal sealed class CommandContext
{
    private readonly OutputOptions? _output;
    private readonly ForgeOptions? _forge;
    private readonly Option<FileInfo?>? _config;
    private readonly EngineOptions? _engine;
    private IAnsiConsole? _console;

    private CommandContext(ParseResult parse, OutputOptions? output, ForgeOptions? forge, Option<FileInfo?>? config, EngineOptions? engine)
    {
        Parse = parse;
        _output = output;
        _forge = forge;
        _config = config;
        _engine = engine;
    }

    public static CommandContext For(ParseResult parse, OutputOptions? output = null, ForgeOptions? forge = null, Option<FileInfo?>? config = null) =>
        new(parse, output, forge, config, null);

    /// <summary>The context of a loop command (<see cref="EngineOptions"/>: forge, configuration, store, dashboard link).</summary>
    public static CommandContext For(ParseResult parse, EngineOptions engine, OutputOptions? output = null) =>
        new(parse, output, engine.ForgeOptions, engine.Config, engine);

    /// <summary>The forge, store and configuration override of a loop command, opened once.</summary>
    public Task<EngineSession> OpenSessionAsync(CancellationToken cancellationToken, TimeProvider? clock = null) =>
        EngineSession.OpenAsync((_engine ?? throw new InvalidOperationException("not a loop command")).Read(Parse, clock), cancellationToken);

    public ParseResult Parse { get; }

    /// <summary>The command's console (<see cref="CliConsole"/>: width from COLUMNS or the terminal, NO_COLOR honoured).</summary>
    public IAnsiConsole Console => _console ??= CliConsole.For(Parse);

    public TextWriter Out => Parse.InvocationConfiguration.Output;

    public TextWriter Error => Parse.InvocationConfiguration.Error;

    /// <summary>True when the user asked for JSON (<c>--json</c>, <c>--json FIELDS</c> or <c>--jq</c>).</summary>
    public bool Json => _output?.IsJson(Parse) ?? false;

    public FileInfo? ConfigFile => _config is null ? null : Parse.GetValue(_config);

    /// <summary>One JSON document on the command's output, narrowed to <c>--json FIELDS</c> and filtered by <c>--jq</c>.</summary>
    public async Task WriteJsonAsync(object value, CancellationToken cancellationToken)
    {
        var json = JsonWriter.Render(value, _output?.Fields(Parse) ?? []);
        if (_output is not null && Parse.GetValue(_output.Jq) is { Length: > 0 } expression)
        {
            json = await JsonWriter.JqAsync(json, expression, cancellationToken);
        }

        await Out.WriteLineAsync(json);
    }

    /// <summary>The forge named by <c>-R/--repo/--forge</c>, else <c>GH_REPO</c>, else this checkout's GitHub remote.</summary>
    public string ForgeSpec => ResolveForgeSpec(_forge is null ? null : Parse.GetValue(_forge.Forge));

    public static string ResolveForgeSpec(string? given) =>
        RepoInference.Normalize(given)
        ?? RepoInference.Infer(Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory())
        ?? throw new CliUsageException($"no repository given: pass -R OWNER/REPO (GitHub) or --forge local:DIR (the embedded local forge), set GH_REPO, or run inside a checkout with a GitHub remote; the forge kinds are {string.Join(" or ", ForgeKinds.All.Select(k => k.Usage))}");

    public ForgeOpenOptions ForgeOpenOptions(TimeProvider? clock = null) => _forge?.Read(Parse, clock) ?? new ForgeOpenOptions(Clock: clock);

    /// <summary>Opens the forge through the table of <see cref="ForgeKinds"/> (never a silent fallback).</summary>
    public Task<IForge> OpenForgeAsync(CancellationToken cancellationToken) =>
        ForgeResolver.OpenAsync(ForgeSpec, ForgeOpenOptions(), cancellationToken);

    /// <summary>The local forge of an <c>autoship local …</c> command, acting as <c>--as</c> or the forge's owner.</summary>
    public async Task<LocalForge> OpenLocalForgeAsync(CancellationToken cancellationToken)
    {
        var directory = LocalDirectory;
        if (!LocalForge.Exists(directory))
        {
            throw new CliUsageException($"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        var login = (_forge?.As is { } actAs ? Parse.GetValue(actAs) : null) ?? await LocalForge.OwnerOfAsync(directory, cancellationToken);
        return await LocalForge.OpenAsync(directory, login, TimeProvider.System, cancellationToken);
    }

    /// <summary>The directory of <c>--forge DIR</c> (or <c>local:DIR</c>).</summary>
    public string LocalDirectory
    {
        get
        {
            return Local.LocalCli.Directory(_forge is null ? null : Parse.GetValue(_forge.Forge));
        }
    }

    /// <summary>
    /// The valid configuration — <c>--config FILE</c>, else the checkout's own <c>.github/autoship.yml</c>, else the one on
    /// the forge's default branch — or a usage error listing every problem as <c>file:line:col</c>.
    /// </summary>
    public async Task<AutoshipConfig> LoadConfigAsync(IForge forge, CancellationToken cancellationToken)
    {
        var file = ConfigFile;
        var local = ConfigSource.Resolve(file, Environment.CurrentDirectory);
        var result = file is null && !File.Exists(local) && await forge.ReadFileAsync(AutoshipConfig.DefaultPath, null, cancellationToken) is { } text
            ? ConfigLoader.Load(text, $"{forge.Name}:{AutoshipConfig.DefaultPath}")
            : ConfigSource.Load(file, Environment.CurrentDirectory);
        if (!result.IsValid)
        {
            throw new CliUsageException("the configuration is not valid:\n" + string.Join("\n", result.Errors));
        }

        return result.Config!;
    }

    /// <summary>Runs a command body; a forge refusal (no write access, unknown PR) is a problem the user can fix: exit 1.</summary>
    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ForgeException e) when (e.Code is not ("no-forge" or "not-found"))
        {
            await Error.WriteLineAsync("autoship: " + e.Message);
            return ExitCodes.Problem;
        }
        catch (ForgeException e) when (e.Code == "no-forge")
        {
            throw new CliUsageException(e.Message);
        }
    }
}
