using System.CommandLine;
using Autoship.Cli.Local;
using Autoship.Forge.Local;

namespace Autoship.Cli.Commands;

internal static class LocalUserCommand
{
    public static Command Create()
    {
        var login = new Argument<string>("LOGIN") { Description = "The user's login." };
        var role = new Option<string>("--role") { Description = "owner, writer or reader.", Required = true };
        role.AcceptOnlyFromAmong([.. LocalRole.All]);
        var add = new Command("add", "Add a user (or change a user's role).") { login, role };
        var (forge, actAs) = LocalCli.AddForgeOptions(add);
        add.SetAction((parse, ct) => LocalCli.RunAsync(parse, async () =>
        {
            await using var local = await LocalCli.OpenAsync(parse, forge, actAs, ct);
            await local.AddUserAsync(parse.GetValue(login)!, parse.GetValue(role)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"{parse.GetValue(login)} is now a {parse.GetValue(role)}.");
            return ExitCodes.Ok;
        }));

        return new Command("user", "Manage the local forge's users.") { add };
    }
}
