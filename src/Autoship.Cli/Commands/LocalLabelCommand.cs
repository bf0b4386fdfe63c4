using Autoship.Cli.Help;
using Autoship.Cli.Context;
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
        LocalAction.Set(add, null, async (cli, local, parse, ct) =>
        {
            var number = parse.GetValue(addNumber);
            await local.AddLabelsAsync(number, parse.GetValue(addLabels)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"#{number}: added {string.Join(", ", parse.GetValue(addLabels)!)} as {local.ActingAs}.");
            return ExitCodes.Ok;
        });

        var removeNumber = new Argument<int>("N") { Description = "The issue or pull request number." };
        var removeLabel = new Argument<string>("LABEL") { Description = "The label to remove." };
        var remove = new Command("remove", "Remove a label from an issue or pull request (needs write access).") { removeNumber, removeLabel };
        LocalAction.Set(remove, null, async (cli, local, parse, ct) =>
        {
            var number = parse.GetValue(removeNumber);
            await local.RemoveLabelAsync(number, parse.GetValue(removeLabel)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"#{number}: removed {parse.GetValue(removeLabel)} as {local.ActingAs}.");
            return ExitCodes.Ok;
        });

        return new Command("label", "Add or remove labels.") { add.WithExamples("autoship local label add 12 autonomy:ready area:docs --forge ./forge --as alice"), remove.WithExamples("autoship local label remove 12 autonomy:blocked --forge ./forge --as alice") }.WithExamples("autoship local label add 12 autonomy:ready --forge ./forge --as alice");
    }
}
