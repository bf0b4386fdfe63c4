using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autoship.Forge;
using Autoship.Forge.Local;
using Spectre.Console;

namespace Autoship.Cli.Local;

/// <summary>What every <c>autoship local …</c> command shares: <c>--forge</c>, <c>--as</c>, <c>--json</c>, output and errors.</summary>
internal static class LocalCli
{
    /// <summary>The CLI's one JSON style (<see cref="Reporting.JsonOutput"/>).</summary>
    public static JsonSerializerOptions JsonOptions => Reporting.JsonOutput.Options;

    public static Option<string?> ForgeOption() => new("--forge")
    {
        Description = "The local forge directory (DIR or local:DIR).",
    };

    public static Option<string?> AsOption() => new("--as")
    {
        Description = "Act as this local forge user (default: the forge's owner).",
    };

    /// <summary>Adds <c>--forge</c> and <c>--as</c> to a command and returns them.</summary>
    public static (Option<string?> Forge, Option<string?> As) AddForgeOptions(Command command)
    {
        var forge = ForgeOption();
        var actAs = AsOption();
        command.Options.Add(forge);
        command.Options.Add(actAs);
        return (forge, actAs);
    }

    public static string Directory(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new CliUsageException("no forge given: pass --forge DIR (a directory made by 'autoship local init DIR')");
        }

        return spec.StartsWith(ForgeSpec.Local + ":", StringComparison.OrdinalIgnoreCase) ? spec[(ForgeSpec.Local.Length + 1)..] : spec;
    }

    public static async Task<LocalForge> OpenAsync(ParseResult parse, Option<string?> forge, Option<string?> actAs, CancellationToken cancellationToken)
    {
        var directory = Directory(parse.GetValue(forge));
        if (!LocalForge.Exists(directory))
        {
            throw new CliUsageException($"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        var login = parse.GetValue(actAs) ?? await LocalForge.OwnerOfAsync(directory, cancellationToken);
        return await LocalForge.OpenAsync(directory, login, TimeProvider.System, cancellationToken);
    }

    /// <summary>Runs a command body; a forge refusal (no write access, unknown PR) is a problem the user can fix: exit 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ForgeException e) when (e.Code != "no-forge")
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("autoship: " + e.Message);
            return ExitCodes.Problem;
        }
        catch (ForgeException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    public static IAnsiConsole Console(ParseResult parse) => Reporting.CliConsole.For(parse);

    public static void WriteJson(ParseResult parse, object value) => Reporting.CliConsole.WriteJson(parse, value);

    public static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    public static string List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? "-" : text;
    }
}
