using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Autoship.Cli.Help;

/// <summary>The EXAMPLES of a command's help, declared next to the command with <see cref="WithExamples"/>.</summary>
internal static class CommandExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Table = new();

    /// <summary>Attaches example command lines (a line starting with <c>#</c> is a comment before the next example).</summary>
    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Table.AddOrUpdate(command, examples);
        return command;
    }

    public static IReadOnlyList<string> Of(Command command) => Table.TryGetValue(command, out var examples) ? examples : [];
}
