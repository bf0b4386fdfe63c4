using System.CommandLine;
using Autoship.Forge.Local;

namespace Autoship.Cli.Context;

/// <summary>The action of an <c>autoship local …</c> command: <c>--forge DIR</c>, <c>--as</c>, the local forge opened, refusals as exit 1.</summary>
internal static class LocalAction
{
    public static void Set(Command command, OutputOptions? output, Func<CommandContext, LocalForge, ParseResult, CancellationToken, Task<int>> body)
    {
        var forge = ForgeOptions.Local();
        forge.AddTo(command);
        output?.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var cli = CommandContext.For(parse, output, forge);
            return cli.RunAsync(async () =>
            {
                await using var local = await cli.OpenLocalForgeAsync(ct);
                return await body(cli, local, parse, ct);
            });
        });
    }
}
