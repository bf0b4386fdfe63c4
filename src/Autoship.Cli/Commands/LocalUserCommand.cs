using Autoship.Cli.Help;
using Autoship.Cli.Context;
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
        LocalAction.Set(add, null, async (cli, local, parse, ct) =>
        {
            await local.AddUserAsync(parse.GetValue(login)!, parse.GetValue(role)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"{parse.GetValue(login)} is now a {parse.GetValue(role)}.");
            return ExitCodes.Ok;
        });

        return new Command("user", "Manage the local forge's users.") { add.WithExamples("autoship local user add bob --role writer --forge ./forge") }.WithExamples("autoship local user add bob --role writer --forge ./forge");
    }
}
