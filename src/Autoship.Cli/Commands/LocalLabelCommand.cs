using System.CommandLine;
using Autoship.Cli.Local;

namespace Autoship.Cli.Commands;

internal static class LocalLabelCommand
{
    public static Command Create()
    {
        var addNumber = new Argument<int>("N") { Description = "The issue or pull request number." };
        var addLabels = new Argument<string[]>("LABEL") { Description = "Labels to add.", Arity = ArgumentArity.OneOrMore };
        var add = new Command("add", "Add labels to an issue or pull request (needs write access).") { addNumber, addLabels };
        var (addForge, addAs) = LocalCli.AddForgeOptions(add);
        add.SetAction((parse, ct) => LocalCli.RunAsync(parse, async () =>
        {
            await using var local = await LocalCli.OpenAsync(parse, addForge, addAs, ct);
            var number = parse.GetValue(addNumber);
            await local.AddLabelsAsync(number, parse.GetValue(addLabels)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"#{number}: added {string.Join(", ", parse.GetValue(addLabels)!)} as {local.ActingAs}.");
            return ExitCodes.Ok;
        }));

        var removeNumber = new Argument<int>("N") { Description = "The issue or pull request number." };
        var removeLabel = new Argument<string>("LABEL") { Description = "The label to remove." };
        var remove = new Command("remove", "Remove a label from an issue or pull request (needs write access).") { removeNumber, removeLabel };
        var (removeForge, removeAs) = LocalCli.AddForgeOptions(remove);
        remove.SetAction((parse, ct) => LocalCli.RunAsync(parse, async () =>
        {
            await using var local = await LocalCli.OpenAsync(parse, removeForge, removeAs, ct);
            var number = parse.GetValue(removeNumber);
            await local.RemoveLabelAsync(number, parse.GetValue(removeLabel)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"#{number}: removed {parse.GetValue(removeLabel)} as {local.ActingAs}.");
            return ExitCodes.Ok;
        }));

        return new Command("label", "Add or remove labels.") { add, remove };
    }
}
