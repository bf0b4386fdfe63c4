using System.CommandLine;
using System.CommandLine.Help;

namespace Autoship.Cli.Help;

/// <summary>
/// Help as gh writes it: System.CommandLine's sections, then EXAMPLES, wrapped at the terminal's width (<c>COLUMNS</c>,
/// else the terminal, else 80 when piped) at word boundaries.
/// </summary>
internal static class HelpLayout
{
    public const int PipedWidth = 80;

    /// <summary>Replaces the help action of every <c>--help</c> option in the tree.</summary>
    public static void Apply(RootCommand root, int width)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            option.Action = new WithExamples(new HelpAction { MaxWidth = width }, width);
        }
    }

    /// <summary>True when the command line asks for help (then missing arguments are no error).</summary>
    public static bool IsHelp(ParseResult parse) => parse.Action is WithExamples or HelpAction;

    /// <summary>System.CommandLine's help, then the command's EXAMPLES.</summary>
    private sealed class WithExamples(HelpAction help, int width) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            WriteExamples(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output, width);
            return code;
        }
    }

    /// <summary>The page's width (<see cref="Reporting.TerminalWidth"/>), at least 40 columns; 80 when piped.</summary>
    public static int Width(TextWriter output) => Math.Max(40, Reporting.TerminalWidth.Of(output) ?? PipedWidth);

    private static void WriteExamples(Command command, TextWriter output, int width)
    {
        var examples = CommandExamples.Of(command);
        if (examples.Count == 0)
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            foreach (var line in Wrap(example, width - 2))
            {
                output.WriteLine("  " + line);
            }
        }

        output.WriteLine();
    }

    /// <summary>Wraps at spaces, continuation lines indented; a word longer than the width stays whole on its own line (paths stay copyable).</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        const string continuation = "  ";
        var line = new System.Text.StringBuilder();
        var words = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(continuation);
                words = 0;
            }

            line.Append(words == 0 ? string.Empty : " ").Append(word);
            words++;
        }

        if (words > 0)
        {
            yield return line.ToString();
        }
    }
}
