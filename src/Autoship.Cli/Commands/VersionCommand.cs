using Autoship.Cli.Help;
using System.CommandLine;
using System.Reflection;

namespace Autoship.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print Autoship's version.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parse.InvocationConfiguration.Output.WriteLine(version);
            return 0;
        });
        return command.WithExamples("autoship version");
    }
}
